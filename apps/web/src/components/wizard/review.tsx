// The review step's content: the configuration in plain words, then every value (create) or the
// field-by-field diff (edit), secrets only as changed / unchanged.
import { Alert, Code, Table, Text, Title } from '@mantine/core';
import { useI18n, type I18n } from '../../lib/i18n';
import { changesNothing, flatten, type FieldChange } from './diff';

/** The label of a dotted form path ('ikeConfig.ikeEncAlg' → 'Encryption'). */
export const fieldLabel = (i18n: Pick<I18n, 't' | 'has'>, path: string): string => {
  const clean = path.replace(/\.\d+(?=\.|$)/g, '');
  const full = `field.${clean}`;
  if (i18n.has(full)) return i18n.t(full);
  const leaf = `field.${clean.split('.').pop() ?? clean}`;
  return i18n.has(leaf) ? i18n.t(leaf) : path;
};

/** 'Phase 1 · ' before a phase-1 field's label (the same labels stand in both phases). */
export const phaseOf = (t: I18n['t'], path: string): string =>
  path.startsWith('ikeConfig.')
    ? `${t('step.phase1')} · `
    : path.startsWith('ipsecConfig.')
      ? `${t('step.phase2')} · `
      : '';

const worded = (t: I18n['t'], value: string): string =>
  value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;

/** Every value of a create (secrets only as entered / not entered). */
export function ValuesTable({
  values,
  secretPaths,
  hidden = [],
  label,
  secretNotSet,
}: {
  values: unknown;
  secretPaths: readonly string[];
  hidden?: readonly string[];
  label?: string;
  /** What a secret left empty means (on an SM gateway, certificates authenticate). */
  secretNotSet?: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const flat = flatten(values);
  return (
    <Table {...(label === undefined ? {} : { 'aria-label': label })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('wizard.field')}</Table.Th>
          <Table.Th>{t('wizard.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Object.entries(flat)
          .filter(([path]) => !hidden.includes(path) && !secretPaths.includes(path))
          .map(([path, value]) => (
            <Table.Tr key={path}>
              <Table.Td>
                {phaseOf(t, path)}
                {fieldLabel(i18n, path)}
              </Table.Td>
              <Table.Td>
                <Code>{worded(t, value)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        {secretPaths.map((path) => (
          <Table.Tr key={path}>
            <Table.Td>
              {phaseOf(t, path)}
              {fieldLabel(i18n, path)}
            </Table.Td>
            <Table.Td>
              {flat[path] === undefined
                ? (secretNotSet ?? t('diff.secretNotSet'))
                : t('diff.secretSet')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The field-by-field diff of an edit (secrets only as changed / unchanged). */
export function DiffTable({ changes, label }: { changes: readonly FieldChange[]; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('wizard.field')}</Table.Th>
          <Table.Th>{t('wizard.before')}</Table.Th>
          <Table.Th>{t('wizard.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.path}>
            <Table.Td>
              {phaseOf(t, c.path)}
              {fieldLabel(i18n, c.path)}
            </Table.Td>
            {c.secret ? (
              <Table.Td colSpan={2}>
                {c.changed ? t('diff.secretChanged') : t('diff.secretUnchanged')}
              </Table.Td>
            ) : (
              <>
                <Table.Td>
                  <del>{c.before === undefined ? t('common.notSet') : worded(t, c.before)}</del>
                </Table.Td>
                <Table.Td>
                  <ins>{worded(t, c.after)}</ins>
                </Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function Review({
  summary,
  values,
  changes,
  secretPaths,
  hidden = [],
  secretNotSet,
}: {
  summary: string;
  /** The full value (create). */
  values?: unknown;
  /** The diff (edit). */
  changes?: readonly FieldChange[];
  secretPaths: readonly string[];
  /** Paths not worth showing (ids already in the summary). */
  hidden?: readonly string[];
  secretNotSet?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <Title order={2} size="h4">
        {t('wizard.summary')}
      </Title>
      <Text>{summary}</Text>
      {changes === undefined ? (
        <ValuesTable
          values={values}
          secretPaths={secretPaths}
          hidden={hidden}
          secretNotSet={secretNotSet}
        />
      ) : (
        <>
          <Title order={2} size="h4">
            {t('wizard.diff')}
          </Title>
          {/* Nothing changes: no table of untouched keys under it (issue 17). */}
          {changesNothing(changes) ? (
            <Alert color="gray">{t('wizard.noChanges')}</Alert>
          ) : (
            <DiffTable changes={changes} label={t('wizard.diff')} />
          )}
        </>
      )}
    </>
  );
}
