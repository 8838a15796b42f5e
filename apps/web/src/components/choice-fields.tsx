// Choice and number fields bound to the surrounding SchemaForm (wizards only: they pull in the
// popover machinery, which the first screen does not need).
import { NumberInput, Select, Switch } from '@mantine/core';
import { useController } from 'react-hook-form';
import type { BaseProps } from './fields';
import { useFieldErrorText } from './form';
import { useUnknownValuePlaceholder } from './unknown-values';

export function NumberField({
  name,
  label,
  description,
  required,
  min,
  max,
}: BaseProps & { min?: number; max?: number }) {
  const {
    field: { ref, ...field },
  } = useController({ name });
  const error = useFieldErrorText(name);
  const cloudValue = useUnknownValuePlaceholder(name);
  return (
    <NumberInput
      placeholder={cloudValue}
      label={label}
      description={description}
      required={required}
      error={error}
      name={field.name}
      ref={ref}
      value={typeof field.value === 'number' ? field.value : ''}
      onBlur={field.onBlur}
      allowDecimal={false}
      clampBehavior="none"
      {...(min === undefined ? {} : { min })}
      {...(max === undefined ? {} : { max })}
      onChange={(v) => {
        // '' (emptied) is left out by withoutEmpty(); undefined would bring the default back.
        field.onChange(typeof v === 'number' ? v : v === '' ? '' : Number(v));
      }}
    />
  );
}

export function SelectField({
  name,
  label,
  description,
  required,
  options,
  clearable,
}: BaseProps & {
  options: readonly { value: string; label: string; disabled?: boolean }[];
  clearable?: boolean;
}) {
  const {
    field: { ref, ...field },
  } = useController({ name });
  const error = useFieldErrorText(name);
  const cloudValue = useUnknownValuePlaceholder(name);
  return (
    <Select
      placeholder={cloudValue}
      label={label}
      description={description}
      required={required}
      error={error}
      name={field.name}
      ref={ref}
      data={options.map((o) => ({ value: o.value, label: o.label, disabled: o.disabled === true }))}
      value={typeof field.value === 'string' ? field.value : null}
      onBlur={field.onBlur}
      clearable={clearable}
      allowDeselect={clearable === true}
      onChange={(v) => {
        field.onChange(v ?? '');
      }}
    />
  );
}

export function SwitchField({
  name,
  label,
  description,
  disabled,
  onOff,
}: BaseProps & { onOff?: () => void }) {
  const {
    field: { ref, ...field },
  } = useController({ name });
  const error = useFieldErrorText(name);
  return (
    <Switch
      label={label}
      description={description}
      error={error}
      disabled={disabled}
      name={field.name}
      ref={ref}
      checked={field.value === true}
      onBlur={field.onBlur}
      onChange={(e) => {
        field.onChange(e.currentTarget.checked);
        if (!e.currentTarget.checked) onOff?.();
      }}
    />
  );
}
