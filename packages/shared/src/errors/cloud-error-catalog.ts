// The cloud error catalog (data only): every error code in the seeds' tables plus the gateway-level
// codes of the reference (§2, §3, §5), with the words the UI shows and how the console treats each
// (retryable, busy). The BFF's classifier and the UI both read it through ./cloud-errors.ts.
// Upstream text is never forwarded.
import type { LocalizedText } from './issue-codes';

export type CloudErrorEntry = {
  httpStatus?: number;
  zh: string;
  en: string;
  whatToDo: LocalizedText;
  /** Safe to retry the same request (same ClientToken) after a delay. */
  retryable: boolean;
  /** The VPN gateway (or the resource) is busy with another change: serialise and retry. */
  busy?: boolean;
};

const WAIT_RETRY: LocalizedText = {
  zh: '请稍候，系统会自动重试；若仍失败，请稍后再试。',
  en: 'Wait a moment: the console retries automatically. If it still fails, try again later.',
};
const ASK_PERMISSION: LocalizedText = {
  zh: '请联系主账号或管理员，在 RAM 中为当前身份授予 VPC/VPN 网关的相应权限。',
  en: 'Ask the account owner or an administrator to grant this identity the VPC / VPN Gateway permissions in RAM.',
};
const CHECK_CREDENTIALS: LocalizedText = {
  zh: '请检查控制台配置的 AccessKey 是否正确、是否已被禁用或删除。',
  en: 'Check the AccessKey configured for the console: it may be wrong, disabled or deleted.',
};
const TOP_UP: LocalizedText = {
  zh: '请先为账号充值，待VPN网关恢复正常后再操作。',
  en: 'Top up the account, then try again once the VPN gateway is back to normal.',
};
export const FIX_INPUT: LocalizedText = {
  zh: '请根据提示修改填写的内容后重新提交。',
  en: 'Correct the highlighted values and submit again.',
};
/** FIX_INPUT's words when the refusal named no field the console has (nothing is highlighted). */
export const FIX_INPUT_UNNAMED: LocalizedText = {
  zh: '云端没有指明是哪一项取值。请对照检查页中的取值和上述说明修改后重新提交。',
  en: 'The cloud did not say which value. Check the values on the review against the words above, correct them and submit again.',
};
const REFRESH: LocalizedText = {
  zh: '资源可能已被删除。请刷新列表后重新选择。',
  en: 'The resource may have been deleted. Refresh the list and choose again.',
};
const QUOTA: LocalizedText = {
  zh: '请删除不再使用的资源，或在配额中心申请提升配额。',
  en: 'Delete resources you no longer need, or request a higher quota in the Quota Center.',
};

