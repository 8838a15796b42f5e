import type { Operation } from '@vpn-console/shared/api/operations';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { liveKeys } from './live-status';
import { refreshWhenDone } from './resource-write';

const op = (state: Operation['state']): Operation => ({
  id: 'op-1',
  state,
  action: 'create',
  resourceKind: 'ipsec-server',
  regionId: 'cn-hangzhou',
  attempts: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const setup = () => {
  const client = new QueryClient();
  client.setQueryData(['gateways', 'detail'], { name: 'before' });
  const stale = () => client.getQueryState(['gateways', 'detail'])?.isInvalidated === true;
  return { client, stale };
};

describe('refreshWhenDone', () => {
  it('refreshes what the write changed once its operation succeeds, not before', () => {
    const { client, stale } = setup();
    refreshWhenDone(client, op('queued'), [['gateways']]);
    client.setQueryData(liveKeys.operation('op-1'), op('applying'));
    expect(stale()).toBe(false);
    client.setQueryData(liveKeys.operation('op-1'), op('succeeded'));
    expect(stale()).toBe(true);
  });

  it('refreshes nothing when the operation failed', () => {
    const { client, stale } = setup();
    refreshWhenDone(client, op('queued'), [['gateways']]);
    client.setQueryData(liveKeys.operation('op-1'), op('failed'));
    expect(stale()).toBe(false);
  });

  it('refreshes at once for an operation already done', () => {
    const { client, stale } = setup();
    refreshWhenDone(client, op('succeeded'), [['gateways']]);
    expect(stale()).toBe(true);
  });
});
