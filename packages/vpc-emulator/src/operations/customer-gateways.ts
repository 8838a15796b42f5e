import { apiErrors } from '../errors';
import { isUsableGatewayIp, isValidLabel } from '../rules';
import { cooperativePeer, nextResourceId, type CustomerGateway } from '../state';
import {
  byNewest,
  matchesTags,
  paginate,
  tagsWire,
  type Operation,
  type OperationContext,
  type WireObject,
} from './context';

/** Customer gateways per region. */
export const CUSTOMER_GATEWAY_QUOTA = 100;

function parseAsn(value: string): number {
  let asn: number;
  const dotted = /^(\d{1,5})\.(\d{1,5})$/.exec(value);
  if (dotted?.[1] !== undefined && dotted[2] !== undefined) {
    const high = Number(dotted[1]);
    const low = Number(dotted[2]);
    if (high > 65535 || low > 65535) throw apiErrors.invalidParameter('Asn');
    asn = high * 65536 + low;
  } else if (/^\d{1,10}$/.test(value)) {
    asn = Number(value);
  } else {
    throw apiErrors.invalidParameter('Asn');
  }
  if (asn < 1 || asn > 4294967295 || asn === 45104) throw apiErrors.invalidParameter('Asn');
  return asn;
}

/** BGP AuthKey: 1–64 ASCII, no space, no `?`. */
function checkAuthKey(value: string): void {
  if (!/^[\x21-\x3e\x40-\x7e]{1,64}$/.test(value)) throw apiErrors.invalidParameter('AuthKey');
}

function customerGatewayWire(cgw: CustomerGateway): WireObject {
  return {
    CustomerGatewayId: cgw.CustomerGatewayId,
    Name: cgw.Name,
    IpAddress: cgw.IpAddress,
    Description: cgw.Description,
    CreateTime: cgw.CreateTime,
    ...(cgw.Asn === undefined ? {} : { Asn: cgw.Asn }),
    AuthKey: cgw.AuthKey,
    ResourceGroupId: cgw.ResourceGroupId,
    Tags: tagsWire(cgw.Tags),
  };
}

export function findCustomerGateway(ctx: OperationContext, id: string): CustomerGateway {
  const cgw = ctx.state.customerGateways.find(
    (c) => c.CustomerGatewayId === id && c.RegionId === ctx.regionId,
  );
  if (cgw === undefined) throw apiErrors.customerGatewayNotFound();
  return cgw;
}

export const createCustomerGateway: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const ip = p.required('IpAddress');
    if (!isUsableGatewayIp(ip)) throw apiErrors.ipAddressFormat();
    const name = p.str('Name') ?? '';
    if (name !== '' && !isValidLabel(name)) throw apiErrors.invalidName();
    const description = p.str('Description') ?? '';
    if (description !== '' && !isValidLabel(description)) throw apiErrors.invalidDescription();
    const asnText = p.str('Asn');
    const asn = asnText === undefined ? undefined : parseAsn(asnText);
    const authKey = p.str('AuthKey') ?? '';
    if (authKey !== '') checkAuthKey(authKey);
    const inRegion = ctx.state.customerGateways.filter((c) => c.RegionId === ctx.regionId);
    if (inRegion.some((c) => c.IpAddress === ip)) throw apiErrors.ipAddressExists();
    if (inRegion.length >= CUSTOMER_GATEWAY_QUOTA) throw apiErrors.quotaFull();
    ctx.commit();
    const cgw: CustomerGateway = {
      CustomerGatewayId: nextResourceId(ctx.state, 'cgw', ctx.regionId),
      RegionId: ctx.regionId,
      Name: name,
      Description: description,
      IpAddress: ip,
      ...(asn === undefined ? {} : { Asn: asn }),
      AuthKey: authKey,
      CreateTime: ctx.now,
      ResourceGroupId: p.str('ResourceGroupId') ?? 'rg-acfmdefault00001',
      Tags: p.tags('Tags'),
      Peer: cooperativePeer,
      PeerChangedAt: 0,
    };
    ctx.state.customerGateways.push(cgw);
    return {
      CustomerGatewayId: cgw.CustomerGatewayId,
      IpAddress: cgw.IpAddress,
      Name: cgw.Name,
      Description: cgw.Description,
      CreateTime: cgw.CreateTime,
    };
  },
};

export const describeCustomerGateways: Operation = {
  write: false,
  run(ctx) {
    const id = ctx.params.str('CustomerGatewayId');
    const group = ctx.params.str('ResourceGroupId');
    const all = ctx.state.customerGateways
      .filter(
        (c) =>
          c.RegionId === ctx.regionId &&
          (id === undefined || c.CustomerGatewayId === id) &&
          (group === undefined || c.ResourceGroupId === group) &&
          matchesTags(ctx, c.Tags),
      )
      .sort(byNewest);
    const page = paginate(ctx, all);
    return {
      CustomerGateways: { CustomerGateway: page.items.map(customerGatewayWire) },
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
    };
  },
};

export const describeCustomerGateway: Operation = {
  write: false,
  run(ctx) {
    return customerGatewayWire(findCustomerGateway(ctx, ctx.params.required('CustomerGatewayId')));
  },
};

/** The region's connections that use a customer gateway (single-tunnel, or either tunnel). */
const connectionsUsing = (ctx: OperationContext, cgw: CustomerGateway) =>
  ctx.state.connections.filter(
    (c) =>
      c.RegionId === cgw.RegionId &&
      (c.CustomerGatewayId === cgw.CustomerGatewayId ||
        c.Tunnels.some((t) => t.CustomerGatewayId === cgw.CustomerGatewayId)),
  );

/**
 * ModifyCustomerGatewayAttribute: Name, Description and the BGP AuthKey (SDK model). Without an
 * AuthKey the change is synchronous, as documented; the answer echoes the customer gateway.
 */
export const modifyCustomerGatewayAttribute: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const cgw = findCustomerGateway(ctx, p.required('CustomerGatewayId'));
    const name = p.str('Name');
    if (name !== undefined && !isValidLabel(name)) throw apiErrors.invalidName();
    const description = p.str('Description');
    if (description !== undefined && !isValidLabel(description)) {
      throw apiErrors.invalidDescription();
    }
    const authKey = p.str('AuthKey');
    if (authKey !== undefined) checkAuthKey(authKey);
    ctx.commit();
    if (name !== undefined) cgw.Name = name;
    if (description !== undefined) cgw.Description = description;
    if (authKey !== undefined) cgw.AuthKey = authKey;
    return {
      CustomerGatewayId: cgw.CustomerGatewayId,
      Name: cgw.Name,
      Description: cgw.Description,
      IpAddress: cgw.IpAddress,
      CreateTime: cgw.CreateTime,
      ResourceGroupId: cgw.ResourceGroupId,
    };
  },
};

/**
 * DeleteCustomerGateway: refused with `DependencyViolation.VpnConnection` (400) while an IPsec
 * connection (or a tunnel of one) uses it, as the API documents.
 */
export const deleteCustomerGateway: Operation = {
  write: true,
  run(ctx) {
    const cgw = findCustomerGateway(ctx, ctx.params.required('CustomerGatewayId'));
    if (connectionsUsing(ctx, cgw).length > 0) throw apiErrors.customerGatewayInUse();
    ctx.commit();
    ctx.state.customerGateways = ctx.state.customerGateways.filter((c) => c !== cgw);
    return {};
  },
};
