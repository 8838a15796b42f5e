// The top bar's small pickers (region, language): a native <select> drawn like Mantine's xs
// input. Mantine's NativeSelect brings the whole Input family (wrapper, label, error, clear
// button, ≈ 4 kB gzip) into the shell, which only forms need; a native select is just as
// keyboard- and screen-reader-usable (issue 6).
import type { CSSProperties } from 'react';

export interface CompactSelectOption {
  value: string;
  label: string;
}

const style: CSSProperties = {
  height: 30,
  padding: '0 8px',
  fontSize: 'var(--mantine-font-size-xs)',
  fontFamily: 'inherit',
  color: 'var(--mantine-color-text)',
  background: 'var(--mantine-color-body)',
  border: '1px solid var(--mantine-color-default-border)',
  borderRadius: 'var(--mantine-radius-default)',
};

export function CompactSelect({
  label,
  value,
  options,
  onChange,
  width,
}: {
  /** The accessible name (the select has no visible label). */
  label: string;
  value: string;
  options: readonly CompactSelectOption[];
  onChange: (value: string) => void;
  width?: number;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
      style={width === undefined ? style : { ...style, width }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
