// IPsec server wizard, create and edit: basics → phase 1 → phase 2 → authentication → review.
import { SimpleGrid, Text } from '@mantine/core';
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
import type { DeepPartial } from 'react-hook-form';
import { CidrListField } from '../../../components/cidr-list-field';
import { SwitchField } from '../../../components/choice-fields';
import { TextField } from '../../../components/fields';
import { withoutEmpty } from '../../../components/form';
import { PskField } from '../../../components/psk-field';
import { describePhase, IkeFields, IpsecFields } from '../../../components/wizard/phase-fields';
import { Review } from '../../../components/wizard/review';
import { preparedOf, type BodyResult } from '../../../components/wizard/body-result';
import {
  createOrChange,
  useResourceWizard,
  writeBody,
  changedBody,
} from '../../../components/wizard/use-resource-wizard';
import { Wizard, type Prepared, type WizardStepDef } from '../../../components/wizard/wizard';
import { wizardWords } from '../../../components/wizard/messages';
import { reviewSummary } from '../../../components/wizard/review-summary';
import { useWords } from '../../../lib/i18n';
import { readBack, type ReadBack } from '../../../lib/read-back';
import {
  dryRunChangeIpsecServer,
  useChangeIpsecServer,
  type ChangeIpsecServerBody,
} from '../api/change-ipsec-server';
import {
  dryRunCreateIpsecServer,
  useCreateIpsecServer,
  type CreateIpsecServerBody,
} from '../api/create-ipsec-server';

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
  const { t, w: tw } = useWords(wizardWords);
  const ctx = { gatewayType: gatewayTypeFromVpnType(gateway.vpnType) };
  const steps = ipsecServerSteps(ctx);
  const { form, initial, changes, frame, ...wizard } = useResourceWizard<FormValue>({
    initialValues: () => valuesOf(gateway, existing),
    schemaOfStep: (index) => {
      const id = STEP_IDS[index];
      return id === undefined ? steps.review : steps[id];
    },
    editing: existing !== undefined,
    secretPaths: SECRETS,
  });
  const values: DeepPartial<FormValue> = wizard.values;
  const creating = useCreateIpsecServer();
  const changing = useChangeIpsecServer();

  const createBody = (): BodyResult<CreateIpsecServerBody> =>
    writeBody(createIpsecServerSchema(ctx), withoutEmpty(form.getValues()));
  const changeBody = (id: string): BodyResult<ChangeIpsecServerBody> =>
    changedBody(
      updateIpsecServerSchema(ctx),
      { before: initial, after: withoutEmpty(form.getValues()), secretPaths: SECRETS },
      { regionId: gateway.regionId, ipsecServerId: id },
    );
  const prepare = (): Prepared =>
    preparedOf(existing === undefined ? createBody() : changeBody(existing.id));

  const stepDefs: WizardStepDef[] = [
    {
      id: 'basics',
      label: tw('step.basics'),
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
      label: tw('step.auth'),
      fields: IPSEC_SERVER_STEP_FIELDS.auth,
      content: (
        <SimpleGrid cols={1}>
          {/* PskEnabled takes only true (the cloud's rule): a statement, not a switch (issue 17). */}
          <Text size="sm">{t('ipsecServer.pskAlwaysOn')}</Text>
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
  const summary = tw('summary.ipsecServer', {
    name,
    gateway: gateway.name === '' ? gateway.id : gateway.name,
    pool: values.clientIpPool ?? '',
    local: (values.localSubnet ?? []).join(', '),
    ike,
    ipsec,
  });

  return (
    <Wizard
      title={existing === undefined ? tw('ipsecWizard.createTitle') : tw('ipsecWizard.editTitle')}
      {...frame}
      steps={stepDefs}
      prepare={prepare}
      summary={summary}
      review={
        <Review
          summary={reviewSummary(tw, summary, name, changes)}
          values={values}
          secretPaths={SECRETS}
          hidden={['regionId', 'vpnGatewayId']}
          {...(changes === undefined ? {} : { changes })}
        />
      }
      {...createOrChange({
        regionId: gateway.regionId,
        existingId: existing?.id,
        createBody,
        changeBody,
        dryRunCreate: dryRunCreateIpsecServer,
        dryRunChange: dryRunChangeIpsecServer,
        create: creating.mutateAsync,
        change: changing.mutateAsync,
      })}
      submitLabel={existing === undefined ? t('wizard.submitCreate') : t('wizard.submitChange')}
      onSucceeded={onSucceeded}
      onCancel={onCancel}
    />
  );
}
