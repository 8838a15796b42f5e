// The console's Mantine theme: Mantine's palette with every text colour made to meet WCAG 2.1 AA
// (issue 17: axe-core in Chromium found serious contrast failures on every page — #228be6 links
// and filled buttons at 3.5:1, #868e96 dimmed text at 3.3:1, green light badges at 3.8:1, yellow
// ones at 2.7:1). Each colour's text-bearing shade is darkened just until it reaches 4.5:1 on the
// background it is drawn on; hues stay Mantine's.
import {
  Badge,
  createTheme,
  Loader,
  darken,
  DEFAULT_THEME,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** Normal text needs 4.5:1 (WCAG 2.1 SC 1.4.3). */
const AA = 4.5;
/** The lightest-but-one surface text sits on (striped and hovered rows, gray-1). */
const SURFACE = DEFAULT_THEME.colors.gray[1];

const channel = (v: number): number => {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of a `#rrggbb` or `rgba(r, g, b, a)` colour (alpha ignored). */
const relativeLuminance = (color: string): number => {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const rgb = hex
    ? hex.slice(1).map((h) => parseInt(h, 16))
    : (/rgba?\(([^)]+)\)/.exec(color)?.[1] ?? '0,0,0').split(',').map((p) => Number(p.trim()));
  const [r = 0, g = 0, b = 0] = rgb;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};

export const contrastRatio = (a: string, b: string): number => {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

/** `color`, darkened in small steps until it reaches 4.5:1 on every one of `backgrounds`. */
const readableOn = (color: string, ...backgrounds: string[]): string => {
  let out = color;
  for (let step = 1; step <= 20; step += 1) {
    if (backgrounds.every((bg) => contrastRatio(out, bg) >= AA)) return out;
    out = darken(color, step * 0.04);
  }
  return out;
};

const PRIMARY_SHADE = 8;

export const theme = createTheme({
  primaryShade: { light: PRIMARY_SHADE, dark: PRIMARY_SHADE },
  components: {
    // A badge is never cut to "AC…" or "国密型 (S…" (issue 17, 1024 px): its label keeps its
    // width (an ellipsis label has no minimum width, so table columns squeezed it to nothing);
    // the column grows instead, and the table scrolls inside its container when it must.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
    // Nor is a button's label cut ('Create IPsec s', 'Use grou' at 1024 px): in a row that does
    // not wrap, the text beside it wraps instead.
    // (By name, not `Button.extend`: importing the component would pull it into the entry chunk.)
    Button: { styles: { root: { flexShrink: 0 } } },
    // A field in error keeps its placeholder grey: drawn red, the example in an empty subnet field
    // ('10.0.0.0/16') read as a value the console refused.
    Input: {
      styles: { wrapper: { '--input-placeholder-color': 'var(--mantine-color-placeholder)' } },
    },
    // A loader is a live status: Mantine draws it as a bare <span>, on which the aria-label the
    // pages give it is not allowed (axe-core: aria-prohibited-attr, serious).
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

/** Per colour: filled (white text on it), outline/text (on white), light-color (on its light). */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries<MantineColorsTuple>(DEFAULT_THEME.colors)) {
    const filled = readableOn(shades[PRIMARY_SHADE], '#ffffff', SURFACE);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-text`] = filled;
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[1], shades[2]);
  }
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': readableOn(DEFAULT_THEME.colors.gray[6], '#ffffff', SURFACE),
      '--mantine-color-anchor':
        light['--mantine-color-blue-filled'] ?? DEFAULT_THEME.colors.blue[9],
      '--mantine-color-error': light['--mantine-color-red-filled'] ?? DEFAULT_THEME.colors.red[9],
    },
    dark: {},
  };
};
