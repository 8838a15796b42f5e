// Phase 1 (IKE) and phase 2 (IPsec) fields; the algorithm choices follow the gateway's type
// (standard or SM/国密), from the shared algorithm tables.
import { SimpleGrid } from '@mantine/core';
import { algorithmsFor } from '@vpn-console/shared/common/algorithms';
import type { GatewayType } from '@vpn-console/shared/common/gateway-type';
import { useI18n } from '../../lib/i18n';
import { NumberField, SelectField } from '../choice-fields';
import { TextField } from '../fields';

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function IkeFields({ gatewayType }: { gatewayType: GatewayType }) {
  const { t } = useI18n();
  const a = algorithmsFor(gatewayType);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <SelectField
        name="ikeConfig.ikeVersion"
        label={t('field.ikeVersion')}
        options={opts(a.ikeVersions)}
      />
      <SelectField name="ikeConfig.ikeMode" label={t('field.ikeMode')} options={opts(a.ikeModes)} />
      <SelectField
        name="ikeConfig.ikeEncAlg"
        label={t('field.ikeEncAlg')}
        options={opts(a.encAlgs)}
      />
      <SelectField
        name="ikeConfig.ikeAuthAlg"
        label={t('field.ikeAuthAlg')}
        options={opts(a.authAlgs)}
      />
      <SelectField name="ikeConfig.ikePfs" label={t('field.ikePfs')} options={opts(a.ikePfs)} />
      <NumberField
        name="ikeConfig.ikeLifetime"
        label={t('field.ikeLifetime')}
        min={0}
        max={86400}
      />
      <TextField name="ikeConfig.localId" label={t('field.localId')} />
      <TextField name="ikeConfig.remoteId" label={t('field.remoteId')} />
    </SimpleGrid>
  );
}

export function IpsecFields({ gatewayType }: { gatewayType: GatewayType }) {
  const { t } = useI18n();
  const a = algorithmsFor(gatewayType);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <SelectField
        name="ipsecConfig.ipsecEncAlg"
        label={t('field.ipsecEncAlg')}
        options={opts(a.encAlgs)}
      />
      <SelectField
        name="ipsecConfig.ipsecAuthAlg"
        label={t('field.ipsecAuthAlg')}
        options={opts(a.authAlgs)}
      />
      <SelectField
        name="ipsecConfig.ipsecPfs"
        label={t('field.ipsecPfs')}
        options={opts(a.ipsecPfs)}
      />
      <NumberField
        name="ipsecConfig.ipsecLifetime"
        label={t('field.ipsecLifetime')}
        min={0}
        max={86400}
      />
    </SimpleGrid>
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
