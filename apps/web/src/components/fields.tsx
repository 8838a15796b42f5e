// Text form fields bound to the surrounding SchemaForm, errors shown at the field as you type.
import { PasswordInput, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { useFieldErrorText } from './form';
import { useUnknownValuePlaceholder } from './unknown-values';

export interface BaseProps {
  name: string;
  label: string;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

const asString = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

export function TextField({
  name,
  label,
  description,
  required,
  disabled,
  placeholder,
  multiline,
}: BaseProps & { placeholder?: string; multiline?: boolean }) {
  const { field } = useController({ name });
  const error = useFieldErrorText(name);
  const cloudValue = useUnknownValuePlaceholder(name);
  const props = {
    label,
    description,
    required,
    disabled,
    placeholder: cloudValue ?? placeholder,
    error,
    name: field.name,
    ref: field.ref,
    value: asString(field.value),
    onBlur: field.onBlur,
    onChange: (e: { currentTarget: { value: string } }) => {
      // '' means "not set": withoutEmpty() leaves it out before validating and sending.
      field.onChange(e.currentTarget.value);
    },
  };
  return multiline === true ? (
    <Textarea autosize minRows={3} {...props} />
  ) : (
    <TextInput {...props} />
  );
}

export function SecretField({ name, label, description, required }: BaseProps) {
  const {
    field: { ref, ...field },
  } = useController({ name });
  const error = useFieldErrorText(name);
  return (
    <PasswordInput
      label={label}
      description={description}
      required={required}
      error={error}
      name={field.name}
      ref={ref}
      value={asString(field.value)}
      onBlur={field.onBlur}
      onChange={(e) => {
        field.onChange(e.currentTarget.value);
      }}
    />
  );
}
