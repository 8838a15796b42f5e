// SSL-VPN server wizard, create and edit: basics → protocol → two-factor (IDaaS) → review.
import { SimpleGrid } from '@mantine/core';
import type { SslVpnServerView, VpnGatewayView } from '@vpn-console/shared/api/views';
import {
  createSslVpnServerSchema,
  modifySslVpnServerSchema,
  SSL_CIPHERS,
  SSL_PROTOS,
  sslVpnServerCreateParts,
  type CreateSslVpnServerInput,
} from '@vpn-console/shared/ssl-vpn-server/schema';
import {
  SSL_VPN_SERVER_STEP_FIELDS,
  sslVpnServerSteps,
} from '@vpn-console/shared/ssl-vpn-server/steps';
import type { DeepPartial } from 'react-hook-form';
import { z } from 'zod';
import { CidrListField } from '../../../components/cidr-list-field';
import { NumberField, SelectField, SwitchField } from '../../../components/choice-fields';
import { TextField } from '../../../components/fields';
import { withoutEmpty } from '../../../components/form';
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
  dryRunChangeSslVpnServer,
  useChangeSslVpnServer,
  type ChangeSslVpnServerBody,
} from '../api/change-ssl-vpn-server';
import {
  dryRunCreateSslVpnServer,
  useCreateSslVpnServer,
  type CreateSslVpnServerBody,
} from '../api/create-ssl-vpn-server';

type FormValue = CreateSslVpnServerInput;
const STEP_IDS = ['basics', 'advanced', 'auth'] as const;

const protocolOf = z.object({
  proto: sslVpnServerCreateParts.advanced.proto,
  cipher: sslVpnServerCreateParts.advanced.cipher,
});

const valuesOf = (
  gateway: VpnGatewayView,
  existing: SslVpnServerView | undefined,
): ReadBack<FormValue> => {
  if (existing === undefined) {
    const value: FormValue = {
      regionId: gateway.regionId,
      vpnGatewayId: gateway.id,
      clientIpPool: '',
      localSubnet: [''],
      proto: 'UDP',
      port: 1194,
      cipher: 'AES-128-CBC',
      compress: false,
      enableMultiFactorAuth: false,
    };
    return { value, unknown: [] };
  }
  // A protocol or cipher the console does not know stays out of the form (kept by the cloud) and
  // is shown and asked about.
  const protocol = readBack(protocolOf, { proto: existing.proto, cipher: existing.cipher }, '');
  const value: FormValue = {
    regionId: gateway.regionId,
    vpnGatewayId: gateway.id,
    name: existing.name,
    clientIpPool: existing.clientIpPool,
    localSubnet: existing.localSubnet,
    ...protocol.value,
    port: existing.port ?? 1194,
    compress: existing.compress ?? false,
    enableMultiFactorAuth: existing.enableMultiFactorAuth ?? false,
  };
  return { value, unknown: protocol.unknown };
};

export function SslVpnServerWizard({
  gateway,
  existing,
  onSucceeded,
  onCancel,
}: {
  gateway: VpnGatewayView;
  existing?: SslVpnServerView;
  onSucceeded: () => void;
  onCancel: () => void;
}) {
  const { t, w: tw } = useWords(wizardWords);
  const { form, initial, changes, frame, ...wizard } = useResourceWizard<FormValue>({
    initialValues: () => valuesOf(gateway, existing),
    schemaOfStep: (index) => {
      const id = STEP_IDS[index];
      return id === undefined ? sslVpnServerSteps.review : sslVpnServerSteps[id];
    },
    editing: existing !== undefined,
    secretPaths: [],
  });
  const values: DeepPartial<FormValue> = wizard.values;
  const creating = useCreateSslVpnServer();
  const changing = useChangeSslVpnServer();

  const createBody = (): BodyResult<CreateSslVpnServerBody> =>
    writeBody(createSslVpnServerSchema, withoutEmpty(form.getValues()));
  const changeBody = (id: string): BodyResult<ChangeSslVpnServerBody> =>
    changedBody(
      modifySslVpnServerSchema,
      { before: initial, after: withoutEmpty(form.getValues()), secretPaths: [] },
      { regionId: gateway.regionId, sslVpnServerId: id },
    );
  const prepare = (): Prepared =>
    preparedOf(existing === undefined ? createBody() : changeBody(existing.id));
  const options = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

  const stepDefs: WizardStepDef[] = [
    {
      id: 'basics',
      label: tw('step.basics'),
      fields: SSL_VPN_SERVER_STEP_FIELDS.basics,
      content: (
        <>
          <TextField name="name" label={t('field.name')} />
          <TextField
            name="clientIpPool"
            label={t('field.clientIpPool')}
            required
            placeholder="10.20.0.0/16"
          />
          <CidrListField name="localSubnet" label={t('field.localSubnet')} />
        </>
      ),
    },
    {
      id: 'advanced',
      label: tw('step.protocol'),
      fields: SSL_VPN_SERVER_STEP_FIELDS.advanced,
      content: (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField name="proto" label={t('field.proto')} options={options(SSL_PROTOS)} />
          <NumberField name="port" label={t('field.port')} min={1} max={65535} />
          <SelectField name="cipher" label={t('field.cipher')} options={options(SSL_CIPHERS)} />
          <SwitchField name="compress" label={t('field.compress')} />
        </SimpleGrid>
      ),
    },
    {
      id: 'auth',
      label: tw('step.twoFactor'),
      fields: SSL_VPN_SERVER_STEP_FIELDS.auth,
      content: (
        <>
          <SwitchField name="enableMultiFactorAuth" label={t('field.enableMultiFactorAuth')} />
          {values.enableMultiFactorAuth === true ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextField name="idaasInstanceId" label={t('field.idaasInstanceId')} />
              <TextField
                name="idaasRegionId"
                label={t('field.idaasRegionId')}
                placeholder="cn-hangzhou"
              />
              <TextField name="idaasApplicationId" label={t('field.idaasApplicationId')} />
            </SimpleGrid>
          ) : null}
        </>
      ),
    },
  ];

  const name = values.name ?? existing?.name ?? '—';
  const summary = tw('summary.sslServer', {
    name,
    gateway: gateway.name === '' ? gateway.id : gateway.name,
    pool: values.clientIpPool ?? '',
    local: (values.localSubnet ?? []).join(', '),
    proto: values.proto ?? '',
    port: values.port ?? '',
    cipher: values.cipher ?? '',
  });

  return (
    <Wizard
      title={existing === undefined ? tw('sslWizard.createTitle') : tw('sslWizard.editTitle')}
      {...frame}
      steps={stepDefs}
      prepare={prepare}
      summary={summary}
      review={
        <Review
          summary={reviewSummary(tw, summary, name, changes)}
          values={values}
          secretPaths={[]}
          hidden={[
            'regionId',
            'vpnGatewayId',
            // Two-factor off: its IDaaS values are not part of the server (issue 17).
            ...(values.enableMultiFactorAuth === true
              ? []
              : ['idaasInstanceId', 'idaasRegionId', 'idaasApplicationId']),
          ]}
          {...(changes === undefined ? {} : { changes })}
        />
      }
      {...createOrChange({
        regionId: gateway.regionId,
        existingId: existing?.id,
        createBody,
        changeBody,
        dryRunCreate: dryRunCreateSslVpnServer,
        dryRunChange: dryRunChangeSslVpnServer,
        create: creating.mutateAsync,
        change: changing.mutateAsync,
      })}
      submitLabel={existing === undefined ? t('wizard.submitCreate') : t('wizard.submitChange')}
      onSucceeded={onSucceeded}
      onCancel={onCancel}
    />
  );
}
