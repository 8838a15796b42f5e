// The wizard frame shared by the three wizards: steps validated with the shared step schemas as
// you type, a review with the plain-words summary, the field diff (edits) and the cloud's DryRun
// verdict, one Idempotency-Key for the whole wizard, and the operation followed live.
import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import type { DryRunVerdict, Operation } from '@vpn-console/shared/api/operations';
import type { ApiError, ApiIssue } from '@vpn-console/shared/api/errors';
import { isRetryableCloudError } from '@vpn-console/shared/errors/cloud-errors';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SyntheticEvent, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { FormProvider } from 'react-hook-form';
import { ApiRequestError, newIdempotencyKey } from '../../lib/api-client';
import { wizardWords } from './messages';
import { useWords } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import { liveKeys } from '../../lib/live-status';
import { useOperation } from '../../lib/operations';
import { useSessionExpired } from '../../lib/session';
import { issueText, type FormIssue } from '../../lib/issue-text';
import type { UnknownCloudValue } from '../../lib/read-back';
import { ErrorExplanation } from '../error-explanation';
import { applyServerIssues } from '../form';
import { OperationProgress } from '../operation-progress';
import { UnknownValuesProvider } from '../unknown-values';
import { UnknownValuesNotice } from './cloud-values';

export interface WizardStepDef {
  id: string;
  label: string;
  /** Top-level form fields this step owns (server issues are sent back to their step). */
  fields: readonly string[];
  content: ReactNode;
}

export type Prepared = { ok: true } | { ok: false; issues: FormIssue[] };

export interface WizardProps<TIn extends FieldValues> {
  title: string;
  form: UseFormReturn<TIn>;
  steps: readonly WizardStepDef[];
  stepIndex: number;
  onStepChange: (index: number) => void;
  /** Summary and diff shown on the review step. */
  review: ReactNode;
  /** The configuration in plain words as it is now (beside the steps on a wide screen). */
  summary: string;
  /** Validates the whole value with the full request schema before the review. */
  prepare: () => Prepared;
  /** The cloud's verdict, or why there is none (a message key, worded in the current language). */
  dryRun: () => Promise<DryRunVerdict | { skipped: MessageKey }>;
  submit: (idempotencyKey: string) => Promise<Operation>;
  submitLabel: string;
  onSucceeded: () => void;
  onCancel: () => void;
  /** Cloud values the edit form could not read back (shown and asked about, never defaulted). */
  unknownValues?: readonly UnknownCloudValue[];
  /** Shown once the submitted change failed (e.g. what a failed create left behind). */
  afterFailure?: ReactNode;
  /** An edit whose values are all as they are now: Apply stays disabled and says why. */
  nothingToApply?: boolean;
}

const NONE: readonly UnknownCloudValue[] = [];

/**
 * From this width (Mantine's lg, 1200 px) the wizard has two columns (issue 17: at 1920 px half
 * of the screen stayed empty): the form on the left, and on the right, kept in view, the summary
 * as you type, then on the review the cloud's dry-run verdict and the operation. Below it (1024
 * px) one column, as before.
 */
const WIDE = '(min-width: 75em)';

/** The error to explain; an ended session (401) is not one: the sign-in dialog handles it. */
const apiErrorOf = (error: unknown): ApiError | undefined =>
  error instanceof ApiRequestError && error.status !== 401 ? error.error : undefined;

const isSessionEnded = (error: unknown): boolean =>
  error instanceof ApiRequestError && error.status === 401;

