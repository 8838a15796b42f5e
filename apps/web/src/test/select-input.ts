import { screen } from '@testing-library/react';

/** The visible input of a Mantine Select (its listbox is labelled the same). */
export const selectInput = (label: string): HTMLInputElement => {
  const input = screen
    .getAllByLabelText(label)
    .find((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type !== 'hidden');
  if (input === undefined) throw new Error(`no select labelled ${label}`);
  return input;
};
