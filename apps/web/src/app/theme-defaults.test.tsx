// The theme's accessibility defaults, checked the way axe-core checks them in Chromium (issue 17).
import { Loader, MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { seriousViolations } from '../test/axe';
import { theme } from './theme';

it('a labelled loader is a live status, not a bare span with a prohibited aria-label', async () => {
  render(
    <MantineProvider theme={theme}>
      <Loader aria-label="Loading" />
    </MantineProvider>,
  );
  expect(screen.getByRole('status', { name: 'Loading' })).toBeInTheDocument();
  expect(await seriousViolations()).toEqual([]);
});
