// DescribeRegions response (reference §5.1).
import { z } from 'zod';
import { listWrapper } from './common';

export const regionSchema = z.looseObject({
  RegionId: z.string(),
  LocalName: z.string().optional(),
  RegionEndpoint: z.string().optional(),
});

export const describeRegionsResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  Regions: listWrapper('Region', regionSchema),
});

export type Region = z.output<typeof regionSchema>;
export type DescribeRegionsResponse = z.output<typeof describeRegionsResponseSchema>;
