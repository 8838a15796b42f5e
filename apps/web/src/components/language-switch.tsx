import { useI18n } from '../lib/i18n';
import { CompactSelect } from './compact-select';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <CompactSelect
      label={t('shell.language')}
      value={language}
      onChange={(value) => {
        setLanguage(value === 'zh-CN' ? 'zh-CN' : 'en');
      }}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
