import { NativeSelect } from '@mantine/core';
import { useI18n } from '../lib/i18n';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('shell.language')}
      value={language}
      onChange={(e) => {
        setLanguage(e.currentTarget.value === 'zh-CN' ? 'zh-CN' : 'en');
      }}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
