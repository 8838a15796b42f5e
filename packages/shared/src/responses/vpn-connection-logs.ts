// DescribeVpnConnectionLogs and DiagnoseVpnConnections responses (SDK models of
// @alicloud/vpc20160428; issue 15).
import { z } from 'zod';
import { boolLike, intLike } from './common';

export const describeVpnConnectionLogsResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  Count: intLike.optional(),
  IsCompleted: boolLike.optional(),
  PageNumber: intLike.optional(),
  PageSize: intLike.optional(),
  Data: z.looseObject({ Logs: z.array(z.string()).optional() }).optional(),
});
export type DescribeVpnConnectionLogsResponse = z.output<
  typeof describeVpnConnectionLogsResponseSchema
>;

export const diagnosedConnectionSchema = z.looseObject({
  VpnConnectionId: z.string().optional(),
  TunnelId: z.string().optional(),
  FailedReasonCode: z.string().optional(),
  FailedReason: z.string().optional(),
  /** Unix ms. */
  FailedTime: intLike.optional(),
  MismatchLocalParam: z.string().optional(),
  MismatchRemoteParam: z.string().optional(),
  SourceLog: z.string().optional(),
  Severity: z.string().optional(),
});
export type DiagnosedConnection = z.output<typeof diagnosedConnectionSchema>;

export const diagnoseVpnConnectionsResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: intLike.optional(),
  PageNumber: intLike.optional(),
  PageSize: intLike.optional(),
  VpnConnections: z.array(diagnosedConnectionSchema).optional(),
});
