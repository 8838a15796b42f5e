// The theme's accessibility defaults, checked the way axe-core checks them in Chromium (issue 17).
import { Button, Loader, MantineProvider, TextInput } from '@mantine/core';
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

it('a button keeps its width in a row that does not wrap, and an empty field in error keeps a grey example', () => {
  render(
    <MantineProvider theme={theme}>
      <Button>Create IPsec server</Button>
      <TextInput label="Local subnets" placeholder="10.0.0.0/16" error="Enter a valid CIDR block" />
    </MantineProvider>,
  );
  expect(screen.getByRole('button', { name: 'Create IPsec server' })).toHaveStyle({
    flexShrink: '0',
  });
  const wrapper = screen.getByPlaceholderText('10.0.0.0/16').parentElement;
  expect(wrapper?.style.getPropertyValue('--input-placeholder-color')).toBe(
    'var(--mantine-color-placeholder)',
  );
});
