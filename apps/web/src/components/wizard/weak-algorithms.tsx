// A warning under a weak algorithm choice (md5, des/3des, DH group1/2/5) with the stronger choice
// a peer is likely to support, one click to use it. It never blocks: the peer may offer nothing
// better, and the cloud accepts these values.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { strongerChoice, type WeakKind } from '@vpn-console/shared/common/algorithms';
import { useFormContext, useWatch } from 'react-hook-form';
import { useWords } from '../../lib/i18n';
import { wizardWords } from './messages';
import { fieldLabel } from './review';

const texts = {
  auth: 'weak.auth',
  enc: 'weak.enc',
  dh: 'weak.dh',
} as const satisfies Record<WeakKind, string>;

export function WeakAlgorithmWarnings({
  fields,
}: {
  fields: readonly { kind: WeakKind; name: string }[];
}) {
  const i18n = useWords(wizardWords);
  const { t, w } = i18n;
  const { setValue } = useFormContext();
  const values: unknown[] = useWatch({ name: fields.map((f) => f.name) });
  const weak = fields.flatMap((f, i) => {
    const value = values[i];
    const proposed = strongerChoice(f.kind, value);
    return proposed === undefined || typeof value !== 'string' ? [] : [{ ...f, value, proposed }];
  });
  if (weak.length === 0) return null;
  return (
    <Alert color="yellow" title={w('weak.title')}>
      <Stack gap="xs">
        {weak.map((f) => (
          <Group key={f.name} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">
              {t('common.labelled', { label: fieldLabel(i18n, f.name) })}
              {w(texts[f.kind], { value: f.value, proposed: f.proposed })}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                setValue(f.name, f.proposed, { shouldValidate: true, shouldDirty: true });
              }}
            >
              {w('weak.use', { proposed: f.proposed })}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
