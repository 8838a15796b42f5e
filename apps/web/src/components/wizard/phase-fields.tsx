// Phase 1 (IKE) and phase 2 (IPsec) fields; the algorithm choices follow the gateway's type
// (standard or SM/国密), from the shared algorithm tables. Weak choices get a warning with the
// stronger choice to use (never a block). `prefix` places them (a dual-tunnel connection's
// tunnels: 'tunnels.0.ikeConfig').
import { SimpleGrid, Stack } from '@mantine/core';
import { algorithmsFor } from '@vpn-console/shared/common/algorithms';
import type { GatewayType } from '@vpn-console/shared/common/gateway-type';
import { useI18n } from '../../lib/i18n';
import { NumberField, SelectField } from '../choice-fields';
import { TextField } from '../fields';
import { WeakAlgorithmWarnings } from './weak-algorithms';

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function IkeFields({
  gatewayType,
  prefix = 'ikeConfig',
}: {
  gatewayType: GatewayType;
  prefix?: string;
}) {
  const { t } = useI18n();
  const a = algorithmsFor(gatewayType);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          name={`${prefix}.ikeVersion`}
          label={t('field.ikeVersion')}
          options={opts(a.ikeVersions)}
        />
        <SelectField
          name={`${prefix}.ikeMode`}
          label={t('field.ikeMode')}
          options={opts(a.ikeModes)}
        />
        <SelectField
          name={`${prefix}.ikeEncAlg`}
          label={t('field.ikeEncAlg')}
          options={opts(a.encAlgs)}
        />
        <SelectField
          name={`${prefix}.ikeAuthAlg`}
          label={t('field.ikeAuthAlg')}
          options={opts(a.authAlgs)}
        />
        <SelectField name={`${prefix}.ikePfs`} label={t('field.ikePfs')} options={opts(a.ikePfs)} />
        <NumberField
          name={`${prefix}.ikeLifetime`}
          label={t('field.ikeLifetime')}
          min={0}
          max={86400}
        />
        <TextField name={`${prefix}.localId`} label={t('field.localId')} />
        <TextField name={`${prefix}.remoteId`} label={t('field.remoteId')} />
      </SimpleGrid>
      <WeakAlgorithmWarnings
        fields={[
          { kind: 'enc', name: `${prefix}.ikeEncAlg` },
          { kind: 'auth', name: `${prefix}.ikeAuthAlg` },
          { kind: 'dh', name: `${prefix}.ikePfs` },
        ]}
      />
    </Stack>
  );
}

export function IpsecFields({
  gatewayType,
  prefix = 'ipsecConfig',
}: {
  gatewayType: GatewayType;
  prefix?: string;
}) {
  const { t } = useI18n();
  const a = algorithmsFor(gatewayType);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          name={`${prefix}.ipsecEncAlg`}
          label={t('field.ipsecEncAlg')}
          options={opts(a.encAlgs)}
        />
        <SelectField
          name={`${prefix}.ipsecAuthAlg`}
          label={t('field.ipsecAuthAlg')}
          options={opts(a.authAlgs)}
        />
        <SelectField
          name={`${prefix}.ipsecPfs`}
          label={t('field.ipsecPfs')}
          options={opts(a.ipsecPfs)}
        />
        <NumberField
          name={`${prefix}.ipsecLifetime`}
          label={t('field.ipsecLifetime')}
          min={0}
          max={86400}
        />
      </SimpleGrid>
      <WeakAlgorithmWarnings
        fields={[
          { kind: 'enc', name: `${prefix}.ipsecEncAlg` },
          { kind: 'auth', name: `${prefix}.ipsecAuthAlg` },
          { kind: 'dh', name: `${prefix}.ipsecPfs` },
        ]}
      />
    </Stack>
  );
}

/** "ikev2 aes/sha1/group2" for the plain-words summary. */
export const describePhase = (
  c: Record<string, unknown> | undefined,
  keys: readonly string[],
): string =>
  keys
    .map((k) => c?.[k])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .join(' / ');
