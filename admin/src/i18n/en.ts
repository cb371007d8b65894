import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { appEn } from './app.en';
import { enumsEn } from './enums.en';
import { resourcesEn } from './resources.en';

export const en: TranslationMessages = {
  ...englishMessages,
  resources: resourcesEn,
  enums: enumsEn,
  app: appEn,
};