export const CLOUD_ERRORS: Readonly<Record<string, CloudErrorEntry>> = {
  // ── seed error tables ──
  'OperationUnsupported.IPsecServer': {
    httpStatus: 400,
    zh: '当前VPN网关版本不支持IPsec服务端。',
    en: 'This VPN gateway version does not support an IPsec server.',
    whatToDo: {
      zh: '请先升级VPN网关版本，或使用其他VPN网关。',
      en: 'Upgrade the VPN gateway first, or use another VPN gateway.',
    },
    retryable: false,
  },
  'VpnGateway.SslVpnDisabled': {
    httpStatus: 400,
    zh: 'VPN网关没有开启SSL-VPN功能。',
    en: 'SSL-VPN is not enabled on this VPN gateway.',
    whatToDo: {
      zh: '请先为VPN网关开启SSL-VPN功能，再创建IPsec服务端。',
      en: 'Enable SSL-VPN on the VPN gateway, then create the IPsec server.',
    },
    retryable: false,
  },
  'VpnGateway.Configuring': {
    httpStatus: 400,
    zh: 'VPN网关正在配置中。',
    en: 'The VPN gateway is being configured.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  'VpnGateway.FinancialLocked': {
    httpStatus: 400,
    zh: '该VPN网关因欠费已被锁定。',
    en: 'The VPN gateway is locked because the account has an overdue payment.',
    whatToDo: TOP_UP,
    retryable: false,
  },
  'OperationFailed.IPsecServerExist': {
    httpStatus: 400,
    zh: '该VPN网关中已经存在一个IPsec服务端。',
    en: 'This VPN gateway already has an IPsec server.',
    whatToDo: {
      zh: '每个VPN网关只能创建一个IPsec服务端，请修改已有的IPsec服务端。',
      en: 'A VPN gateway can have only one IPsec server: edit the existing one instead.',
    },
    retryable: false,
  },
  'OperationUnsupported.IpsecPfs': {
    httpStatus: 400,
    zh: '不支持指定的IPsec PFS（DH分组）。',
    en: 'The chosen IPsec PFS (DH group) is not supported.',
    whatToDo: {
      zh: '请在第二阶段配置中选择其他 DH 分组。',
      en: 'Choose another DH group in the phase 2 settings.',
    },
    retryable: false,
  },
  'IllegalParam.AuthMethod': {
    httpStatus: 400,
    zh: '至少需要指定一种认证方式（预共享密钥或 IDaaS）。',
    en: 'At least one authentication method (pre-shared key or IDaaS) must be specified.',
    whatToDo: {
      zh: '请开启预共享密钥认证。',
      en: 'Turn on pre-shared key authentication.',
    },
    retryable: false,
  },
  'IllegalParam.LocalSubnet': {
    httpStatus: 400,
    zh: '本端网段不合法。',
    en: 'The local subnet is not valid.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },
  'IllegalParam.RemoteSubnet': {
    httpStatus: 400,
    zh: '对端网段不合法。',
    en: 'The remote subnet is not valid.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },
  'MissingParam.IDaaSInstanceId': {
    httpStatus: 400,
    zh: '开启双因子认证时必须指定 IDaaS 实例。',
    en: 'An IDaaS instance is required to turn on multi-factor authentication.',
    whatToDo: {
      zh: '请选择 IDaaS 实例及其所属地域。',
      en: 'Choose the IDaaS instance and its region.',
    },
    retryable: false,
  },
  'OperationFailed.NoRamPermission': {
    httpStatus: 400,
    zh: 'VPN服务没有权限操作您的 IDaaS 实例。',
    en: 'The VPN service has no permission to use your IDaaS instance.',
    whatToDo: {
      zh: '请在 RAM 中为 VPN 服务授权访问 IDaaS 后重试。',
      en: 'Authorise the VPN service to access IDaaS in RAM, then try again.',
    },
    retryable: false,
  },
  'ClientIpPool.NetmaskInvalid': {
    httpStatus: 400,
    zh: '客户端网段的掩码长度必须在 16~29 之间。',
    en: 'The client IP pool prefix length must be between /16 and /29.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },
  'VpnRouteEntry.Conflict': {
    httpStatus: 400,
    zh: '客户端网段与IPsec连接或SSL服务端的网段冲突。',
    en: 'The client IP pool conflicts with an IPsec connection or the SSL-VPN server.',
    whatToDo: {
      zh: '请换一个未被使用的客户端网段。',
      en: 'Choose a client IP pool that is not in use.',
    },
    retryable: false,
  },
  'ClientIpPool.SubnetInvalid': {
    httpStatus: 400,
    zh: '当前客户端网段不可用。',
    en: 'This client IP pool cannot be used.',
    whatToDo: {
      zh: '请避开保留网段（100.64.0.0/10、127.0.0.0/8、169.254.0.0/16、224.0.0.0/4、255.0.0.0/8），建议使用私网网段。',
      en: 'Avoid reserved ranges (100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4, 255.0.0.0/8); prefer a private range.',
    },
    retryable: false,
  },
  'InvalidClientIpPool.Conflict': {
    httpStatus: 400,
    zh: '客户端网段与同一VPC内的其他资源冲突。',
    en: 'The client IP pool conflicts with other resources in the same VPC.',
    whatToDo: {
      zh: '请换一个与VPC网段及其路由不重叠的客户端网段。',
      en: 'Choose a client IP pool that overlaps neither the VPC CIDR nor its routes.',
    },
    retryable: false,
  },
  'QuotaExceeded.VpnRouteEntry': {
    httpStatus: 400,
    zh: 'VPC路由表中指向VPN网关的路由条目已达配额上限。',
    en: 'The VPC route table has reached its quota of routes pointing to the VPN gateway.',
    whatToDo: QUOTA,
    retryable: false,
  },
  SystemBusy: {
    httpStatus: 400,
    zh: '系统繁忙。',
    en: 'The system is busy.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  Forbidden: {
    httpStatus: 403,
    zh: '您没有权限操作指定资源。',
    en: 'You are not authorised to operate on this resource.',
    whatToDo: ASK_PERMISSION,
    retryable: false,
  },
  'Forbbiden.SubUser': {
    httpStatus: 403,
    zh: '当前子账号没有权限操作该资源。',
    en: 'This RAM user is not authorised to operate on the resource.',
    whatToDo: ASK_PERMISSION,
    retryable: false,
  },
  'InvalidVpnGatewayInstanceId.NotFound': {
    httpStatus: 404,
    zh: '指定的VPN网关不存在。',
    en: 'The VPN gateway does not exist.',
    whatToDo: REFRESH,
    retryable: false,
  },
  'InvalidIDaaSInstanceId.NotFound': {
    httpStatus: 404,
    zh: '指定的 IDaaS 实例不存在。',
    en: 'The IDaaS instance does not exist.',
    whatToDo: {
      zh: '请检查 IDaaS 实例 ID 及其所属地域。',
      en: 'Check the IDaaS instance ID and its region.',
    },
    retryable: false,
  },
  OperationConflict: {
    httpStatus: 409,
    zh: '对该实例的操作过于频繁。',
    en: 'Operations on this instance are too frequent.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  'Resource.QuotaFull': {
    httpStatus: 400,
    zh: '资源配额已达上限。',
    en: 'The resource quota is full.',
    whatToDo: QUOTA,
    retryable: false,
  },
  'InvalidCustomerGatewayInstanceId.NotFound': {
    httpStatus: 404,
    zh: '指定的用户网关不存在。',
    en: 'The customer gateway does not exist.',
    whatToDo: REFRESH,
    retryable: false,
  },
  'InvalidVpnConnection.AlreadyExists': {
    httpStatus: 400,
    zh: '该VPN网关与用户网关之间的IPsec连接已经存在。',
    en: 'An IPsec connection between this VPN gateway and customer gateway already exists.',
    whatToDo: {
      zh: '无需重复创建；如需调整，请修改已有的IPsec连接。',
      en: 'No need to create it again; edit the existing IPsec connection instead.',
    },
    retryable: false,
  },
  'QuotaExceeded.PolicyBasedRoute': {
    httpStatus: 400,
    zh: '策略路由条数已达上限。',
    en: 'The maximum number of policy-based routes is reached.',
    whatToDo: {
      zh: '本端网段数 × 对端网段数会生成等量的策略路由，请合并网段或删除不用的连接。',
      en: 'Each local × remote subnet pair creates a policy route: merge subnets or delete unused connections.',
    },
    retryable: false,
  },
  InvalidName: {
    httpStatus: 400,
    zh: '名称格式不合法。',
    en: 'The name is not valid.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },

  // ── reference §5 (operation errors outside the seeds) ──
  'InvalidVpnConnectionInstanceId.NotFound': {
    httpStatus: 404,
    zh: '指定的IPsec连接不存在。',
    en: 'The IPsec connection does not exist.',
    whatToDo: REFRESH,
    retryable: false,
  },
  'InvalidSslVpnServerId.NotFound': {
    httpStatus: 404,
    zh: '指定的SSL服务端不存在。',
    en: 'The SSL-VPN server does not exist.',
    whatToDo: REFRESH,
    retryable: false,
  },
  'InvalidIpAddress.AlreadyExist': {
    httpStatus: 400,
    zh: '已存在使用该IP地址的用户网关。',
    en: 'A customer gateway with this IP address already exists.',
    whatToDo: {
      zh: '请直接使用已有的用户网关。',
      en: 'Use the existing customer gateway.',
    },
    retryable: false,
  },
  'InvalidIpAddress.WrongFormat': {
    httpStatus: 400,
    zh: 'IP地址格式不正确。',
    en: 'The IP address format is wrong.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },
  InvalidDescription: {
    httpStatus: 400,
    zh: '描述格式不合法。',
    en: 'The description is not valid.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },

  // ── gateway-level codes (reference §2, §3) ──
  SignatureDoesNotMatch: {
    httpStatus: 400,
    zh: '请求签名校验失败。',
    en: 'The request signature does not match.',
    whatToDo: {
      zh: '请检查 AccessKey Secret 是否正确，以及服务器时间是否准确。',
      en: 'Check the AccessKey secret and that the server clock is correct.',
    },
    retryable: false,
  },
  'InvalidAccessKeyId.NotFound': {
    httpStatus: 404,
    zh: '指定的 AccessKey 不存在。',
    en: 'The AccessKey ID was not found.',
    whatToDo: CHECK_CREDENTIALS,
    retryable: false,
  },
  'InvalidTimeStamp.Expired': {
    httpStatus: 400,
    zh: '请求时间戳已过期。',
    en: 'The request timestamp has expired.',
    whatToDo: {
      zh: '请校准控制台服务器的系统时间（与标准时间误差需在 15 分钟内）。',
      en: 'Synchronise the console server clock (it must be within 15 minutes of real time).',
    },
    retryable: false,
  },
  SignatureNonceUsed: {
    httpStatus: 400,
    zh: '请求的随机数已被使用（重放）。',
    en: 'The request nonce was already used (replay).',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  'InvalidAction.NotFound': {
    httpStatus: 404,
    zh: '接口不存在。',
    en: 'The API action does not exist.',
    whatToDo: {
      zh: '这是控制台的问题，请联系管理员。',
      en: 'This is a console defect: contact the administrator.',
    },
    retryable: false,
  },
  InvalidVersion: {
    httpStatus: 400,
    zh: '接口版本不正确。',
    en: 'The API version is not valid.',
    whatToDo: {
      zh: '这是控制台的问题，请联系管理员。',
      en: 'This is a console defect: contact the administrator.',
    },
    retryable: false,
  },
  MissingParameter: {
    httpStatus: 400,
    zh: '缺少必填参数。',
    en: 'A required parameter is missing.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },
  InvalidParameter: {
    httpStatus: 400,
    zh: '参数取值不合法。',
    en: 'A parameter value is not valid.',
    whatToDo: FIX_INPUT,
    retryable: false,
  },
  DryRunOperation: {
    httpStatus: 400,
    zh: '预检通过：请求合法，但未执行（DryRun）。',
    en: 'Dry run passed: the request is valid but was not carried out.',
    whatToDo: {
      zh: '确认无误后，关闭预检再次提交即可生效。',
      en: 'When you are ready, submit again without dry run to apply it.',
    },
    retryable: false,
  },
  Throttling: {
    httpStatus: 400,
    zh: '请求过于频繁，已被限流。',
    en: 'Too many requests: the call was throttled.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  'Throttling.User': {
    httpStatus: 400,
    zh: '当前账号的请求过于频繁，已被限流。',
    en: 'Too many requests from this account: the call was throttled.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  'Throttling.Api': {
    httpStatus: 400,
    zh: '该接口的请求过于频繁，已被限流。',
    en: 'Too many requests to this API: the call was throttled.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  'Rejected.Throttling': {
    httpStatus: 400,
    zh: '请求过于频繁，已被拒绝。',
    en: 'Too many requests: the call was rejected.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  ServiceUnavailable: {
    httpStatus: 503,
    zh: '服务暂时不可用。',
    en: 'The service is temporarily unavailable.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  InternalError: {
    httpStatus: 500,
    zh: '云端发生内部错误。',
    en: 'The cloud reported an internal error.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  UnknownError: {
    httpStatus: 500,
    zh: '云端发生未知错误。',
    en: 'The cloud reported an unknown error.',
    whatToDo: WAIT_RETRY,
    retryable: true,
  },
  'VpnTask.CONFLICT': {
    httpStatus: 400,
    zh: 'VPN网关上有其他任务正在执行。',
    en: 'Another task is running on the VPN gateway.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  TaskConflict: {
    httpStatus: 400,
    zh: '与正在执行的任务冲突。',
    en: 'The request conflicts with a running task.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  'Appliance.Configuring': {
    httpStatus: 400,
    zh: 'VPN网关设备正在配置中。',
    en: 'The VPN gateway appliance is being configured.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  'VpnConnection.Configuring': {
    httpStatus: 400,
    zh: 'IPsec连接正在配置中。',
    en: 'The IPsec connection is being configured.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  'IncorrectStatus.VpnGateway': {
    httpStatus: 400,
    zh: 'VPN网关当前状态不允许该操作。',
    en: 'The VPN gateway is in a state that does not allow this operation.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
  'VpnRouteEntry.Configuring': {
    httpStatus: 400,
    zh: 'VPN路由正在配置中。',
    en: 'A VPN route is being configured.',
    whatToDo: WAIT_RETRY,
    retryable: true,
    busy: true,
  },
};
