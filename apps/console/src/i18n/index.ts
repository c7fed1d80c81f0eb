import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { localeFormat } from '../format/locale-format';

export type Language = 'zh' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('language') : null;

// Simplified Chinese by default; the switch in the header remembers the choice.
void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'zh',
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});

// Money travels in fen to the texts ({{available, yuan}}) and is shown as yuan in the language's format.
i18next.services.formatter?.add('yuan', (fen: number, language?: string) =>
  localeFormat(localeOf(language ?? 'zh')).yuan(fen),
);

export function setLanguage(language: Language): void {
  localStorage.setItem('language', language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** Number formats follow the language: 1,234.50 in both, but dates and grouping come from the locale. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-US' : 'zh-CN';
}

export { i18next };
