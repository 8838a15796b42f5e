// IPsec server wizard, create and edit: basics → phase 1 → phase 2 → authentication → review.
import { SimpleGrid } from '@mantine/core';
import type { IpsecServerView, VpnGatewayView } from '@vpn-console/shared/api/views';
import { ikeDefaults, ipsecDefaults } from '@vpn-console/shared/common/algorithms';
import { gatewayTypeFromVpnType } from '@vpn-console/shared/common/gateway-type';
import {
  ikeConfigChangeSchema,
  ipsecConfigChangeSchema,
} from '@vpn-console/shared/common/ike-config';
import {
  createIpsecServerSchema,
  updateIpsecServerSchema,
  type CreateIpsecServerInput,
} from '@vpn-console/shared/ipsec-server/schema';
import { IPSEC_SERVER_STEP_FIELDS, ipsecServerSteps } from '@vpn-console/shared/ipsec-server/steps';
import { useRef, useState } from 'react';
import type { DeepPartial } from 'react-hook-form';
import { CidrListField } from '../../../components/cidr-list-field';
import { SwitchField } from '../../../components/choice-fields';
import { TextField } from '../../../components/fields';
import { useStepForm, withoutEmpty } from '../../../components/form';
import { PskField } from '../../../components/psk-field';
import { changedFields, diffValues } from '../../../components/wizard/diff';
import { describePhase, IkeFields, IpsecFields } from '../../../components/wizard/phase-fields';
import { Review } from '../../../components/wizard/review';
import { bodyOf, preparedOf } from '../../../components/wizard/body-result';
import { Wizard, type Prepared, type WizardStepDef } from '../../../components/wizard/wizard';
import { useI18n } from '../../../lib/i18n';
import { issuesOf } from '../../../lib/issue-text';
import { readBack, type ReadBack } from '../../../lib/read-back';
import { useChangeIpsecServer } from '../api/change-ipsec-server';
import { useCreateIpsecServer } from '../api/create-ipsec-server';

type FormValue = CreateIpsecServerInput;
const STEP_IDS = ['basics', 'phase1', 'phase2', 'auth'] as const;
const SECRETS = ['psk'] as const;

const valuesOf = (
  gateway: VpnGatewayView,
  existing: IpsecServerView | undefined,
): ReadBack<FormValue> => {
  const type = gatewayTypeFromVpnType(gateway.vpnType);
  const ctx = { gatewayType: type };
  if (existing === undefined) {
    const value: FormValue = {
      regionId: gateway.regionId,
      vpnGatewayId: gateway.id,
      localSubnet: [''],
      clientIpPool: '',
      effectImmediately: false,
      ikeConfig: { ...ikeDefaults('ipsec-server', type) },
      ipsecConfig: { ...ipsecDefaults('ipsec-server', type) },
      pskEnabled: true,
    };
    return { value, unknown: [] };
  }
  // The view carries plain strings: each field is read with the shared schema; a value the
  // console does not know stays out of the form (kept by the cloud) and is shown and asked about.
  const ike = readBack(ikeConfigChangeSchema(ctx), existing.ikeConfig, 'ikeConfig');
  const ipsec = readBack(ipsecConfigChangeSchema(ctx), existing.ipsecConfig, 'ipsecConfig');
  const value: FormValue = {
    regionId: gateway.regionId,
    vpnGatewayId: gateway.id,
    ipsecServerName: existing.name,
    localSubnet: existing.localSubnet,
    clientIpPool: existing.clientIpPool,
    effectImmediately: existing.effectImmediately,
    ikeConfig: ike.value,
    ipsecConfig: ipsec.value,
    pskEnabled: true,
  };
  return { value, unknown: [...ike.unknown, ...ipsec.unknown] };
};

