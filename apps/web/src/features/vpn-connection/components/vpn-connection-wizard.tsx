// IPsec connection wizard, create and edit: gateway and customer gateway (pick one or create one
// inline), subnets, name → phase 1 → phase 2 → advanced (DPD, NAT traversal, auto route, BGP,
// health check) → review. Algorithms follow the gateway's type; SM gateways ask for the peer CA.
import { SimpleGrid, Text, Title } from '@mantine/core';
import type { VpnConnectionView, VpnGatewayView } from '@vpn-console/shared/api/views';
import type { ConnectionWizardProps } from './connection-wizard-props';
import type { Operation } from '@vpn-console/shared/api/operations';
import { ikeDefaults, ipsecDefaults } from '@vpn-console/shared/common/algorithms';
import { bgpConfigChangeSchema, DEFAULT_LOCAL_ASN } from '@vpn-console/shared/common/bgp-config';
import { gatewayTypeFromVpnType } from '@vpn-console/shared/common/gateway-type';
import { healthCheckConfigChangeSchema } from '@vpn-console/shared/common/health-check-config';
import {
  connectionIkeConfigChangeSchema,
  ipsecConfigChangeSchema,
} from '@vpn-console/shared/common/ike-config';
import {
  createVpnConnectionSchema,
  evenWithOtherIssues,
  modifyVpnConnectionAttributeSchema,
  refineSubnetsApart,
  type CreateVpnConnectionInput,
} from '@vpn-console/shared/vpn-connection/schema';
import {
  VPN_CONNECTION_STEP_FIELDS,
  vpnConnectionSteps,
} from '@vpn-console/shared/vpn-connection/steps';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeepPartial } from 'react-hook-form';
import type { z } from 'zod';
import { CidrListField } from '../../../components/cidr-list-field';
import { NumberField, SwitchField } from '../../../components/choice-fields';
import { TextField } from '../../../components/fields';
import { withoutEmpty } from '../../../components/form';
import { PskField } from '../../../components/psk-field';
import { describePhase, IkeFields, IpsecFields } from '../../../components/wizard/phase-fields';
import { Review } from '../../../components/wizard/review';
import { bodyOf, preparedOf, type BodyResult } from '../../../components/wizard/body-result';
import {
  useResourceWizard,
  writeBody,
  changedBody,
} from '../../../components/wizard/use-resource-wizard';
import { Wizard, type Prepared, type WizardStepDef } from '../../../components/wizard/wizard';
import { wizardWords } from '../../../components/wizard/messages';
import { reviewSummary } from '../../../components/wizard/review-summary';
import { useWords } from '../../../lib/i18n';
import { issuesOf, type FormIssue } from '../../../lib/issue-text';
import { readBack, type ReadBack } from '../../../lib/read-back';
import { useChangeVpnConnection, type ChangeVpnConnectionBody } from '../api/change-vpn-connection';
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
import { CustomerGatewayPicker, newCustomerGatewaySchema } from './customer-gateway-picker';
import { InlineCustomerGatewaysLeft, type InlineCustomerGateway } from './inline-cgw-leftover';
import { standInCustomerGateway, standInVerdict } from './stand-in';
import {
  refineTunnelCidrsFree,
  tunnelCidrsInUse,
} from '@vpn-console/shared/vpn-connection/tunnel-cidr';

type FormValue = CreateVpnConnectionInput & {
  customerGatewayMode: 'existing' | 'new';
  newCustomerGateway?: Partial<z.input<typeof newCustomerGatewaySchema>>;
};

const STEP_IDS = ['basics', 'phase1', 'phase2', 'advanced'] as const;
const SECRETS = ['ikeConfig.psk'] as const;
const WIZARD_ONLY = ['customerGatewayMode', 'newCustomerGateway'] as const;

const withoutWizardFields = (v: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(v).filter(([k]) => !(WIZARD_ONLY as readonly string[]).includes(k)),
  );

