// "Set up a client" on the IPsec server card: the settings a native IKEv2 client (Windows, macOS,
// iOS, Android) needs, a strongSwan swanctl.conf, the PSK masked until revealed (audited), and
// the files with the key for operators (audited like a reveal).
import { Button, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { IpsecServerView } from '@vpn-console/shared/api/views';
import { useState } from 'react';
import { DetailField } from '../../../components/detail-field';
import { PskView } from '../../../components/psk-view';
import { useI18n } from '../../../lib/i18n';
import { useCapabilities } from '../../../lib/session';
import { useDownloadIpsecProfile, useIpsecClientProfile } from '../api/client-profile';

export function IpsecClientSetup({
  regionId,
  server,
}: {
  regionId: string;
  server: IpsecServerView;
}) {
  const { t } = useI18n();
  const { canWrite } = useCapabilities();
  const [open, setOpen] = useState(false);
  const profile = useIpsecClientProfile(regionId, server.id, open);
  const download = useDownloadIpsecProfile(regionId, server.id);
  const s = profile.data?.settings;
  return (
    <Stack gap="xs" mt="md">
      <Group>
        <Button
          variant="light"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
          }}
        >
          {t('ipsecClient.setUp')}
        </Button>
      </Group>
      {open && profile.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
      {open && profile.isError ? (
        <Text size="sm" c="red" role="alert">
          {t('ipsecClient.loadFailed')}
        </Text>
      ) : null}
      {open && s !== undefined ? (
        <Stack gap="sm" aria-label={t('ipsecClient.title')} role="region">
          <Title order={3} size="h5">
            {t('ipsecClient.title')}
          </Title>
          <Text size="sm">{t('ipsecClient.intro', { pool: s.clientIpPool })}</Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <DetailField label={t('ipsecClient.type')}>
              {s.ikeVersion === 'ikev1' ? 'IKEv1' : 'IKEv2'}
            </DetailField>
            <DetailField label={t('ipsecClient.server')}>{s.serverAddress}</DetailField>
            <DetailField label={t('ipsecClient.remoteId')}>{s.remoteId}</DetailField>
            <DetailField label={t('ipsecClient.localId')}>
              {s.localId ?? t('ipsecClient.localIdDefault')}
            </DetailField>
            <DetailField label={t('ipsecClient.auth')}>{t('ipsecClient.authPsk')}</DetailField>
            <DetailField label={t('field.psk')}>
              <PskView
                psk={profile.data?.psk}
                resourceName={server.name}
                target={{ kind: 'ipsec-server', regionId, id: server.id }}
              />
            </DetailField>
            <DetailField label={t('ipsecClient.ike')}>
              {s.ike.encryption} / {s.ike.integrity} / {s.ike.dhGroup}
            </DetailField>
            <DetailField label={t('ipsecClient.esp')}>
              {s.esp.encryption} / {s.esp.integrity} / {t('ipsecClient.pfs')} {s.esp.pfs}
            </DetailField>
            <DetailField label={t('ipsecClient.routes')}>{s.remoteSubnets.join(', ')}</DetailField>
          </SimpleGrid>
          <Text size="sm">{t('ipsecClient.platforms')}</Text>
          <Title order={4} size="h6">
            {t('ipsecClient.strongswan')}
          </Title>
          <Code block aria-label={t('ipsecClient.strongswan')}>
            {profile.data?.swanctlConf}
          </Code>
          {canWrite ? (
            <Group>
              <Button
                size="sm"
                loading={download.isPending && download.variables === 'swanctl'}
                onClick={() => {
                  download.mutate('swanctl');
                }}
              >
                {t('ipsecClient.downloadSwanctl')}
              </Button>
              <Button
                size="sm"
                variant="default"
                loading={download.isPending && download.variables === 'settings'}
                onClick={() => {
                  download.mutate('settings');
                }}
              >
                {t('ipsecClient.downloadSettings')}
              </Button>
            </Group>
          ) : (
            <Text size="sm">{t('ipsecClient.viewerNote')}</Text>
          )}
          {download.isError ? (
            <Text size="sm" c="red" role="alert">
              {t('ipsecClient.downloadFailed')}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
