// Reads every page of a Describe* list (PageSize 50) or a List* with NextToken.
import type { RpcAction } from '@vpn-console/shared/rpc-types';
import type { RpcParams } from '../cloud/pop-client';
import type { CloudCallOptions, CloudClient } from '../cloud/client';
import type { z } from 'zod';

/** 100 pages of 50: a region of up to 5,000 (issue 18: large accounts). */
const MAX_PAGES = 100;

/** What a read may say about its calls: its retry policy and its place in the call budget. */
export type ReadOptions = Pick<CloudCallOptions<unknown>, 'policy' | 'priority'>;

export const describeAll = async <T, Item>(
  cloud: CloudClient,
  regionId: string,
  action: RpcAction,
  params: RpcParams,
  schema: z.ZodType<T>,
  itemsOf: (page: T) => Item[],
  totalOf: (page: T) => number | undefined,
  options: ReadOptions = {},
): Promise<Item[]> => {
  const items: Item[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data } = await cloud.call(
      action,
      { ...params, PageNumber: page, PageSize: 50 },
      { regionId, schema, ...options },
    );
    const batch = itemsOf(data);
    items.push(...batch);
    const total = totalOf(data);
    if (batch.length < 50 || (total !== undefined && items.length >= total)) break;
  }
  return items;
};

export const listAllByToken = async <T, Item>(
  cloud: CloudClient,
  regionId: string,
  action: RpcAction,
  params: RpcParams,
  schema: z.ZodType<T>,
  itemsOf: (page: T) => Item[],
  nextOf: (page: T) => string | undefined,
): Promise<Item[]> => {
  const items: Item[] = [];
  let token: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data } = await cloud.call(
      action,
      { ...params, MaxResults: 20, ...(token === undefined ? {} : { NextToken: token }) },
      { regionId, schema },
    );
    items.push(...itemsOf(data));
    token = nextOf(data);
    if (token === undefined || token === '') break;
  }
  return items;
};
