// Region names follow the chosen language: the BFF sends DescribeRegions' LocalName (English),
// the dictionary names Alibaba's regions by id, and an id it does not know keeps the BFF's name.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const englishRegions = {
  items: [
    { regionId: 'cn-hangzhou', localName: 'China (Hangzhou)' },
    { regionId: 'ap-southeast-1', localName: 'Singapore' },
    { regionId: 'xx-test-1', localName: 'Test Region' },
  ],
  totalCount: 3,
};

const routes = () =>
  mockFetch([
    {
      method: 'GET',
      path: '/api/v1/regions',
      respond: () => ({ status: 200, body: englishRegions }),
    },
    ...baseRoutes('operator'),
  ]);

describe('region names', () => {
  it('are Chinese in zh-CN, with the BFF name for a region the dictionary does not know', async () => {
    routes();
    renderApp('/regions/cn-hangzhou/gateways', 'zh-CN');
    expect(
      await screen.findByRole('heading', { name: '华东1（杭州） 的 VPN 网关' }),
    ).toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: '地域' });
    await waitFor(() => {
      expect(within(picker).getAllByRole('option')).toHaveLength(4);
    });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '所有地域',
      '华东1（杭州） (cn-hangzhou)',
      '新加坡 (ap-southeast-1)',
      'Test Region (xx-test-1)',
    ]);
  });

  it('are English in en', async () => {
    routes();
    renderApp('/regions/cn-hangzhou/gateways', 'en');
    expect(
      await screen.findByRole('heading', { name: 'VPN gateways in China (Hangzhou)' }),
    ).toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: 'Region' });
    await waitFor(() => {
      expect(within(picker).getAllByRole('option')).toHaveLength(4);
    });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'All regions',
      'China (Hangzhou) (cn-hangzhou)',
      'Singapore (ap-southeast-1)',
      'Test Region (xx-test-1)',
    ]);
  });
});
