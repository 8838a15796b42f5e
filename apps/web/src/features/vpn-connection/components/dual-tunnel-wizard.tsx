// The IPsec connection wizard on a dual-tunnel gateway (every gateway bought since late 2023):
// basics → tunnel 1 → tunnel 2 → review. Tunnel 2 starts as a copy of tunnel 1 ("keep both tunnels
// the same"); turned off, every field of tunnel 2 may differ. Each tunnel has its own customer
// gateway (inline creation too), PSK, algorithms, DPD/NAT-T, BGP addresses and, on SM gateways,
// CA certificate. The review and the edit diff go tunnel by tunnel; an edit of one tunnel alone is
// applied with ModifyTunnelAttribute (the tunnel route), other edits with the connection's PATCH.
import { Alert, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import type { Operation } from '@vpn-console/shared/api/operations';
import type { VpnGatewayView } from '@vpn-console/shared/api/views';
import type { ConnectionWizardProps } from './connection-wizard-props';
import { gatewayTypeFromVpnType } from '@vpn-console/shared/common/gateway-type';
import {
  createDualTunnelVpnConnectionSchema,
  modifyDualTunnelVpnConnectionSchema,
  modifyTunnelAttributeSchema,
} from '@vpn-console/shared/vpn-connection/dual-tunnel';
import { tunnelCidrsInUse } from '@vpn-console/shared/vpn-connection/tunnel-cidr';
import { InlineCustomerGatewaysLeft, type InlineCustomerGateway } from './inline-cgw-leftover';
import { standInCustomerGateway, standInVerdict } from './stand-in';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { CidrListField } from '../../../components/cidr-list-field';
import { NumberField, SwitchField } from '../../../components/choice-fields';
import { TextField } from '../../../components/fields';
import { withoutEmpty } from '../../../components/form';
import { PskField } from '../../../components/psk-field';
import { bodyOf, type BodyResult } from '../../../components/wizard/body-result';
import { useResourceWizard, writeBody } from '../../../components/wizard/use-resource-wizard';
import { changesNothing, diffValues } from '../../../components/wizard/diff';
import { describePhase, IkeFields, IpsecFields } from '../../../components/wizard/phase-fields';
import { DiffTable, ValuesTable } from '../../../components/wizard/review';
import { issuesOf } from '../../../lib/issue-text';
import { Wizard, type Prepared, type WizardStepDef } from '../../../components/wizard/wizard';
import { wizardWords } from '../../../components/wizard/messages';
import { useWords } from '../../../lib/i18n';
import { useChangeVpnConnection, type ChangeVpnConnectionBody } from '../api/change-vpn-connection';
import {
  useChangeVpnConnectionTunnel,
  type ChangeVpnConnectionTunnelBody,
} from '../api/change-vpn-connection-tunnel';
import {
  createdCustomerGatewayId,
  dryRunCreateCustomerGateway,
  useCreateCustomerGateway,
} from '../api/create-customer-gateway';
import {
  dryRunCreateVpnConnection,
  useCreateVpnConnection,
  type CreateVpnConnectionBody,
} from '../api/create-vpn-connection';
import { TunnelRole } from './connection-facts';
import { CustomerGatewayPicker, newCustomerGatewaySchema } from './customer-gateway-picker';
import {
  changesOf,
  CONNECTION_FIELDS,
  createBodyOf,
  dualTunnelStepSchema,
  dualTunnelValuesOf,
  effectiveTunnels,
  TUNNEL_SECRETS,
  type DualTunnelForm,
  type TunnelForm,
} from './dual-tunnel-form';

const STEPS = ['basics', 0, 1] as const;

type Change =
  | { kind: 'tunnel'; tunnelId: string; body: ChangeVpnConnectionTunnelBody }
  | { kind: 'connection'; body: ChangeVpnConnectionBody };

function TunnelStep({
  gateway,
  index,
  connectionId,
  editing,
  same,
  bgpOn,
  onSameChange,
}: {
  gateway: VpnGatewayView;
  index: 0 | 1;
  /** The connection being edited, if any. */
  connectionId: string | undefined;
  editing: boolean;
  same: boolean;
  bgpOn: boolean;
  onSameChange: (same: boolean) => void;
}) {
  const { t, w: tw } = useWords(wizardWords);
  const gatewayType = gatewayTypeFromVpnType(gateway.vpnType);
  const at = `tunnels.${String(index)}`;
  const copied = index === 1 && same;
  const ip = index === 0 ? gateway.internetIp : gateway.disasterRecoveryInternetIp;
  return (
    <>
      <Text size="sm">
        {t('tunnel.title', { index: index + 1 })} ·{' '}
        <TunnelRole role={index === 0 ? 'master' : 'slave'} /> · {ip ?? '—'}
      </Text>
      {index === 1 && !editing ? (
        <Stack gap={4}>
          <Switch
            label={tw('dual.sameTunnels')}
            checked={same}
            onChange={(e) => {
              onSameChange(e.currentTarget.checked);
            }}
          />
          <Text size="sm" c="dimmed">
            {tw('dual.sameHint')}
          </Text>
        </Stack>
      ) : null}
      <CustomerGatewayPicker
        regionId={gateway.regionId}
        vpnGatewayId={gateway.id}
        connectionId={connectionId}
        editing={editing}
        prefix={`${at}.`}
        label={`${t('cgw.mode')}${t('common.bracketed', { text: t('tunnel.title', { index: index + 1 }) })}`}
      />
      {copied ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name={`${at}.ikeConfig.localId`} label={t('field.localId')} />
          <TextField name={`${at}.ikeConfig.remoteId`} label={t('field.remoteId')} />
        </SimpleGrid>
      ) : (
        <>
          <Title order={2} size="h5">
            {t('step.phase1')}
          </Title>
          <IkeFields gatewayType={gatewayType} prefix={`${at}.ikeConfig`} />
          <PskField
            name={`${at}.ikeConfig.psk`}
            label={t('field.psk')}
            hint={
              editing
                ? t('psk.keepEmpty')
                : gatewayType === 'sm'
                  ? tw('psk.smIfEmpty')
                  : t('psk.autoIfEmpty')
            }
          />
          {gatewayType === 'sm' ? (
            <TextField
              name={`${at}.remoteCaCertificate`}
              label={t('field.remoteCaCertificate')}
              multiline
              placeholder="-----BEGIN CERTIFICATE-----"
            />
          ) : null}
          <Title order={2} size="h5">
            {t('step.phase2')}
          </Title>
          <IpsecFields gatewayType={gatewayType} prefix={`${at}.ipsecConfig`} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SwitchField name={`${at}.enableDpd`} label={t('field.enableDpd')} />
            <SwitchField name={`${at}.enableNatTraversal`} label={t('field.enableNatTraversal')} />
          </SimpleGrid>
        </>
      )}
      {bgpOn ? (
        <>
          <Title order={2} size="h5">
            {t('field.bgp')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {copied ? null : (
              <NumberField
                name={`${at}.bgpConfig.localAsn`}
                label={t('field.bgpConfig.localAsn')}
                min={1}
              />
            )}
            <TextField
              name={`${at}.bgpConfig.tunnelCidr`}
              label={t('field.bgpConfig.tunnelCidr')}
              placeholder={`169.254.${String(10 + index)}.0/30`}
            />
            <TextField
              name={`${at}.bgpConfig.localBgpIp`}
              label={t('field.bgpConfig.localBgpIp')}
              placeholder={`169.254.${String(10 + index)}.1`}
            />
          </SimpleGrid>
        </>
      ) : null}
    </>
  );
}

export function DualTunnelWizard({
  gateway,
  connections = [],
  existing,
  onSucceeded,
  onCancel,
}: ConnectionWizardProps) {
  const { t, w: tw } = useWords(wizardWords);
  const client = useQueryClient();
  const ctx = { gatewayType: gatewayTypeFromVpnType(gateway.vpnType) };
  const editing = existing !== undefined;
  const [start] = useState(() => dualTunnelValuesOf(gateway, ctx, existing));
  const inUse = tunnelCidrsInUse(connections, existing?.id);
  // Customer gateways this wizard created inline, while the connection is not created.
  const [createdCgws, setCreatedCgws] = useState<InlineCustomerGateway[]>([]);
  const initial = start.value;
  const { form, frame } = useResourceWizard<DualTunnelForm>({
    initialValues: () => start,
    schemaOfStep: (index) => dualTunnelStepSchema(ctx, STEPS[index] ?? 'review', inUse),
    editing,
    secretPaths: [],
  });
  const creatingCgw = useCreateCustomerGateway();
  const creating = useCreateVpnConnection();
  const changing = useChangeVpnConnection();
  const changingTunnel = useChangeVpnConnectionTunnel();
  const values = form.getValues();
  const same = values.sameTunnels;
  const bgpOn = values.enableTunnelsBgp === true;

  const onSameChange = (next: boolean) => {
    if (!next) {
      // Turned off: tunnel 2 starts from the copy it was, and each field may now differ.
      const [, copy] = effectiveTunnels(form.getValues());
      form.setValue('tunnels.1', copy, { shouldValidate: true });
    }
    form.setValue('sameTunnels', next, { shouldValidate: true });
  };

  const createBody = (cgwIds: readonly string[] = []): BodyResult<CreateVpnConnectionBody> => {
    const checked = dualTunnelStepSchema(ctx, 'review', inUse).safeParse(form.getValues());
    if (!checked.success) return { ok: false, issues: issuesOf(checked.error) };
    return writeBody(
      createDualTunnelVpnConnectionSchema(ctx),
      createBodyOf(form.getValues(), cgwIds),
    );
  };

  /** An edit: one tunnel alone → the tunnel route; anything else → the connection's PATCH. */
  const change = (): BodyResult<Change> => {
    if (existing === undefined) throw new Error('not an edit');
    const parts = changesOf(initial, form.getValues());
    const touched = parts.tunnels
      .map((body, i) => ({ body, tunnelId: initial.tunnels[i]?.tunnelId ?? '' }))
      .filter((x) => Object.keys(x.body).length > 0);
    const only = touched[0];
    if (Object.keys(parts.connection).length === 0 && touched.length === 1 && only !== undefined) {
      const parsed = writeBody(modifyTunnelAttributeSchema(ctx), only.body, {
        regionId: gateway.regionId,
        vpnConnectionId: existing.id,
        tunnelId: only.tunnelId,
      });
      if (!parsed.ok) return parsed;
      return { ok: true, body: { kind: 'tunnel', tunnelId: only.tunnelId, body: parsed.body } };
    }
    const parsed = writeBody(
      modifyDualTunnelVpnConnectionSchema(ctx),
      {
        ...parts.connection,
        ...(touched.length === 0
          ? {}
          : { tunnels: touched.map((x) => ({ tunnelId: x.tunnelId, ...x.body })) }),
      },
      { regionId: gateway.regionId, vpnConnectionId: existing.id },
    );
    if (!parsed.ok) return parsed;
    return { ok: true, body: { kind: 'connection', body: parsed.body } };
  };

  const inline = (v: DualTunnelForm) =>
    editing ? [] : v.tunnels.filter((x) => x.customerGatewayMode === 'new');

  const prepare = (): Prepared => {
    const result = editing ? change() : createBody();
    return result.ok ? { ok: true } : result;
  };

  const dryRun = async () => {
    if (editing) {
      bodyOf(change());
      return { skipped: 'wizard.consoleCheckOnly' as const };
    }
    const v = form.getValues();
    const news = inline(v);
    if (news.length > 0) {
      // The new customer gateways are created last (issue 17): the console checks them, then the
      // cloud's dry run checks the connection with existing ones standing in for them.
      for (const tunnel of news) {
        const verdict = await dryRunCreateCustomerGateway(gateway.regionId, cgwBody(tunnel));
        if (!verdict.ok) return verdict;
      }
      const standIns = v.tunnels.map((tunnel) =>
        tunnel.customerGatewayMode === 'new'
          ? standInCustomerGateway(
              client,
              gateway.regionId,
              gateway.id,
              cgwBody(tunnel).asn !== undefined,
            )
          : tunnel.customerGatewayId,
      );
      if (standIns.some((id) => id === undefined)) {
        return { skipped: 'wizard.connectionCheckLater' as const };
      }
      return standInVerdict(
        await dryRunCreateVpnConnection(
          gateway.regionId,
          bodyOf(createBody(standIns.map((id) => id ?? ''))),
        ),
      );
    }
    return dryRunCreateVpnConnection(gateway.regionId, bodyOf(createBody()));
  };

  const cgwBody = (tunnel: TunnelForm) => ({
    ...newCustomerGatewaySchema.parse(withoutEmpty(tunnel.newCustomerGateway ?? {})),
    regionId: gateway.regionId,
  });

  const submit = async (idempotencyKey: string): Promise<Operation> => {
    const regionId = gateway.regionId;
    if (existing !== undefined) {
      const c = bodyOf(change());
      const id = existing.id;
      return c.kind === 'tunnel'
        ? changingTunnel.mutateAsync({
            regionId,
            id,
            tunnelId: c.tunnelId,
            body: c.body,
            idempotencyKey,
          })
        : changing.mutateAsync({ regionId, id, body: c.body, idempotencyKey });
    }
    // Inline customer gateways first (one per distinct address, each with its own key), then the
    // connection; a retry reuses the ones that now exist.
    const v = form.getValues();
    const byAddress = new Map<string, string>();
    setCreatedCgws([]);
    const ids: string[] = [];
    for (const [i, tunnel] of v.tunnels.entries()) {
      if (tunnel.customerGatewayMode !== 'new') {
        ids.push(tunnel.customerGatewayId);
        continue;
      }
      const body = cgwBody(tunnel);
      let id = byAddress.get(body.ipAddress);
      if (id === undefined) {
        const started = await creatingCgw.mutateAsync({
          regionId,
          body,
          idempotencyKey: `${idempotencyKey}-cgw${String(i + 1)}`,
        });
        id = await createdCustomerGatewayId(client, started);
        byAddress.set(body.ipAddress, id);
        const made = { id, ipAddress: body.ipAddress, name: body.name };
        setCreatedCgws((was) => [...was, made]);
      }
      ids.push(id);
      form.setValue(`tunnels.${i === 0 ? 0 : 1}.customerGatewayMode`, 'existing');
      form.setValue(`tunnels.${i === 0 ? 0 : 1}.customerGatewayId`, id);
    }
    return creating.mutateAsync({ regionId, body: bodyOf(createBody(ids)), idempotencyKey });
  };

  const stepDefs: WizardStepDef[] = [
    {
      id: 'basics',
      label: tw('step.basics'),
      fields: [...CONNECTION_FIELDS, 'sameTunnels'],
      content: (
        <>
          <Text size="sm">
            {t('common.labelled', { label: t('gateway.name') })}
            <strong>{gateway.name === '' ? gateway.id : gateway.name}</strong>
            {t('common.bracketed', {
              text:
                ctx.gatewayType === 'sm' ? `${gateway.id} · ${t('gateway.typeSm')}` : gateway.id,
            })}
          </Text>
          <Alert color="blue">
            {tw('dual.intro', {
              ip1: gateway.internetIp,
              ip2: gateway.disasterRecoveryInternetIp ?? '—',
            })}
          </Alert>
          <TextField name="name" label={t('field.name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CidrListField name="localSubnet" label={t('field.localSubnet')} />
            <CidrListField name="remoteSubnet" label={t('field.remoteSubnet')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <SwitchField name="effectImmediately" label={t('field.effectImmediately')} />
            <SwitchField name="autoConfigRoute" label={t('field.autoConfigRoute')} />
            <SwitchField name="enableTunnelsBgp" label={t('field.enableTunnelsBgp')} />
          </SimpleGrid>
          {bgpOn ? (
            <Text size="sm" c="dimmed">
              {tw('dual.bgpHint')}
            </Text>
          ) : null}
        </>
      ),
    },
    ...([0, 1] as const).map((index) => ({
      id: `tunnel${String(index + 1)}`,
      label: t('tunnel.title', { index: index + 1 }),
      fields: ['tunnels'],
      content: (
        <TunnelStep
          gateway={gateway}
          index={index}
          connectionId={existing?.id}
          editing={editing}
          same={same}
          bgpOn={bgpOn}
          onSameChange={onSameChange}
        />
      ),
    })),
  ];

  // The review: the plain-words summary, then the connection and each tunnel on its own.
  const shown = effectiveTunnels(values);
  const cgwText = (tunnel: TunnelForm) =>
    tunnel.customerGatewayMode === 'new'
      ? `${tunnel.newCustomerGateway?.ipAddress ?? ''}${t('common.bracketed', { text: t('cgw.create') })}`
      : tunnel.customerGatewayId;
  const name = values.name ?? existing?.name ?? '—';
  const summary = tw('summary.dualConnection', {
    name: name === '' ? '—' : name,
    gateway: gateway.name === '' ? gateway.id : gateway.name,
    local: values.localSubnet.join(', '),
    remote: values.remoteSubnet.join(', '),
    tunnels: shown
      .map((tunnel, i) =>
        tw('summary.tunnel', {
          index: i + 1,
          role: t(i === 0 ? 'tunnel.role.master' : 'tunnel.role.slave'),
          // Not chosen yet (tunnel 2 while tunnel 1 is being filled in): a dash, not a blank.
          cgw: cgwText(tunnel) === '' ? '—' : cgwText(tunnel),
          ike: describePhase(tunnel.ikeConfig, ['ikeVersion', 'ikeEncAlg', 'ikeAuthAlg', 'ikePfs']),
          ipsec: describePhase(tunnel.ipsecConfig, ['ipsecEncAlg', 'ipsecAuthAlg', 'ipsecPfs']),
        }),
      )
      .join(' '),
  });
  const connectionPart = (v: DualTunnelForm) =>
    Object.fromEntries(CONNECTION_FIELDS.map((k) => [k, v[k]]));
  const tunnelPart = (tunnel: TunnelForm, bgp: boolean) => {
    const {
      tunnelId: _id,
      customerGatewayMode: _m,
      newCustomerGateway: _n,
      role: _r,
      customerGatewayId: _c,
      bgpConfig,
      ...rest
    } = tunnel;
    // The peer first on both tunnels (tunnel 2's copy of tunnel 1 is built in another key order).
    return {
      customerGatewayId: cgwText(tunnel),
      ...rest,
      ...(bgp ? { bgpConfig } : {}),
    };
  };
  const sections = [
    {
      title: tw('dual.connection'),
      before: connectionPart(initial),
      after: connectionPart(withoutEmpty(values)),
      secrets: [] as readonly string[],
    },
    ...shown.map((tunnel, i) => ({
      title: t('tunnel.title', { index: i + 1 }),
      before: tunnelPart(initial.tunnels[i === 0 ? 0 : 1], initial.enableTunnelsBgp === true),
      after: tunnelPart(withoutEmpty(tunnel), bgpOn),
      secrets: TUNNEL_SECRETS,
    })),
  ];
  const diffs = sections.map((s) => diffValues(s.before, s.after, s.secrets));
  const changedTunnels = diffs.slice(1).filter((d) => !changesNothing(d)).length;
  const onlyTunnel =
    editing && changesNothing(diffs[0] ?? []) && changedTunnels === 1
      ? sections[diffs.findIndex((d, i) => i > 0 && !changesNothing(d))]?.title
      : undefined;

  const review = (
    <>
      <Title order={2} size="h4">
        {t('wizard.summary')}
      </Title>
      <Text>{summary}</Text>
      {editing ? (
        <Title order={2} size="h4">
          {t('wizard.diff')}
        </Title>
      ) : null}
      {editing && diffs.every(changesNothing) ? (
        <Alert color="gray">{t('wizard.noChanges')}</Alert>
      ) : null}
      {onlyTunnel === undefined ? null : (
        <Text size="sm">{tw('dual.tunnelOnly', { tunnel: onlyTunnel })}</Text>
      )}
      {sections.map((s, i) => (
        <Fragment key={s.title}>
          <Title order={3} size="h5">
            {s.title}
          </Title>
          {editing ? (
            changesNothing(diffs[i] ?? []) ? (
              <Text size="sm" c="dimmed">
                {tw('dual.unchanged')}
              </Text>
            ) : (
              <DiffTable changes={diffs[i] ?? []} label={`${t('wizard.diff')} · ${s.title}`} />
            )
          ) : (
            <ValuesTable
              values={s.after}
              secretPaths={s.secrets}
              hidden={['regionId', 'vpnGatewayId']}
              label={s.title}
              secretNotSet={ctx.gatewayType === 'sm' ? tw('diff.secretNotSetSm') : undefined}
            />
          )}
        </Fragment>
      ))}
    </>
  );

  return (
    <Wizard
      afterFailure={
        <InlineCustomerGatewaysLeft
          regionId={gateway.regionId}
          created={createdCgws}
          onDeleted={(id) => {
            // Edit again creates it anew: its tunnels go back to "create one now".
            form.getValues().tunnels.forEach((tunnel, i) => {
              if (tunnel.customerGatewayId !== id) return;
              form.setValue(`tunnels.${i === 0 ? 0 : 1}.customerGatewayMode`, 'new');
              form.setValue(`tunnels.${i === 0 ? 0 : 1}.customerGatewayId`, '');
            });
          }}
        />
      }
      {...frame}
      // The tunnels are diffed section by section (the whole form's diff does not see into them).
      nothingToApply={editing && diffs.every(changesNothing)}
      title={editing ? tw('connWizard.editTitle') : tw('connWizard.createTitle')}
      steps={stepDefs}
      prepare={prepare}
      summary={summary}
      review={review}
      dryRun={dryRun}
      submit={submit}
      submitLabel={editing ? t('wizard.submitChange') : t('wizard.submitCreate')}
      onSucceeded={onSucceeded}
      onCancel={onCancel}
    />
  );
}
