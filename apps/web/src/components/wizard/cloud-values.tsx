// Values the cloud holds that this console does not know (read back field by field, see
// lib/read-back.ts): the edit wizard names them at the top (this notice), and each such field
// shows the cloud's value as its placeholder (../unknown-values.ts), so the operator decides:
// leave it empty to keep it, or choose.
import { Alert, List, Text } from '@mantine/core';
import { useWords } from '../../lib/i18n';
import type { UnknownCloudValue } from '../../lib/read-back';
import { wizardWords } from './messages';
import { fieldLabel, phaseOf } from './review';

export function UnknownValuesNotice({ unknown }: { unknown: readonly UnknownCloudValue[] }) {
  const i18n = useWords(wizardWords);
  const { t, w } = i18n;
  if (unknown.length === 0) return null;
  return (
    <Alert color="yellow" title={w('cloudValue.title')}>
      <Text size="sm">{w('cloudValue.explain')}</Text>
      <List size="sm">
        {unknown.map((u) => (
          <List.Item key={u.path}>
            {phaseOf(t, u.path)}
            {t('common.labelled', { label: fieldLabel(i18n, u.path) })}
            <code>{u.value}</code>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
