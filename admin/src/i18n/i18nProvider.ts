import polyglotI18nProvider from 'ra-i18n-polyglot';
import { zhCN } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

/** Chinese is bundled; English is fetched only when someone picks it in the locale menu. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('./en').then((m) => m.en) : zhCN),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
);