const valuesOf = (
  gateway: VpnGatewayView,
  existing: VpnConnectionView | undefined,
): ReadBack<FormValue> => {
  const type = gatewayTypeFromVpnType(gateway.vpnType);
  const ctx = { gatewayType: type };
  if (existing === undefined) {
    const value: FormValue = {
      regionId: gateway.regionId,
      vpnGatewayId: gateway.id,
      customerGatewayMode: 'existing',
      customerGatewayId: '',
      localSubnet: [''],
      remoteSubnet: [''],
      effectImmediately: false,
      ikeConfig: { ...ikeDefaults('vpn-connection', type) },
      ipsecConfig: { ...ipsecDefaults('vpn-connection', type) },
      autoConfigRoute: true,
      enableDpd: true,
      enableNatTraversal: true,
      bgpConfig: { enableBgp: false, localAsn: DEFAULT_LOCAL_ASN },
      healthCheckConfig: { enable: false, interval: 3, retry: 3 },
    };
    return { value, unknown: [] };
  }
  // Each field read with the shared schema: a value the console does not know stays out of the
  // form (kept by the cloud) and is shown and asked about. A connection without BGP or health
  // check reads as both off (what the cloud means by their absence).
  const ike = readBack(connectionIkeConfigChangeSchema(ctx), existing.ikeConfig, 'ikeConfig');
  const ipsec = readBack(ipsecConfigChangeSchema(ctx), existing.ipsecConfig, 'ipsecConfig');
  const bgp =
    existing.bgpConfig === undefined
      ? { value: { enableBgp: false, localAsn: DEFAULT_LOCAL_ASN }, unknown: [] }
      : readBack(bgpConfigChangeSchema, existing.bgpConfig, 'bgpConfig');
  const hc =
    existing.healthCheck === undefined
      ? { value: { enable: false, interval: 3, retry: 3 }, unknown: [] }
      : readBack(healthCheckConfigChangeSchema, existing.healthCheck, 'healthCheckConfig');
  const value: FormValue = {
    regionId: gateway.regionId,
    vpnGatewayId: gateway.id,
    customerGatewayMode: 'existing',
    customerGatewayId: existing.customerGatewayId ?? '',
    name: existing.name,
    localSubnet: existing.localSubnet,
    remoteSubnet: existing.remoteSubnet,
    ...(existing.effectImmediately === undefined
      ? {}
      : { effectImmediately: existing.effectImmediately }),
    ikeConfig: ike.value,
    ipsecConfig: ipsec.value,
    ...(existing.enableDpd === undefined ? {} : { enableDpd: existing.enableDpd }),
    ...(existing.enableNatTraversal === undefined
      ? {}
      : { enableNatTraversal: existing.enableNatTraversal }),
    bgpConfig: bgp.value,
    healthCheckConfig: hc.value,
  };
  return { value, unknown: [...ike.unknown, ...ipsec.unknown, ...bgp.unknown, ...hc.unknown] };
};

