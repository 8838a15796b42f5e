// Every text colour the theme gives a Mantine colour meets WCAG 2.1 AA (4.5:1) on what it is
// drawn on (issue 17; the browser journeys' axe runs check the pages as a whole).
import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver } from './theme';

describe('theme contrast', () => {
  const light = cssVariablesResolver(DEFAULT_THEME).light;
  const names = Object.keys(DEFAULT_THEME.colors);

  it.each(names)('%s: white on filled, filled on white, light-color on light', (name) => {
    const shades = DEFAULT_THEME.colors[name] ?? DEFAULT_THEME.colors.gray;
    const filled = light[`--mantine-color-${name}-filled`] ?? '';
    expect(contrastRatio('#ffffff', filled)).toBeGreaterThanOrEqual(4.5);
    expect(
      contrastRatio(light[`--mantine-color-${name}-outline`] ?? '', '#f1f3f5'),
    ).toBeGreaterThanOrEqual(4.5);
    expect(
      contrastRatio(light[`--mantine-color-${name}-light-color`] ?? '', shades[1]),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('dims text no lower than AA, links too', () => {
    expect(contrastRatio(light['--mantine-color-dimmed'] ?? '', '#f8f9fa')).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(contrastRatio(light['--mantine-color-anchor'] ?? '', '#f8f9fa')).toBeGreaterThanOrEqual(
      4.5,
    );
    // The measured failures of issue 17, for the record.
    expect(contrastRatio('#228be6', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#868e96', '#ffffff')).toBeLessThan(4.5);
  });
});