export function IpsecServerWizard({
  gateway,
  existing,
  onSucceeded,
  onCancel,
}: {
  gateway: VpnGatewayView;
  existing?: IpsecServerView;
  onSucceeded: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ctx = { gatewayType: gatewayTypeFromVpnType(gateway.vpnType) };
  const steps = ipsecServerSteps(ctx);
  const [stepIndex, setStepIndex] = useState(0);
  const current = useRef(0);
  current.current = stepIndex;
  const [{ value: initial, unknown }] = useState(() => valuesOf(gateway, existing));
  const form = useStepForm<FormValue>(initial, () => {
    const id = STEP_IDS[current.current];
    return id === undefined ? steps.review : steps[id];
  });
  const creating = useCreateIpsecServer();
  const changing = useChangeIpsecServer();
  // What is on screen right now (emptied fields left out).
  const values: DeepPartial<FormValue> = withoutEmpty(form.watch());

  const createBody = () => {
    const parsed = createIpsecServerSchema(ctx).safeParse(withoutEmpty(form.getValues()));
    if (!parsed.success) return { ok: false as const, issues: issuesOf(parsed.error) };
    const { dryRun: _d, clientToken: _c, ...body } = parsed.data;
    return { ok: true as const, body };
  };
  const changeBody = (id: string) => {
    const body = changedFields(initial, withoutEmpty(form.getValues()), SECRETS);
    const parsed = updateIpsecServerSchema(ctx).safeParse({
      ...body,
      regionId: gateway.regionId,
      ipsecServerId: id,
    });
    if (!parsed.success) return { ok: false as const, issues: issuesOf(parsed.error) };
    return { ok: true as const, body };
  };
  const build = () => (existing === undefined ? createBody() : changeBody(existing.id));
  const prepare = (): Prepared => preparedOf(build());
  const mustBuild = () => bodyOf(build());

  const stepDefs: WizardStepDef[] = [
    {
      id: 'basics',
      label: t('step.basics'),
      fields: IPSEC_SERVER_STEP_FIELDS.basics,
      content: (
        <>
          <TextField name="ipsecServerName" label={t('field.ipsecServerName')} />
          <CidrListField name="localSubnet" label={t('field.localSubnet')} />
          <TextField
            name="clientIpPool"
            label={t('field.clientIpPool')}
            required
            placeholder="10.10.0.0/24"
          />
          <SwitchField name="effectImmediately" label={t('field.effectImmediately')} />
        </>
      ),
    },
    {
      id: 'phase1',
      label: t('step.phase1'),
      fields: IPSEC_SERVER_STEP_FIELDS.phase1,
      content: <IkeFields gatewayType={ctx.gatewayType} />,
    },
    {
      id: 'phase2',
      label: t('step.phase2'),
      fields: IPSEC_SERVER_STEP_FIELDS.phase2,
      content: <IpsecFields gatewayType={ctx.gatewayType} />,
    },
    {
      id: 'auth',
      label: t('step.auth'),
      fields: IPSEC_SERVER_STEP_FIELDS.auth,
      content: (
        <SimpleGrid cols={1}>
          <SwitchField name="pskEnabled" label={t('field.pskEnabled')} />
          <PskField
            name="psk"
            label={t('field.psk')}
            hint={existing === undefined ? t('psk.autoIfEmpty') : t('psk.keepEmpty')}
          />
        </SimpleGrid>
      ),
    },
  ];

  const ike = describePhase(values.ikeConfig, ['ikeVersion', 'ikeEncAlg', 'ikeAuthAlg', 'ikePfs']);
  const ipsec = describePhase(values.ipsecConfig, ['ipsecEncAlg', 'ipsecAuthAlg', 'ipsecPfs']);
  const name = values.ipsecServerName ?? existing?.name ?? '—';
  const summary = t('summary.ipsecServer', {
    name,
    gateway: gateway.name === '' ? gateway.id : gateway.name,
    pool: values.clientIpPool ?? '',
    local: (values.localSubnet ?? []).join(', '),
    ike,
    ipsec,
  });
  const changes = existing === undefined ? undefined : diffValues(initial, values, SECRETS);

  return (
    <Wizard
      title={existing === undefined ? t('ipsecWizard.createTitle') : t('ipsecWizard.editTitle')}
      form={form}
      steps={stepDefs}
      stepIndex={stepIndex}
      onStepChange={setStepIndex}
      prepare={prepare}
      review={
        <Review
          summary={
            changes === undefined
              ? summary
              : `${summary} ${t('summary.edit', { name, count: changes.filter((c) => !c.secret || c.changed).length })}`
          }
          values={values}
          secretPaths={SECRETS}
          hidden={['regionId', 'vpnGatewayId']}
          {...(changes === undefined ? {} : { changes })}
        />
      }
      dryRun={() =>
        existing === undefined
          ? creating.dryRun(gateway.regionId, mustBuild())
          : changing.dryRun(gateway.regionId, existing.id, mustBuild())
      }
      submit={(key) =>
        existing === undefined
          ? creating.create(gateway.regionId, mustBuild(), key)
          : changing.change(gateway.regionId, existing.id, mustBuild(), key)
      }
      submitLabel={existing === undefined ? t('wizard.submitCreate') : t('wizard.submitChange')}
      onSucceeded={onSucceeded}
      onCancel={onCancel}
      unknownValues={unknown}
    />
  );
}
