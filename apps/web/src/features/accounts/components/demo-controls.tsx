// Demo mode (issue 17): an admin resets the demo data or starts a named failure scenario from the
// console, without a terminal. Shown to admins only, and only when the BFF runs in demo mode.
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import {
  demoActionResultSchema,
  demoPaths,
  demoScenarios,
  type DemoScenario,
} from '@vpn-console/shared/api/demo';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorExplanation } from '../../../components/error-explanation';
import { apiRequest, ApiRequestError } from '../../../lib/api-client';
import { useWords } from '../../../lib/i18n';
import { accountsWords } from '../messages';

type DemoAction = 'reset' | DemoScenario;

const runDemoAction = (action: DemoAction) =>
  apiRequest(
    demoActionResultSchema,
    action === 'reset' ? demoPaths.reset() : demoPaths.scenario(action),
    { method: 'POST' },
  );

export function DemoControls() {
  const { t, w } = useWords(accountsWords);
  const client = useQueryClient();
  const [asking, setAsking] = useState<DemoAction | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: runDemoAction,
    // Everything the console shows may have changed.
    onSuccess: () => client.invalidateQueries(),
  });
  const done = mutation.data;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {w('demo.controls.title')}
      </Title>
      <Text size="sm" mb="sm">
        {w('demo.controls.intro')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button
          color="red"
          variant="light"
          onClick={() => {
            mutation.reset();
            setAsking('reset');
          }}
        >
          {w('demo.controls.reset')}
        </Button>
        {demoScenarios.map((s) => (
          <Button
            key={s}
            variant="default"
            onClick={() => {
              mutation.reset();
              setAsking(s);
            }}
          >
            {w(`demo.scenario.${s}`)}
          </Button>
        ))}
      </Group>
      {done === undefined ? null : (
        <Alert color="green" role="status" mt="sm">
          {done.done === 'reset'
            ? w('demo.controls.resetDone')
            : w('demo.controls.started', { scenario: w(`demo.scenario.${done.done}`) })}
        </Alert>
      )}
      {asking === undefined ? null : (
        <Modal
          opened
          onClose={() => {
            setAsking(undefined);
          }}
          closeButtonProps={{ 'aria-label': t('common.close') }}
          title={asking === 'reset' ? w('demo.controls.reset') : w(`demo.scenario.${asking}`)}
        >
          <Stack>
            <Text size="sm">
              {asking === 'reset'
                ? w('demo.controls.resetWarning')
                : w(`demo.scenarioHelp.${asking}`)}
            </Text>
            {mutation.error instanceof ApiRequestError ? (
              <ErrorExplanation error={mutation.error.error} />
            ) : null}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setAsking(undefined);
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button
                color={asking === 'reset' ? 'red' : 'blue'}
                loading={mutation.isPending}
                onClick={() => {
                  mutation.mutate(asking, {
                    onSuccess: () => {
                      setAsking(undefined);
                    },
                  });
                }}
              >
                {asking === 'reset' ? w('demo.controls.resetConfirm') : w('demo.controls.start')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
