import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, ROLES } from '../../db/schema/common';
import { RESOURCES } from '../../server/domain/permissions';
import { en } from '../../admin/src/i18n/en';
import { zhCN } from '../../admin/src/i18n/zh-CN';

type Messages = { [key: string]: string | Messages };

/** Every leaf path of a message tree: 'ra.action.save', 'resources.workers.fields.name'… */
function leafKeys(tree: Messages, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

const get = (tree: Messages, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Messages | undefined)?.[key], tree);

const zhKeys = new Set(leafKeys(zhCN as Messages));
const missingFrom = (source: Messages) => leafKeys(source).filter((k) => !zhKeys.has(k));

describe('zh-CN messages', () => {
  it('have every key of ra-language-english', () => {
    expect(missingFrom(englishMessages as Messages)).toEqual([]);
  });

  it('have every key of the English messages, and English has every zh-CN key', () => {
    expect(missingFrom(en as Messages)).toEqual([]);
    const enKeys = new Set(leafKeys(en as Messages));
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('are non-empty Chinese text wherever English has words', () => {
    const untranslated = leafKeys(zhCN as Messages).filter((k) => {
      const zh = get(zhCN as Messages, k) as string;
      const english = get(en as Messages, k) as string;
      const words = english.replace(/%\{\w+\}/g, '');
      return (
        zh !== ' ' &&
        (zh.trim() === '' || (zh === english && /[a-z]{3}/.test(words) && !k.startsWith('app.locale')))
      );
    });
    expect(untranslated).toEqual([]);
  });

  it('keep the placeholders of the English messages', () => {
    const placeholders = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    const lost = leafKeys(englishMessages as Messages).filter((k) => {
      const needed = new Set(placeholders(get(englishMessages as Messages, k) as string));
      needed.delete('smart_count'); // Chinese has no plural forms; a count may go unsaid
      // One Chinese form serves every count (polyglot's Chinese plural rule), and a bulk action
      // has no single record to name: the count stands in for it.
      if (k.includes('.bulk_')) needed.delete('recordRepresentation');
      const have = new Set(placeholders(get(zhCN as Messages, k) as string));
      return [...needed].some((p) => !have.has(p));
    });
    expect(lost).toEqual([]);
  });

  it('name every API resource and label every application status and role', () => {
    for (const resource of RESOURCES)
      expect(get(zhCN as Messages, `resources.${resource}.name`)).toBeTypeOf('string');
    for (const status of APPLICATION_STATUSES)
      expect(get(zhCN as Messages, `enums.applicationStatus.${status}`)).toBeTypeOf('string');
    for (const role of ROLES) expect(get(zhCN as Messages, `enums.role.${role}`)).toBeTypeOf('string');
  });

  it('use the notice’s words for the application statuses', () => {
    const status = (s: string) => get(zhCN as Messages, `enums.applicationStatus.${s}`);
    expect(status('unit_approved')).toBe('基层已推荐');
    expect(status('org_approved')).toBe('区县已审查');
    expect(status('process_paid')).toBe('已发过程资助');
  });
});
