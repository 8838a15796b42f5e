// "Configure your device": the connection's peer configuration for a chosen device (issue 13).
// Operators and admins only (the BFF refuses viewers); the file shows the key masked until it is
// revealed (a confirmation, then an audited request), and can be copied or downloaded.
import { Button, Code, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import {
  PEER_DEVICE_INFO,
  PEER_DEVICES,
  peerDeviceSchema,
  type PeerDevice,
} from '@vpn-console/shared/peer-config/devices';
import { lazy, Suspense, useState } from 'react';
import { ApiRequestError } from '../../../lib/api-client';
import { useWords } from '../../../lib/i18n';
import { peerDeviceWords } from '../messages';
import { useGetPeerConfig } from '../api/get-peer-config';

const PskRevealDialog = lazy(() =>
  import('../../../components/psk-reveal-dialog').then((m) => ({ default: m.PskRevealDialog })),
);
const ErrorExplanation = lazy(() =>
  import('../../../components/error-explanation').then((m) => ({
    default: m.ErrorExplanation,
  })),
);

function download(fileName: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function ConfigureDevice({
  regionId,
  vpnConnectionId,
  connectionName,
  tunnelIds,
}: {
  regionId: string;
  vpnConnectionId: string;
  connectionName: string;
  /** A dual-tunnel connection's tunnels (one file for all, or one per tunnel). */
  tunnelIds: readonly string[];
}) {
  const { t, w } = useWords(peerDeviceWords);
  const [device, setDevice] = useState<PeerDevice>('strongswan');
  const [tunnelId, setTunnelId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const file = useGetPeerConfig();
  const request = (revealPsk: boolean) => {
    setCopied(false);
    file.mutate({
      regionId,
      vpnConnectionId,
      device,
      revealPsk,
      ...(tunnelId === '' ? {} : { tunnelId }),
    });
  };
  const shown = file.data;
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t('peer.title')}
      </Title>
      <Group align="flex-end">
        <NativeSelect
          label={w('peer.device')}
          value={device}
          data={PEER_DEVICES.map((d) => ({ value: d, label: PEER_DEVICE_INFO[d].label }))}
          onChange={(event) => {
            const parsed = peerDeviceSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setDevice(parsed.data);
            file.reset();
          }}
        />
        {tunnelIds.length > 0 ? (
          <NativeSelect
            label={w('peer.tunnel')}
            value={tunnelId}
            data={[
              { value: '', label: w('peer.allTunnels') },
              ...tunnelIds.map((id) => ({ value: id, label: id })),
            ]}
            onChange={(event) => {
              setTunnelId(event.currentTarget.value);
              file.reset();
            }}
          />
        ) : null}
        <Button
          variant="light"
          loading={file.isPending}
          onClick={() => {
            request(false);
          }}
        >
          {w('peer.show')}
        </Button>
      </Group>
      {file.error instanceof ApiRequestError ? (
        <Suspense fallback={null}>
          <ErrorExplanation error={file.error.error} />
        </Suspense>
      ) : null}
      {shown === undefined ? null : (
        <>
          <Code block aria-label={w('peer.file')}>
            {shown.content}
          </Code>
          <Group gap="xs">
            {shown.pskRevealed ? (
              <Text size="xs" c="orange">
                {w('peer.keyShown')}
              </Text>
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                color="orange"
                onClick={() => {
                  setConfirming(true);
                }}
              >
                {w('peer.revealKey')}
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => {
                void navigator.clipboard.writeText(shown.content).then(() => {
                  setCopied(true);
                });
              }}
            >
              {copied ? w('peer.copied') : w('peer.copy')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => {
                download(shown.fileName, shown.mediaType, shown.content);
              }}
            >
              {w('peer.download')}
            </Button>
          </Group>
          {shown.pskRevealed ? null : (
            <Text size="xs" c="dimmed">
              {w('peer.maskedNote')}
            </Text>
          )}
        </>
      )}
      <Text size="sm" fw={500}>
        {w('peer.checklist')}
      </Text>
      <List size="sm">
        <List.Item>{w('peer.check.publicIp')}</List.Item>
        <List.Item>{w('peer.check.ports')}</List.Item>
        <List.Item>{w('peer.check.routes')}</List.Item>
      </List>
      {confirming ? (
        <Suspense fallback={null}>
          <PskRevealDialog
            opened={confirming}
            onClose={() => {
              setConfirming(false);
            }}
            pending={file.isPending}
            resourceName={connectionName}
            onConfirm={() => {
              setConfirming(false);
              request(true);
            }}
          />
        </Suspense>
      ) : null}
    </Stack>
  );
}
