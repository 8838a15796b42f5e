// The customer gateway of a connection (or of one tunnel): pick one of the region's, or create one
// inline (created first when the wizard submits). `prefix` places its fields in the form value
// ('' for a single-tunnel connection, 'tunnels.0.' for a dual-tunnel connection's tunnel 1).
import { Alert, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { customerGatewayCreateParts } from '@vpn-console/shared/customer-gateway/schema';
import { useId } from 'react';
import { useController } from 'react-hook-form';
import { z } from 'zod';
import { NumberField, SelectField } from '../../../components/choice-fields';
import { TextField } from '../../../components/fields';
import { useI18n } from '../../../lib/i18n';
import { useCustomerGateways } from '../api/list-customer-gateways';
import { usedOnGateway } from './stand-in';

/** The inline customer gateway, from the shared customer-gateway field schemas. */
export const newCustomerGatewaySchema = z.object({
  ipAddress: customerGatewayCreateParts.basics.ipAddress,
  name: customerGatewayCreateParts.basics.name,
  asn: customerGatewayCreateParts.bgp.asn,
});

export type CustomerGatewayMode = 'existing' | 'new';

export function CustomerGatewayPicker({
  regionId,
  vpnGatewayId,
  connectionId,
  editing,
  prefix = '',
  label,
}: {
  regionId: string;
  /** The VPN gateway: a customer gateway another of its connections uses cannot be chosen. */
  vpnGatewayId: string;
  /** The connection being edited (its own customer gateways stay choosable). */
  connectionId?: string | undefined;
  editing: boolean;
  prefix?: string;
  label?: string;
}) {
  const { t } = useI18n();
  const labelId = useId();
  const list = useCustomerGateways(regionId);
  const mode = useController({ name: `${prefix}customerGatewayMode` });
  const options = (list.data?.items ?? []).map((g) => {
    const use = usedOnGateway(g, vpnGatewayId, connectionId);
    const inUse =
      use === undefined
        ? ''
        : t('common.bracketed', {
            text: t('cgw.usedOnGateway', {
              connection: use.name === '' ? use.vpnConnectionId : use.name,
            }),
          });
    return {
      value: g.id,
      label: `${g.name === '' ? g.id : g.name} (${g.ipAddress}${g.asn === undefined ? '' : `, ASN ${g.asn}`})${inUse}`,
      disabled: use !== undefined,
    };
  });
  return (
    <Stack gap="xs">
      <Text component="span" fw={500} size="sm" id={labelId}>
        {label ?? t('cgw.mode')}
      </Text>
      {editing ? null : (
        <SegmentedControl
          aria-labelledby={labelId}
          value={mode.field.value === 'new' ? 'new' : 'existing'}
          onChange={(v) => {
            mode.field.onChange(v === 'new' ? 'new' : 'existing');
          }}
          data={[
            { value: 'existing', label: t('cgw.pick') },
            { value: 'new', label: t('cgw.create') },
          ]}
        />
      )}
      {mode.field.value === 'new' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField
            name={`${prefix}newCustomerGateway.ipAddress`}
            label={t('field.ipAddress')}
            required
            placeholder="203.0.113.10"
          />
          <NumberField name={`${prefix}newCustomerGateway.asn`} label={t('field.asn')} min={1} />
          <TextField name={`${prefix}newCustomerGateway.name`} label={t('cgw.name')} />
        </SimpleGrid>
      ) : (
        <>
          {list.data !== undefined && options.length === 0 ? (
            <Alert color="blue">{t('cgw.none')}</Alert>
          ) : null}
          <SelectField
            name={`${prefix}customerGatewayId`}
            label={t('field.customerGatewayId')}
            options={options}
            required
            disabled={editing}
          />
        </>
      )}
    </Stack>
  );
}
