import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const LANGUAGE_KEY = 'desk.language';

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Keeps <html lang> and the window title in step with the interface language. */
function reflectLanguage(i18n: I18n): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = i18n.language;
  document.title = i18n.t('app.name');
}

/** A fresh, synchronously ready i18next instance (each test gets its own). */
export function createDeskI18n(language: Language = storedLanguage()): I18n {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: [...languages],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectLanguage(i18n);
  i18n.on('languageChanged', () => reflectLanguage(i18n));
  return i18n;
}

export async function switchLanguage(i18n: I18n, language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the switch still applies to this window.
  }
  await i18n.changeLanguage(language);
}

export function currentLanguage(i18n: I18n): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}
