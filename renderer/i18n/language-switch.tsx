import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, switchLanguage } from './desk-i18n';

const labelKeys = { 'zh-CN': 'language.zh', en: 'language.en' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === active}
          onClick={() => void switchLanguage(i18n, language)}
        >
          {t(labelKeys[language])}
        </button>
      ))}
    </div>
  );
}
