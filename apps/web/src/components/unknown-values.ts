// Which form fields hold a cloud value the console does not know (see lib/read-back.ts): a field
// shows that value as its placeholder, so the operator sees what an empty field keeps.
import { createContext, useContext } from 'react';
import { useI18n } from '../lib/i18n';
import type { UnknownCloudValue } from '../lib/read-back';

const UnknownValuesContext = createContext<readonly UnknownCloudValue[]>([]);

export const UnknownValuesProvider = UnknownValuesContext.Provider;

/** The placeholder of a form field whose cloud value the console does not know, if it is one. */
export const useUnknownValuePlaceholder = (name: string): string | undefined => {
  const { t } = useI18n();
  const found = useContext(UnknownValuesContext).find((u) => u.path === name);
  return found === undefined ? undefined : t('cloudValue.keep', { value: found.value });
};
