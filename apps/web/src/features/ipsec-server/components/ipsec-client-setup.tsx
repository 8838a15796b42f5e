// "Set up a client" on the IPsec server card: the settings a native IKEv2 client (Windows, macOS,
// iOS, Android) needs, a strongSwan swanctl.conf, the PSK masked until revealed (audited), and
// the files with the key for operators (audited like a reveal).
import { Button, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { IpsecServerView } from '@vpn-console/shared/api/views';
import { useState } from 'react';
import { DetailField } from '../../../components/detail-field';
import { PskView } from '../../../components/psk-view';
import { useWords } from '../../../lib/i18n';
import { ipsecClientWords } from '../messages';
import { useCapabilities } from '../../../lib/session';
import { useDownloadIpsecProfile, useIpsecClientProfile } from '../api/client-profile';

export function IpsecClientSetup({
  regionId,
  server,
}: {
  regionId: string;
  server: IpsecServerView;
}) {
  const { t, w } = useWords(ipsecClientWords);
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
          {w('ipsecClient.setUp')}
        </Button>
      </Group>
      {open && profile.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
      {open && profile.isError ? (
        <Text size="sm" c="red" role="alert">
          {w('ipsecClient.loadFailed')}
        </Text>
      ) : null}
      {open && s !== undefined ? (
        <Stack gap="sm" aria-label={w('ipsecClient.title')} role="region">
          <Title order={3} size="h5">
            {w('ipsecClient.title')}
          </Title>
          <Text size="sm">{w('ipsecClient.intro', { pool: s.clientIpPool })}</Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <DetailField label={w('ipsecClient.type')}>
              {s.ikeVersion === 'ikev1' ? 'IKEv1' : 'IKEv2'}
            </DetailField>
            <DetailField label={w('ipsecClient.server')}>{s.serverAddress}</DetailField>
            <DetailField label={w('ipsecClient.remoteId')}>{s.remoteId}</DetailField>
            <DetailField label={w('ipsecClient.localId')}>
              {s.localId ?? w('ipsecClient.localIdDefault')}
            </DetailField>
            <DetailField label={w('ipsecClient.auth')}>{w('ipsecClient.authPsk')}</DetailField>
            <DetailField label={t('field.psk')}>
              <PskView
                psk={profile.data?.psk}
                resourceName={server.name}
                target={{ kind: 'ipsec-server', regionId, id: server.id }}
              />
            </DetailField>
            <DetailField label={w('ipsecClient.ike')}>
              {s.ike.encryption} / {s.ike.integrity} / {s.ike.dhGroup}
            </DetailField>
            <DetailField label={w('ipsecClient.esp')}>
              {s.esp.encryption} / {s.esp.integrity} / {w('ipsecClient.pfs')} {s.esp.pfs}
            </DetailField>
            <DetailField label={w('ipsecClient.routes')}>{s.remoteSubnets.join(', ')}</DetailField>
          </SimpleGrid>
          <Text size="sm">{w('ipsecClient.platforms')}</Text>
          <Title order={4} size="h6">
            {w('ipsecClient.strongswan')}
          </Title>
          <Code block aria-label={w('ipsecClient.strongswan')}>
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
                {w('ipsecClient.downloadSwanctl')}
              </Button>
              <Button
                size="sm"
                variant="default"
                loading={download.isPending && download.variables === 'settings'}
                onClick={() => {
                  download.mutate('settings');
                }}
              >
                {w('ipsecClient.downloadSettings')}
              </Button>
            </Group>
          ) : (
            <Text size="sm">{w('ipsecClient.viewerNote')}</Text>
          )}
          {download.isError ? (
            <Text size="sm" c="red" role="alert">
              {w('ipsecClient.downloadFailed')}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
