import type { TranslationMessages } from 'react-admin';
import { appZhCN } from './app.zh-CN';
import { enumsZhCN } from './enums.zh-CN';
import { raZhCN } from './ra-zh-CN';
import { resourcesZhCN } from './resources.zh-CN';

/** The panel's default language: every key of en.ts, and of ra-language-english. */
export const zhCN: TranslationMessages = {
  ...raZhCN,
  resources: resourcesZhCN,
  enums: enumsZhCN,
  app: appZhCN,
};