export function Wizard<TIn extends FieldValues>(props: WizardProps<TIn>) {
  const { t, w: tw, catalogLocale } = useWords(wizardWords);
  const { form, steps, stepIndex, onStepChange, unknownValues = NONE, nothingToApply } = props;
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [prepareIssues, setPrepareIssues] = useState<FormIssue[]>([]);
  const [unmatched, setUnmatched] = useState<ApiIssue[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onReview = stepIndex === steps.length;
  const allFields = steps.flatMap((s) => s.fields);

  const stepOfField = (path: string): number => {
    const top = path.split('.')[0] ?? '';
    const index = steps.findIndex((s) => s.fields.includes(top));
    return index === -1 ? 0 : index;
  };

  const showServerIssues = (error: unknown) => {
    applyIssues(apiErrorOf(error)?.issues ?? []);
  };
  /** Issues the BFF or the cloud put on fields: highlighted there, the first one's step opened. */
  const applyIssues = (issues: readonly ApiIssue[]) => {
    if (issues.length === 0) return;
    const rest = applyServerIssues(form, issues, allFields);
    setUnmatched(rest);
    const first = issues.find((i) => !rest.includes(i));
    if (first !== undefined) onStepChange(stepOfField(first.path));
  };

  const dryRun = useMutation({ mutationFn: props.dryRun, onError: showServerIssues });
  const submit = useMutation({
    mutationFn: props.submit,
    onError: (error) => {
      if (apiErrorOf(error) !== undefined) setFailedBefore(true);
      showServerIssues(error);
    },
  });

  useEffect(() => {
    headingRef.current?.focus();
  }, [stepIndex]);

  const runDryRun = dryRun.mutate;
  useEffect(() => {
    if (onReview) runDryRun();
  }, [onReview, runDryRun]);

  // Signed in again after the session ended: a dry run it refused runs again. (A refused submit
  // waits for the user to press it again, with the same Idempotency-Key.)
  const expired = useSessionExpired();
  const wasExpired = useRef(expired);
  const dryRunError = dryRun.error;
  useEffect(() => {
    const resumed = wasExpired.current && !expired;
    wasExpired.current = expired;
    if (resumed && onReview && isSessionEnded(dryRunError)) runDryRun();
  }, [expired, onReview, dryRunError, runDryRun]);

  const next = async () => {
    setUnmatched([]);
    if (!(await form.trigger())) return;
    if (stepIndex === steps.length - 1) {
      const prepared = props.prepare();
      if (!prepared.ok) {
        setPrepareIssues(prepared.issues);
        const first = prepared.issues[0];
        if (first !== undefined) onStepChange(stepOfField(first.path));
        return;
      }
      setPrepareIssues([]);
    }
    onStepChange(stepIndex + 1);
  };

  const { onSucceeded } = props;
  const client = useQueryClient();
  const onDone = (ok: boolean) => {
    if (ok) {
      onSucceeded();
      return;
    }
    setFailedBefore(true);
    // A refusal that named a parameter (issue 17): the wizard is editable again (a corrected
    // retry is a new intent, with a new key) and that field is highlighted on its step.
    const id = submit.data?.id;
    const failed =
      id === undefined ? undefined : client.getQueryData<Operation>(liveKeys.operation(id));
    const issues = failed?.error?.issues ?? [];
    if (issues.length === 0) return;
    setIdempotencyKey(newIdempotencyKey());
    submit.reset();
    applyIssues(issues);
  };

  const operation = submit.data;
  // A changed wizard is not left without asking (issue 17): closing or reloading the tab asks the
  // browser's question, Cancel asks ours. Once submitted, the operation carries the change.
  const changed = form.formState.isDirty && operation === undefined;
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (!changed) return undefined;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => {
      window.removeEventListener('beforeunload', ask);
    };
  }, [changed]);
  // The operation as it is now (events and polls update the same cache entry).
  const liveOperation = useOperation(operation?.id).data ?? operation;
  // A failed operation whose refusal named a parameter (issue 17): the wizard is editable again
  // (a corrected retry is a new intent, with a new key) and that field is highlighted on its step.
  const [failedBefore, setFailedBefore] = useState(false);
  const verdict = dryRun.data;
  // A refusal that waiting cannot cure (not a busy gateway, not throttling) leaves nothing to
  // submit: the real request would be refused the same way (issue 17: Create stayed enabled).
  const refusal =
    verdict !== undefined && 'ok' in verdict && !verdict.ok
      ? verdict.error
      : apiErrorOf(dryRun.error);
  const refused =
    refusal !== undefined &&
    refusal.retryable !== true &&
    !isRetryableCloudError(refusal.code) &&
    (refusal.httpStatus === 0 || refusal.httpStatus < 500);

  const wide = useMediaQuery(WIDE);
  // The cloud's verdict on the review, and the operation once submitted.
  const checks = (
    <>
      <Title order={2} size="h4">
        {t('wizard.dryRun')}
      </Title>
      {dryRun.isPending ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('wizard.dryRunRunning')}</Text>
        </Group>
      ) : null}
      {verdict !== undefined && 'skipped' in verdict ? (
        <Text size="sm">{t(verdict.skipped)}</Text>
      ) : null}
      {verdict !== undefined && 'ok' in verdict && verdict.ok ? (
        <Alert color="green" role="status">
          {t('wizard.dryRunOk')}
        </Alert>
      ) : null}
      {verdict !== undefined && 'ok' in verdict && !verdict.ok && verdict.error !== undefined ? (
        <ErrorExplanation error={verdict.error} title={t('wizard.dryRunRefused')} />
      ) : null}
      {apiErrorOf(dryRun.error) === undefined ? null : (
        <ErrorExplanation
          error={apiErrorOf(dryRun.error) ?? { code: 'UnknownError', httpStatus: 0 }}
          title={t('wizard.dryRunRefused')}
        />
      )}
      {operation === undefined ? null : (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('wizard.following')}
          </Title>
          <OperationProgress operationId={operation.id} onDone={onDone} />
        </Stack>
      )}
      {apiErrorOf(submit.error) === undefined ? null : (
        <ErrorExplanation
          error={apiErrorOf(submit.error) ?? { code: 'UnknownError', httpStatus: 0 }}
        />
      )}
      {failedBefore && !submit.isPending && liveOperation?.state !== 'succeeded'
        ? props.afterFailure
        : null}
    </>
  );

  // The whole wizard is one form (the verdict beside the review belongs to it, as below it).
  const formProps = {
    noValidate: true,
    'aria-label': onReview ? tw('step.review') : (steps[stepIndex]?.label ?? ''),
    onSubmit: (e: SyntheticEvent) => {
      e.preventDefault();
      if (!onReview) void next();
    },
  };
  const formBody = (
    <>
      {onReview ? (
        <Stack>
          {props.review}
          {wide ? null : checks}
        </Stack>
      ) : (
        <Stack>{steps[stepIndex]?.content}</Stack>
      )}
      {prepareIssues.length > 0 || unmatched.length > 0 ? (
        <Alert color="red" mt="md" role="alert" title={t('form.fixErrors')}>
          <ul>
            {[...prepareIssues, ...unmatched].map((i) => (
              <li key={`${i.path}:${i.code}`}>
                {i.path === '' ? '' : `${i.path}: `}
                {issueText({ code: i.code, params: scalarParams(i.params) }, catalogLocale)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Group justify="space-between" mt="lg">
        <Button
          variant="default"
          onClick={() => {
            if (changed) setLeaving(true);
            else props.onCancel();
          }}
        >
          {t('common.cancel')}
        </Button>
        <Group>
          {stepIndex > 0 && operation === undefined ? (
            <Button
              variant="default"
              onClick={() => {
                onStepChange(stepIndex - 1);
              }}
            >
              {t('common.back')}
            </Button>
          ) : null}
          {onReview ? (
            liveOperation?.state === 'failed' ? (
              <Button
                onClick={() => {
                  // A corrected retry is a new intent: it gets a new key.
                  setIdempotencyKey(newIdempotencyKey());
                  submit.reset();
                  onStepChange(0);
                }}
              >
                {t('wizard.editAgain')}
              </Button>
            ) : (
              <Group gap="xs">
                {refused && operation === undefined ? (
                  <Text size="sm" id="wizard-refused-reason">
                    {t('wizard.refusedFixFirst')}
                  </Text>
                ) : null}
                {nothingToApply && operation === undefined ? (
                  <Text size="sm" id="wizard-nothing-to-apply">
                    {tw('wizard.nothingToApply')}
                  </Text>
                ) : null}
                <Button
                  loading={submit.isPending}
                  disabled={operation !== undefined || refused || nothingToApply}
                  aria-describedby={
                    refused
                      ? 'wizard-refused-reason'
                      : nothingToApply
                        ? 'wizard-nothing-to-apply'
                        : undefined
                  }
                  onClick={() => {
                    submit.mutate(idempotencyKey);
                  }}
                >
                  {props.submitLabel}
                </Button>
              </Group>
            )
          ) : (
            <Button type="submit">{t('common.next')}</Button>
          )}
        </Group>
      </Group>
    </>
  );

  return (
    <FormProvider {...form}>
      <UnknownValuesProvider value={unknownValues}>
        <Stack maw={wide ? 1680 : 900}>
          <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
            {props.title}
          </Title>
          <Stepper
            active={stepIndex}
            size="sm"
            allowNextStepsSelect={false}
            onStepClick={(i) => {
              if (i < stepIndex && operation === undefined) onStepChange(i);
            }}
          >
            {steps.map((s) => (
              <Stepper.Step key={s.id} label={s.label} />
            ))}
            <Stepper.Step label={tw('step.review')} />
          </Stepper>
          <Text size="sm" c="dimmed">
            {t('wizard.stepOf', { step: stepIndex + 1, total: steps.length + 1 })}
          </Text>
          <UnknownValuesNotice unknown={unknownValues} />
          {wide ? (
            <form {...formProps}>
              <Grid gap="lg">
                <Grid.Col span={7}>
                  <Paper withBorder p="md">
                    {formBody}
                  </Paper>
                </Grid.Col>
                <Grid.Col span={5}>
                  <Box
                    component="section"
                    aria-label={onReview ? t('wizard.dryRun') : tw('wizard.summarySoFar')}
                    style={{ position: 'sticky', top: 'var(--mantine-spacing-md)' }}
                  >
                    <Paper withBorder p="md">
                      <Stack>
                        {onReview ? (
                          checks
                        ) : (
                          <>
                            <Title order={2} size="h4">
                              {tw('wizard.summarySoFar')}
                            </Title>
                            <Text>{props.summary}</Text>
                          </>
                        )}
                      </Stack>
                    </Paper>
                  </Box>
                </Grid.Col>
              </Grid>
            </form>
          ) : (
            <Paper withBorder p="md">
              <form {...formProps}>{formBody}</form>
            </Paper>
          )}
        </Stack>
        <Modal
          opened={leaving}
          onClose={() => {
            setLeaving(false);
          }}
          title={t('wizard.leaveTitle')}
        >
          <Text size="sm">{t('wizard.leaveBody')}</Text>
          <Group justify="flex-end" mt="md">
            <Button
              variant="default"
              onClick={() => {
                setLeaving(false);
              }}
            >
              {t('wizard.leaveStay')}
            </Button>
            <Button color="red" onClick={props.onCancel}>
              {t('wizard.leaveDiscard')}
            </Button>
          </Group>
        </Modal>
      </UnknownValuesProvider>
    </FormProvider>
  );
}

const scalarParams = (
  params: Record<string, unknown> | undefined,
): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
};
