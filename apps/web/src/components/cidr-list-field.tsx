import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useController, useFormContext } from 'react-hook-form';
import { useI18n } from '../lib/i18n';
import type { BaseProps } from './fields';
import { useErrorText } from './form';

/** A list of CIDR blocks, one input per entry, each with its own error. */
export function CidrListField({ name, label, description }: BaseProps) {
  const { t } = useI18n();
  const { formState, getFieldState } = useFormContext();
  const errorText = useErrorText();
  const values = useController({ name }).field;
  const list: string[] = Array.isArray(values.value)
    ? values.value.map((v) => (typeof v === 'string' ? v : ''))
    : [];
  const listError = getFieldState(name, formState).error;
  const rootText = listError?.type === undefined ? undefined : errorText(listError);
  const setList = (next: string[]) => {
    values.onChange(next);
  };
  return (
    <Stack gap={4}>
      <Text component="span" fw={500} size="sm">
        {label}
      </Text>
      {description === undefined ? null : (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      {list.map((value, index) => {
        const entryError = getFieldState(`${name}.${index}`, formState).error;
        return (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              aria-label={`${label} ${index + 1}`}
              placeholder="10.0.0.0/16"
              value={value}
              error={errorText(entryError)}
              onBlur={values.onBlur}
              onChange={(e) => {
                const next = [...list];
                next[index] = e.currentTarget.value;
                setList(next);
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('form.removeEntry', {
                entry: value === '' ? String(index + 1) : value,
              })}
              onClick={() => {
                setList(list.filter((_, i) => i !== index));
              }}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {rootText === undefined ? null : (
        <Text size="xs" c="red.8" role="alert">
          {rootText}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => {
            setList([...list, '']);
          }}
        >
          {t('form.addCidr')}
        </Button>
      </Group>
    </Stack>
  );
}
