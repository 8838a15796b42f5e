/** An error the emulated cloud answers with: Alibaba `Code`, HTTP status, `Message`. */
export class ApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: string,
    httpStatus: number,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.httpStatus = httpStatus;
    this.headers = headers;
  }
}

const fail = (code: string, status: number, message: string) => new ApiError(code, status, message);

/**
 * Every error the emulator raises, with the HTTP status and message of the seeds' error tables
 * (and of the reference §2/§3 for the gateway-level ones).
 */
export const apiErrors = {
  // gateway level (reference §2)
  signatureDoesNotMatch: () =>
    fail('SignatureDoesNotMatch', 400, 'Specified signature is not matched with our calculation.'),
  accessKeyNotFound: () =>
    fail('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
  timestampExpired: (ts: string) =>
    fail(
      'InvalidTimeStamp.Expired',
      400,
      `Specified time stamp or date value is expired. Timestamp: ${ts}`,
    ),
  timestampFormat: () =>
    fail(
      'InvalidTimeStamp.Format',
      400,
      'Specified time stamp or date value is not well formatted.',
    ),
  nonceUsed: () => fail('SignatureNonceUsed', 400, 'Specified signature nonce was used already.'),
  signatureMethod: () =>
    fail('InvalidSignatureMethod', 400, 'Specified signature method is not supported.'),
  signatureVersion: () =>
    fail('InvalidSignatureVersion', 400, 'Specified signature version is not supported.'),
  actionNotFound: (action: string) =>
    fail(
      'InvalidAction.NotFound',
      404,
      `Specified api is not found, please check your url and method. Action: ${action}`,
    ),
  invalidVersion: (version: string) =>
    fail('InvalidVersion', 400, `Specified parameter Version is not valid: ${version}`),
  missingParameter: (name: string) =>
    fail(
      'MissingParameter',
      400,
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalidParameter: (name: string) =>
    fail('InvalidParameter', 400, `The specified parameter "${name}" is not valid.`),
  forbidden: () =>
    fail('Forbidden', 403, 'User not authorized to operate on the specified resource.'),
  forbiddenSubUser: () =>
    fail(
      'Forbbiden.SubUser',
      403,
      'User not authorized to operate on the specified resource as your account is created by another user.',
    ),
  noRamPermission: () =>
    fail(
      'OperationFailed.NoRamPermission',
      400,
      'Vpn Service has no permission to operate your IDaaS instances.',
    ),
  throttled: (retryAfterMs: number) =>
    new ApiError('Throttling.User', 400, 'Request was denied due to user flow control.', {
      'x-acs-retry-after': String(retryAfterMs),
    }),
  serviceUnavailable: () =>
    fail(
      'ServiceUnavailable',
      503,
      'The request has failed due to a temporary failure of the server.',
    ),
  internalError: () =>
    fail('InternalError', 500, 'The request processing has failed due to some unknown error.'),
  dryRun: () =>
    fail('DryRunOperation', 400, 'Request validation has been passed with DryRun flag set.'),
  idempotentMismatch: () =>
    fail(
      'IdempotentParameterMismatch',
      400,
      'The request uses the same client token as a previous, but non-identical request.',
    ),

  // resources
  regionNotFound: (region: string) =>
    fail('InvalidRegionId.NotFound', 404, `The specified RegionId does not exist: ${region}`),
  vpcNotFound: () => fail('InvalidVpcId.NotFound', 404, 'The specified VPC does not exist.'),
  gatewayNotFound: () =>
    fail(
      'InvalidVpnGatewayInstanceId.NotFound',
      404,
      'The specified vpn gateway instance id does not exist.',
    ),
  customerGatewayNotFound: () =>
    fail(
      'InvalidCustomerGatewayInstanceId.NotFound',
      404,
      'The specified customer gateway instance id does not exist.',
    ),
  customerGatewayInUse: () =>
    fail(
      'DependencyViolation.VpnConnection',
      400,
      'There are vpn connections on specified customer gateway.',
    ),
  connectionNotFound: () =>
    fail(
      'InvalidVpnConnectionInstanceId.NotFound',
      404,
      'The specified vpn connection instance id does not exist.',
    ),
  ipsecServerNotFound: () =>
    fail('InvalidIpsecServerId.NotFound', 404, 'The specified IPsec server does not exist.'),
  sslServerNotFound: () =>
    fail('InvalidSslVpnServerId.NotFound', 404, 'The specified SSL-VPN server does not exist.'),
  sslClientCertNotFound: () =>
    fail(
      'InvalidSslVpnClientCertId.NotFound',
      404,
      'The specified SSL-VPN client certificate does not exist.',
    ),
  idaasNotFound: () =>
    fail('InvalidIDaaSInstanceId.NotFound', 404, 'The specified IDaaS instance ID does not exist.'),

  // gateway state
  configuring: () => fail('VpnGateway.Configuring', 400, 'The specified service is configuring.'),
  financialLocked: () =>
    fail('VpnGateway.FinancialLocked', 400, 'The specified service is financial locked.'),
  sslVpnDisabled: () =>
    fail('VpnGateway.SslVpnDisabled', 400, 'The VPN gateway has not enabled SSL VPN.'),
  ipsecServerUnsupported: () =>
    fail(
      'OperationUnsupported.IPsecServer',
      400,
      'The current version of the VPN gateway does not support IPsec server.',
    ),
  ipsecServerExists: () =>
    fail(
      'OperationFailed.IPsecServerExist',
      400,
      'An IPsec server already exists in the VPN gateway.',
    ),
  ipsecPfsUnsupported: () =>
    fail('OperationUnsupported.IpsecPfs', 400, 'The specified IPsec Pfs is unsupported.'),
  authMethod: () =>
    fail(
      'IllegalParam.AuthMethod',
      400,
      'One authentication method (Psk or IDaaS) should be specified at least.',
    ),
  missingIdaas: () =>
    fail(
      'MissingParam.IDaaSInstanceId',
      400,
      'The input parameter IDaaSInstanceId is mandatory when enable multi-factor authentication.',
    ),
  illegalLocalSubnet: (value: string) =>
    fail('IllegalParam.LocalSubnet', 400, `The specified "LocalSubnet" (${value}) is invalid.`),
  illegalRemoteSubnet: (value: string) =>
    fail('IllegalParam.RemoteSubnet', 400, `The specified "RemoteSubnet" (${value}) is invalid.`),
  poolNetmask: () =>
    fail(
      'ClientIpPool.NetmaskInvalid',
      400,
      'The netmask length of client IP pool must be greater than or equal to 16 and less than or equal to 29.',
    ),
  poolRouteConflict: () =>
    fail(
      'VpnRouteEntry.Conflict',
      400,
      'The specified client IP pool conflicts with VPN connection or SSL server.',
    ),
  poolSubnetInvalid: () =>
    fail('ClientIpPool.SubnetInvalid', 400, 'The specified client IP pool cannot be used.'),
  poolVpcConflict: () =>
    fail(
      'InvalidClientIpPool.Conflict',
      400,
      'The specified client IP pool conflicts with other resources in the same VPC.',
    ),
  routeQuota: () =>
    fail(
      'QuotaExceeded.VpnRouteEntry',
      400,
      'The number of route entries to the VPN gateway in the VPC routing table has reached the quota limit.',
    ),
  policyRouteQuota: (existing: number, adding: number, max: number) =>
    fail(
      'QuotaExceeded.PolicyBasedRoute',
      400,
      `The maximum number of policy-based routes is exceeded. Existing routes: ${existing}. Routes to be created: ${adding}. Maximum routes: ${max}.`,
    ),
  quotaFull: () => fail('Resource.QuotaFull', 400, 'The quota of resource is full'),
  invalidName: () => fail('InvalidName', 400, 'The name is not valid'),
  invalidDescription: () => fail('InvalidDescription', 400, 'The description is not valid'),
  connectionExists: () =>
    fail('InvalidVpnConnection.AlreadyExists', 400, 'Vpn connection already exists.'),
  ipAddressExists: () =>
    fail('InvalidIpAddress.AlreadyExist', 400, 'The specified IP address already exists.'),
  ipAddressFormat: () =>
    fail('InvalidIpAddress.WrongFormat', 400, 'The specified IP address is not valid.'),
  forbiddenPort: (port: number) =>
    fail('IllegalParam.Port', 400, `The specified port (${port}) is not allowed.`),
} as const;
