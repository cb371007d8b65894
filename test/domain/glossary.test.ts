import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  PAYMENT_STATUSES,
  STUDY_MODES,
} from '../../db/schema/common';
import { en as panelEn } from '../../admin/src/i18n/en';
import { en as portalEn } from '../../admin/portal/i18n/en';
import { zhCN as portalZh } from '../../admin/portal/i18n/zh-CN';
import { zhCN as panelZh } from '../../admin/src/i18n/zh-CN';
import { fileSize, GLOSSARY, panelMoney, portalMoney, roundCode, term } from '../../server/domain/glossary';
import { actorText, eventText, nextText, type TimelineEntry } from '../../server/domain/timeline-words';

const HAN = /\p{Script=Han}/u;
const RULE = /\bR\d|§/;
type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, p = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [[p + k, v] as [string, string]] : leaves(v, `${p}${k}.`),
  );

describe('the glossary', () => {
  it('names every code of the schema in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const g = GLOSSARY[lang];
      expect(Object.keys(g.status).sort()).toEqual([...APPLICATION_STATUSES].sort());
      expect(Object.keys(g.documentKind).sort()).toEqual([...DOCUMENT_KINDS].sort());
      expect(Object.keys(g.studyMode).sort()).toEqual([...STUDY_MODES].sort());
      expect(Object.keys(g.educationLevel).sort()).toEqual([...EDUCATION_LEVELS].sort());
      expect(Object.keys(g.paymentStatus).sort()).toEqual([...PAYMENT_STATUSES].sort());
    }
  });

  it('has the same keys in Chinese and English, every English word free of Han characters and rule numbers', () => {
    const zh = leaves(GLOSSARY['zh-CN'] as unknown as Tree);
    const en = new Map(leaves(GLOSSARY.en as unknown as Tree));
    expect(zh.map(([k]) => k).filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.some(([z]) => z === k))).toEqual([]);
    expect([...en].filter(([, v]) => HAN.test(v))).toEqual([]);
    expect([...zh, ...en].filter(([, v]) => RULE.test(v))).toEqual([]);
  });

  it('names every audit action the server writes, and an unknown one as a word, never a code', () => {
    for (const a of ['review:reject', 'login', 'password:change', 'verify-graduation', 'pay'])
      expect(term('zh-CN', 'auditAction', a)).toMatch(HAN);
    expect(term('en', 'auditAction', 'login')).toBe('Sign-in');
    expect(term('en', 'auditAction', 'some-new-thing')).not.toContain('some-new-thing');
  });

  it('writes money as ¥1,500.00 in the panel and 1,500 元 in the portal', () => {
    expect(panelMoney(150_000)).toBe('¥1,500.00');
    expect(panelMoney(-5)).toBe('-¥0.05');
    expect(portalMoney(150_000)).toBe('1,500 元');
    expect(portalMoney(150_050)).toBe('1,500.50 元');
    expect(portalMoney(50_000, 'en')).toBe('500 yuan');
  });

  it('writes sizes in KB and MB, and round codes as words', () => {
    expect(fileSize(3_061_760)).toBe('2.9 MB');
    expect(fileSize(831_488)).toBe('812 KB');
    expect(fileSize(10)).toBe('1 KB');
    expect(roundCode('zh-CN', '2026-autumn')).toBe('2026 年秋季');
    expect(roundCode('en', '2026-autumn')).toBe('autumn 2026');
  });
});

describe('R14: timeline codes in words', () => {
  const dropout: TimelineEntry = {
    at: '2026-11-20T02:00:00Z',
    event: 'dropout',
    by: { role: 'institution', id: 1, name: '云南开放大学' },
    status: 'dropped_out',
  };
  it('an institution’s dropout names the institution in both languages', () => {
    expect(actorText('zh-CN', dropout.by)).toBe('云南开放大学');
    expect(actorText('en', dropout.by)).toBe('云南开放大学');
    expect(eventText('zh-CN', dropout)).toBe('退学');
    expect(eventText('en', dropout)).toBe('Dropped out');
  });
  it('the system’s sweep and a role without a name read as the role', () => {
    expect(actorText('zh-CN', { role: 'system' })).toContain('系统');
    expect(actorText('en', { role: 'system' })).toMatch(/^System/);
    expect(actorText('en', { role: 'union', id: 3, name: '五华区总工会', clerk: '张三' })).toBe(
      '五华区总工会（张三）',
    );
  });
  it('a payment and the next step carry their amount from fen, formatted per surface', () => {
    const pay: TimelineEntry = {
      at: '2026-11-20T02:00:00Z',
      event: 'payment',
      by: { role: 'school', id: 9, name: '职工学校' },
      payment: { stage: 'result', source: 'city', amountFen: 100_000, status: 'paid' },
    };
    expect(eventText('zh-CN', pay)).toBe('结果资助 ¥1,000.00');
    expect(eventText('zh-CN', pay, 'portal')).toBe('结果资助 1,000 元');
    expect(eventText('en', pay, 'portal')).toBe('Result subsidy 1,000 yuan');
    expect(nextText('zh-CN', { code: 'awaitPayment', stage: 'process', amountFen: 50_000 }, 'portal')).toBe(
      '等待发放过程资助（500 元）',
    );
    expect(nextText('en', { code: 'redoGraduation' })).not.toMatch(HAN);
  });
});

describe('every message a user reads', () => {
  it('is complete in English, with no Han characters and no rule numbers (panel and portal)', () => {
    const panel = leaves(panelEn as unknown as Tree).filter(([k]) => !k.startsWith('app.locale'));
    expect(panel.filter(([, v]) => HAN.test(v)).map(([k]) => k)).toEqual([]);
    expect(Object.entries(portalEn).filter(([k, v]) => HAN.test(v) && k !== 'app.langOther')).toEqual([]);
    for (const [k] of Object.entries(portalZh)) expect(portalEn, k).toHaveProperty([k]);
    const all = [
      ...leaves(panelZh as unknown as Tree),
      ...panel,
      ...Object.entries(portalZh),
      ...Object.entries(portalEn),
    ];
    expect(all.filter(([, v]) => RULE.test(v)).map(([k]) => k)).toEqual([]);
  });
});
