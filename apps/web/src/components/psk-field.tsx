// Pre-shared key input: generate or enter, with its strength and the documented character set.
import { Button, Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useController } from 'react-hook-form';
import { useI18n } from '../lib/i18n';
import { useFieldErrorText } from './form';

const GENERATED = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^*_-+=';

/** 24 characters from the documented set, from the browser's CSPRNG. */
const generatePsk = (length = 24): string => {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => GENERATED[b % GENERATED.length] ?? 'x').join('');
};

export type PskStrength = 'weak' | 'fair' | 'strong';

const pskStrength = (psk: string): PskStrength => {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(psk)).length;
  if (psk.length >= 20 && classes >= 3) return 'strong';
  if (psk.length >= 12 && classes >= 2) return 'fair';
  return 'weak';
};

export function PskField({
  name,
  label,
  hint,
}: {
  name: string;
  label: string;
  /** What an empty field means (cloud generates one / keep the current key). */
  hint: string;
}) {
  const { t } = useI18n();
  const {
    field: { ref, ...field },
  } = useController({ name });
  const error = useFieldErrorText(name);
  const value = typeof field.value === 'string' ? field.value : '';
  const strength = value === '' ? undefined : pskStrength(value);
  return (
    <Stack gap={4}>
      <PasswordInput
        label={label}
        description={`${t('psk.charset')} ${hint}`}
        error={error}
        name={field.name}
        ref={ref}
        value={value}
        onBlur={field.onBlur}
        autoComplete="new-password"
        onChange={(e) => {
          field.onChange(e.currentTarget.value);
        }}
      />
      <Group gap="sm">
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            field.onChange(generatePsk());
          }}
        >
          {t('psk.generate')}
        </Button>
        {strength === undefined ? null : (
          <Group gap={6} style={{ flex: 1 }}>
            <Progress
              aria-label={t('psk.strength', { level: t(`psk.strength.${strength}`) })}
              value={strength === 'strong' ? 100 : strength === 'fair' ? 60 : 25}
              color={strength === 'strong' ? 'green' : strength === 'fair' ? 'yellow' : 'red'}
              w={120}
            />
            <Text size="xs">{t('psk.strength', { level: t(`psk.strength.${strength}`) })}</Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
