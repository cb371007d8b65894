import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../admin/src/i18n/en';
import { zhCN } from '../../admin/src/i18n/zh-CN';
import { FUNNEL_STEPS, MONEY_KEYS } from '../../admin/src/performance/performanceTables';
import { pilesFor } from '../../admin/src/dashboard/piles';
import { ROLES } from '../../db/schema/common';

type Messages = { [key: string]: string | Messages };
const has = (tree: Messages, key: string) =>
  typeof key.split('.').reduce<unknown>((n, k) => (n as Messages | undefined)?.[k], tree) === 'string';

const SRC = path.resolve('admin/src');
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? files(path.join(dir, e.name))
        : /\.tsx?$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
const sources = files(SRC)
  .filter((f) => !f.includes(`${path.sep}i18n${path.sep}`))
  .map((f) => [f, fs.readFileSync(f, 'utf8')] as const);

/** Every literal message key in the panel's code: 'app.review.done', "resources.workers.fields.flags"… */
function literalKeys(): { file: string; key: string }[] {
  const out: { file: string; key: string }[] = [];
  for (const [file, text] of sources) {
    for (const m of text.matchAll(/['"`]((?:app|resources|enums|ra)\.[A-Za-z0-9_.-]+)['"`]/g)) {
      if (!m[1].endsWith('.')) out.push({ file: path.relative(SRC, file), key: m[1] });
    }
  }
  return out;
}

describe('every message the panel shows exists in both languages', () => {
  it('has each literal key used in admin/src', () => {
    const missing = literalKeys().filter(
      ({ key }) => !has(zhCN as Messages, key) || !has(en as Messages, key),
    );
    expect(missing).toEqual([]);
  });

  it('has the keys built at run time: piles, funnel steps, money items, decisions and actions', () => {
    const built = [
      ...ROLES.flatMap((role) =>
        [1, 2, 3, null].flatMap((orgLevel) => pilesFor({ role, orgLevel, organizationId: 1 }, new Date())),
      ).flatMap((p) => [`app.dashboard.piles.${p.key}`, `app.dashboard.hints.${p.key}`]),
      ...FUNNEL_STEPS.map((s) => `app.performance.funnel.${s}`),
      ...MONEY_KEYS.map((k) => `app.performance.money.${k}`),
      ...['frontline', 'migrant', 'hardship', 'keyIndustry'].map((k) => `app.performance.priority.${k}`),
      ...['approve', 'return', 'reject'].flatMap((d) => [`app.review.${d}`, `app.review.${d}_title`]),
      ...['transfer', 'receive'].flatMap((k) => [
        `app.allocations.${k}`,
        `app.allocations.${k}_title`,
        `app.allocations.${k}_confirm`,
      ]),
      ...['pay', 'fail', 'reissue'].flatMap((k) =>
        ['', '_title', '_confirm', '_done'].map((s) => `app.payments.${k}${s}`),
      ),
      ...['reference', 'reason', 'note'].map((f) => `app.payments.${f}`),
      ...['idNumber', 'bankCard', 'benefitCard'].map((f) => `resources.workers.fields.${f}`),
    ];
    expect([...new Set(built)].filter((k) => !has(zhCN as Messages, k) || !has(en as Messages, k))).toEqual(
      [],
    );
  });

  it('labels every column of a resource’s list and every input of its forms (react-admin would show the raw field name)', () => {
    const missing: string[] = [];
    for (const [file, text] of sources) {
      const [resource, name] = path.relative(SRC, file).split(path.sep);
      if (
        !/(List|Inputs|Create|Edit)\.tsx$/.test(name ?? '') ||
        !has(zhCN as Messages, `resources.${resource}.name`)
      )
        continue;
      for (const m of text.matchAll(
        /<(?:DataTable\.(?:Col|NumberCol)|[A-Z][A-Za-z]*Input)\b[^>]*?\bsource="([A-Za-z0-9_]+)"/g,
      )) {
        const key = `resources.${resource}.fields.${m[1]}`;
        if (!has(zhCN as Messages, key) || !has(en as Messages, key))
          missing.push(`${path.relative(SRC, file)}: ${key}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
