// An address with no page, and a region the account does not have, say so in the user's language
// with a way back, instead of jumping to the gateway list or showing an empty one.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../test/fetch-mock';
import { baseRoutes } from '../test/fixtures';
import { renderApp } from '../test/render';

describe('not found', () => {
  it('an unknown address says there is no page there and stays on it', async () => {
    mockFetch(baseRoutes('viewer'));
    const { router } = renderApp('/no/such/page');
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no page at this address.');
    expect(screen.getByRole('link', { name: 'Go to the VPN gateways' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(router.url()).toBe('/no/such/page');
  });

  it('a region the account does not have is named, in Chinese too', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp('/regions/xx-nowhere/gateways', 'zh-CN');
    expect(await screen.findByRole('alert')).toHaveTextContent('此账号没有地域 xx-nowhere。');
    expect(screen.queryByRole('heading', { name: /xx-nowhere/ })).toBeNull();
  });
});