export function VpnConnectionWizard({
  gateway,
  connections = [],
  existing,
  onSucceeded,
  onCancel,
}: ConnectionWizardProps) {
  const { t, w: tw } = useWords(wizardWords);
  const client = useQueryClient();
  const ctx = { gatewayType: gatewayTypeFromVpnType(gateway.vpnType) };
  const steps = vpnConnectionSteps(ctx);
  const basicsWithNewCgw = steps.basicsFields
    .omit({ customerGatewayId: true })
    .extend({ newCustomerGateway: newCustomerGatewaySchema })
    .superRefine(refineSubnetsApart, evenWithOtherIssues);
  // A tunnel CIDR another connection of the gateway uses is refused at its field (issue 17).
  const advanced = steps.advanced.superRefine(
    refineTunnelCidrsFree(
      tunnelCidrsInUse(connections, existing?.id),
      (v: { bgpConfig?: { enableBgp?: boolean; tunnelCidr?: string } }) =>
        v.bgpConfig?.enableBgp === true
          ? [[['bgpConfig', 'tunnelCidr'], v.bgpConfig.tunnelCidr]]
          : [],
    ),
  );
  const schemaOfStep = (index: number, value: FormValue): z.ZodType => {
    const id = STEP_IDS[index];
    if (id === undefined) return steps.review;
    if (id === 'basics' && value.customerGatewayMode === 'new') return basicsWithNewCgw;
    if (id === 'advanced') return advanced;
    return steps[id];
  };
  const { form, initial, changes, frame, ...wizard } = useResourceWizard<FormValue>({
    initialValues: () => valuesOf(gateway, existing),
    schemaOfStep,
    editing: existing !== undefined,
    secretPaths: SECRETS,
    withoutFormOnly: withoutWizardFields,
  });
  const values: DeepPartial<FormValue> = wizard.values;
  const creatingCgw = useCreateCustomerGateway();
  const creating = useCreateVpnConnection();
  const changing = useChangeVpnConnection();
  const inlineCgw = existing === undefined && values.customerGatewayMode === 'new';
  // The customer gateway this wizard created inline, while the connection is not created.
  const [createdCgw, setCreatedCgw] = useState<InlineCustomerGateway | undefined>();

  const createBody = (customerGatewayId: string): BodyResult<CreateVpnConnectionBody> =>
    writeBody(createVpnConnectionSchema(ctx), {
      ...withoutWizardFields(withoutEmpty(form.getValues())),
      customerGatewayId,
    });
  const changeBody = (id: string): BodyResult<ChangeVpnConnectionBody> =>
    changedBody(
      modifyVpnConnectionAttributeSchema(ctx),
      {
        before: withoutWizardFields(initial),
        after: withoutWizardFields(withoutEmpty(form.getValues())),
        secretPaths: SECRETS,
      },
      { regionId: gateway.regionId, vpnConnectionId: id },
    );
  const prepare = (): Prepared => {
    if (existing !== undefined) {
      return preparedOf(changeBody(existing.id));
    }
    if (!inlineCgw) {
      return preparedOf(createBody(form.getValues('customerGatewayId')));
    }
    // With a new customer gateway the id is not known yet: check every step on its own.
    const issues: FormIssue[] = [];
    const value = form.getValues();
    for (let i = 0; i < STEP_IDS.length; i += 1) {
      const r = schemaOfStep(i, value).safeParse(withoutEmpty(value));
      if (!r.success) issues.push(...issuesOf(r.error));
    }
    return issues.length === 0 ? { ok: true } : { ok: false, issues };
  };
  const newCgwBody = () => {
    const cgw = newCustomerGatewaySchema.parse(form.getValues('newCustomerGateway'));
    return { ...cgw, regionId: gateway.regionId };
  };

  const dryRun = async () => {
    if (existing !== undefined) {
      // The route table gives PATCH …/vpn-connections/{id} no dry run (Alibaba's
      // ModifyVpnConnectionAttribute has no DryRun): the console's own checks are all there is
      // before applying, and the review says so instead of asking the BFF for a verdict it refuses.
      bodyOf(changeBody(existing.id));
      return { skipped: 'wizard.consoleCheckOnly' as const };
    }
    if (inlineCgw) {
      // The new customer gateway is created last, once everything else passed: the console checks
      // it, then the cloud's dry run checks the connection with an existing customer gateway of
      // the region standing in for it (one with an ASN if the new one has one).
      const cgw = newCgwBody();
      const verdict = await dryRunCreateCustomerGateway(gateway.regionId, cgw);
      if (!verdict.ok) return verdict;
      const standIn = standInCustomerGateway(
        client,
        gateway.regionId,
        gateway.id,
        cgw.asn !== undefined,
      );
      if (standIn === undefined) return { skipped: 'wizard.connectionCheckLater' as const };
      return standInVerdict(
        await dryRunCreateVpnConnection(gateway.regionId, bodyOf(createBody(standIn))),
      );
    }
    return dryRunCreateVpnConnection(
      gateway.regionId,
      bodyOf(createBody(form.getValues('customerGatewayId'))),
    );
  };

  const submit = async (idempotencyKey: string): Promise<Operation> => {
    const regionId = gateway.regionId;
    if (existing !== undefined) {
      const body = bodyOf(changeBody(existing.id));
      return changing.mutateAsync({ regionId, id: existing.id, body, idempotencyKey });
    }
    let customerGatewayId = form.getValues('customerGatewayId');
    if (inlineCgw) {
      // The customer gateway first (its own key, derived from the wizard's), then the connection.
      const body = newCgwBody();
      const started = await creatingCgw.mutateAsync({
        regionId,
        body,
        idempotencyKey: `${idempotencyKey}-cgw`,
      });
      customerGatewayId = await createdCustomerGatewayId(client, started);
      setCreatedCgw({ id: customerGatewayId, ipAddress: body.ipAddress, name: body.name });
      // A retry reuses the customer gateway that now exists.
      form.setValue('customerGatewayMode', 'existing');
      form.setValue('customerGatewayId', customerGatewayId);
    }
    const body = bodyOf(createBody(customerGatewayId));
    return creating.mutateAsync({ regionId, body, idempotencyKey });
  };

  // Values under a switch that is turned off no longer apply: they are cleared so a hidden,
  // forgotten entry cannot block the step (values of steps not on screen are kept).
  const clearHidden = (
    names: readonly (
      | 'bgpConfig.tunnelCidr'
      | 'bgpConfig.localBgpIp'
      | 'healthCheckConfig.dip'
      | 'healthCheckConfig.sip'
    )[],
  ) => {
    for (const name of names) form.setValue(name, '', { shouldValidate: true });
  };

  const stepDefs: WizardStepDef[] = [
    {
      id: 'basics',
      label: tw('step.basics'),
      fields: [...VPN_CONNECTION_STEP_FIELDS.basics, ...WIZARD_ONLY],
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
          <CustomerGatewayPicker
            regionId={gateway.regionId}
            vpnGatewayId={gateway.id}
            connectionId={existing?.id}
            editing={existing !== undefined}
          />
          <TextField name="name" label={t('field.name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CidrListField name="localSubnet" label={t('field.localSubnet')} />
            <CidrListField name="remoteSubnet" label={t('field.remoteSubnet')} />
          </SimpleGrid>
          <SwitchField name="effectImmediately" label={t('field.effectImmediately')} />
        </>
      ),
    },
    {
      id: 'phase1',
      label: t('step.phase1'),
      fields: VPN_CONNECTION_STEP_FIELDS.phase1,
      content: (
        <>
          <IkeFields gatewayType={ctx.gatewayType} />
          <PskField
            name="ikeConfig.psk"
            label={t('field.psk')}
            hint={
              existing !== undefined
                ? t('psk.keepEmpty')
                : ctx.gatewayType === 'sm'
                  ? tw('psk.smIfEmpty')
                  : t('psk.autoIfEmpty')
            }
          />
          {ctx.gatewayType === 'sm' ? (
            <TextField
              name="remoteCaCertificate"
              label={t('field.remoteCaCertificate')}
              multiline
              placeholder="-----BEGIN CERTIFICATE-----"
            />
          ) : null}
        </>
      ),
    },
    {
      id: 'phase2',
      label: t('step.phase2'),
      fields: VPN_CONNECTION_STEP_FIELDS.phase2,
      content: <IpsecFields gatewayType={ctx.gatewayType} />,
    },
    {
      id: 'advanced',
      label: tw('step.advanced'),
      fields: VPN_CONNECTION_STEP_FIELDS.advanced,
      content: (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <SwitchField name="enableDpd" label={t('field.enableDpd')} />
            <SwitchField name="enableNatTraversal" label={t('field.enableNatTraversal')} />
            <SwitchField name="autoConfigRoute" label={t('field.autoConfigRoute')} />
          </SimpleGrid>
          <Title order={2} size="h5">
            {t('field.bgp')}
          </Title>
          <SwitchField
            name="bgpConfig.enableBgp"
            label={t('field.bgpConfig.enableBgp')}
            onOff={() => {
              clearHidden(['bgpConfig.tunnelCidr', 'bgpConfig.localBgpIp']);
            }}
          />
          {values.bgpConfig?.enableBgp === true ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberField
                name="bgpConfig.localAsn"
                label={t('field.bgpConfig.localAsn')}
                min={1}
              />
              <TextField
                name="bgpConfig.tunnelCidr"
                label={t('field.bgpConfig.tunnelCidr')}
                placeholder="169.254.10.0/30"
              />
              <TextField
                name="bgpConfig.localBgpIp"
                label={t('field.bgpConfig.localBgpIp')}
                placeholder="169.254.10.1"
              />
            </SimpleGrid>
          ) : null}
          <Title order={2} size="h5">
            {t('field.healthCheckConfig.enable')}
          </Title>
          <SwitchField
            name="healthCheckConfig.enable"
            label={t('field.healthCheckConfig.enable')}
          />
          {values.healthCheckConfig?.enable === true ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextField name="healthCheckConfig.dip" label={t('field.healthCheckConfig.dip')} />
              <TextField name="healthCheckConfig.sip" label={t('field.healthCheckConfig.sip')} />
              <NumberField
                name="healthCheckConfig.interval"
                label={t('field.healthCheckConfig.interval')}
                min={1}
              />
              <NumberField
                name="healthCheckConfig.retry"
                label={t('field.healthCheckConfig.retry')}
                min={1}
              />
            </SimpleGrid>
          ) : null}
        </>
      ),
    },
  ];

  const name = values.name ?? existing?.name ?? '—';
  const cgwLabel = inlineCgw
    ? `${values.newCustomerGateway?.ipAddress ?? ''}${t('common.bracketed', { text: t('cgw.create') })}`
    : (values.customerGatewayId ?? '');
  const summary = tw('summary.connection', {
    name,
    gateway: gateway.name === '' ? gateway.id : gateway.name,
    cgw: cgwLabel,
    local: (values.localSubnet ?? []).join(', '),
    remote: (values.remoteSubnet ?? []).join(', '),
    ike: describePhase(values.ikeConfig, ['ikeVersion', 'ikeEncAlg', 'ikeAuthAlg', 'ikePfs']),
    ipsec: describePhase(values.ipsecConfig, ['ipsecEncAlg', 'ipsecAuthAlg', 'ipsecPfs']),
  });

  return (
    <Wizard
      title={existing === undefined ? tw('connWizard.createTitle') : tw('connWizard.editTitle')}
      afterFailure={
        createdCgw === undefined ? undefined : (
          <InlineCustomerGatewaysLeft
            regionId={gateway.regionId}
            created={[createdCgw]}
            onDeleted={() => {
              // Edit again creates it anew.
              form.setValue('customerGatewayMode', 'new');
              form.setValue('customerGatewayId', '');
            }}
          />
        )
      }
      {...frame}
      steps={stepDefs}
      prepare={prepare}
      summary={summary}
      review={
        <Review
          summary={reviewSummary(tw, summary, name, changes)}
          values={withoutWizardFields(values)}
          secretPaths={SECRETS}
          hidden={['regionId', 'vpnGatewayId']}
          secretNotSet={ctx.gatewayType === 'sm' ? tw('diff.secretNotSetSm') : undefined}
          {...(changes === undefined ? {} : { changes })}
        />
      }
      dryRun={dryRun}
      submit={submit}
      submitLabel={existing === undefined ? t('wizard.submitCreate') : t('wizard.submitChange')}
      onSucceeded={onSucceeded}
      onCancel={onCancel}
    />
  );
}
