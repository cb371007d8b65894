/**
 * docs/rules.md maps every program rule (R1–R18), the lifecycle and the money invariants (I1–I7) to the
 * code that implements it and the tests that prove it. This test keeps that map true: every section is
 * there, every `implemented by` file defines the names it is cited for, and every `tested by` file has a
 * describe() or it() with exactly the quoted name. A renamed function or test fails here, naming the rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = 'docs/rules.md';

const RULES = Array.from({ length: 18 }, (_, i) => `R${i + 1}`);
const INVARIANTS = Array.from({ length: 7 }, (_, i) => `I${i + 1}`);
const SECTIONS = [...RULES, 'Lifecycle', ...INVARIANTS];

interface Cite {
  line: number;
  file: string;
}
interface Section {
  id: string;
  line: number;
  implemented: (Cite & { names: string[] })[];
  tested: (Cite & { name: string })[];
  open: string[];
  malformed: { line: number; text: string }[];
  /** Lines out of the order prose, implemented by, tested by, open/note. */
  misplaced: { line: number; text: string }[];
}

/** The order of a section: its prose, then the citations by kind. */
const RANK: Record<string, number> = { 'implemented by': 1, 'tested by': 2, open: 3, note: 3 };

/** `## R7 Oversubscription` → R7; `## Lifecycle` → Lifecycle. */
const sectionId = (heading: string) => heading.trim().split(/\s+/)[0];

function parse(text: string): Section[] {
  const sections: Section[] = [];
  let cur: Section | null = null;
  let rank = 0;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const h = /^## (.+)$/.exec(raw);
    if (h) {
      cur = {
        id: sectionId(h[1]),
        line,
        implemented: [],
        tested: [],
        open: [],
        malformed: [],
        misplaced: [],
      };
      sections.push(cur);
      rank = 0;
      return;
    }
    if (!cur) return;
    const s: Section = cur;
    const kind = /^- (implemented by|tested by|open|note):/.exec(raw)?.[1];
    const r = kind ? RANK[kind] : raw.trim() ? 0 : rank;
    if (r < rank) s.misplaced.push({ line, text: raw });
    else rank = r;
    const impl = /^- implemented by: (.*)$/.exec(raw);
    if (impl) {
      const ticks = [...impl[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      if (ticks.length < 2) s.malformed.push({ line, text: raw });
      else s.implemented.push({ line, file: ticks[0], names: ticks.slice(1) });
      return;
    }
    if (raw.startsWith('- tested by:')) {
      const t = /^- tested by: `([^`]+)` "(.+)"$/.exec(raw);
      if (!t) s.malformed.push({ line, text: raw });
      else s.tested.push({ line, file: t[1], name: t[2] });
      return;
    }
    const open = /^- open: (.+)$/.exec(raw);
    if (open) s.open.push(open[1]);
  });
  return sections;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A top-level definition of `name`: a function, a constant, a class, a type, or a re-export. */
function defines(source: string, name: string): boolean {
  const n = escapeRe(name);
  return (
    new RegExp(`\\b(?:function\\*?|const|let|var|class|interface|type|enum)\\s+${n}\\b`).test(source) ||
    new RegExp(`\\bexport\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`).test(source)
  );
}

/** A describe/it/test call whose first argument is exactly `name`, in any quote. */
function hasTestNamed(source: string, name: string): boolean {
  const n = escapeRe(name);
  return new RegExp(
    `\\b(?:describe|it|test)(?:\\.(?:only|skip|todo|concurrent|sequential))*\\(\\s*(['"\`])${n}\\1`,
  ).test(source);
}

const sourceCache = new Map<string, string | null>();
function read(file: string): string | null {
  if (!sourceCache.has(file)) {
    const full = path.join(ROOT, file);
    sourceCache.set(
      file,
      fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : null,
    );
  }
  return sourceCache.get(file)!;
}

const text = fs.readFileSync(path.join(ROOT, DOC), 'utf8');
const sections = parse(text);
const byId = new Map(sections.map((s) => [s.id, s]));
const where = (s: Section, line = s.line) => `${s.id} (${DOC}:${line})`;

describe('docs/rules.md', () => {
  it('has one section for every rule R1–R18, the lifecycle and every invariant I1–I7', () => {
    const missing = SECTIONS.filter((id) => !byId.has(id));
    expect(missing, `no "## <id> …" section for: ${missing.join(', ')}`).toEqual([]);
    const seen = new Set<string>();
    const twice = sections.map((s) => s.id).filter((id) => seen.has(id) || !seen.add(id));
    expect(twice, `sections given twice: ${twice.join(', ')}`).toEqual([]);
  });

  it('gives every section at least one implementation and one test, in the checked format and order', () => {
    const problems: string[] = [];
    for (const id of SECTIONS) {
      const s = byId.get(id);
      if (!s) continue;
      if (!s.implemented.length) problems.push(`${where(s)}: no "- implemented by:" line`);
      if (!s.tested.length) problems.push(`${where(s)}: no "- tested by:" line`);
      for (const m of s.misplaced)
        problems.push(
          `${where(s, m.line)}: out of order (prose, then implemented by, tested by, open): ${m.text}`,
        );
      for (const m of s.malformed)
        problems.push(
          `${where(s, m.line)}: malformed line, expected \`file\` \`name\` or \`file\` "test name": ${m.text}`,
        );
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('names implementations that exist: each file is there and defines each cited name', () => {
    const problems: string[] = [];
    for (const s of sections)
      for (const c of s.implemented) {
        const source = read(c.file);
        if (source === null) {
          problems.push(`${where(s, c.line)}: implemented by ${c.file}, which does not exist`);
          continue;
        }
        for (const name of c.names)
          if (!defines(source, name))
            problems.push(`${where(s, c.line)}: ${c.file} defines no function or constant named ${name}`);
      }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('names tests that exist: each file is there and has a describe or it with exactly that name', () => {
    const problems: string[] = [];
    for (const s of sections)
      for (const c of s.tested) {
        const source = read(c.file);
        if (source === null) {
          problems.push(`${where(s, c.line)}: tested by ${c.file}, which does not exist`);
          continue;
        }
        if (!c.file.startsWith('test/'))
          problems.push(`${where(s, c.line)}: tested by ${c.file}, which is not under test/`);
        if (!hasTestNamed(source, c.name))
          problems.push(`${where(s, c.line)}: ${c.file} has no describe/it named "${c.name}"`);
      }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('explains itself: it cites no issue numbers and no outside specification', () => {
    const cites = text
      .split('\n')
      .map((l, i) => ({ l, line: i + 1 }))
      .filter(({ l }) => /\b[Ii]ssues? \d+|\bSPEC\b|§/.test(l));
    expect(
      cites.map((c) => `${DOC}:${c.line}: ${c.l}`),
      'rules.md must stand on its own',
    ).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('reads sections, citations and open points', () => {
    const [s] = parse(
      [
        '## R7 Oversubscription',
        '- implemented by: `a.ts` `f`, `g`',
        '- tested by: `test/a.test.ts` "R7: it\'s "quoted" fine"',
        '- open: later',
        '- tested by: `test/a.test.ts` no quotes',
        'prose after the citations',
        '- implemented by: `b.ts` `h`',
      ].join('\n'),
    );
    expect(s.id).toBe('R7');
    expect(s.implemented).toEqual([
      { line: 2, file: 'a.ts', names: ['f', 'g'] },
      { line: 7, file: 'b.ts', names: ['h'] },
    ]);
    expect(s.tested).toEqual([{ line: 3, file: 'test/a.test.ts', name: 'R7: it\'s "quoted" fine' }]);
    expect(s.open).toEqual(['later']);
    expect(s.malformed.map((m) => m.line)).toEqual([5]);
    expect(s.misplaced.map((m) => m.line)).toEqual([5, 6, 7]);
  });

  it('finds definitions and test names, and nothing else', () => {
    const src = [
      'export function settleApproval() {}',
      'const bySubmission = 1;',
      '// promotions is mentioned in a comment only',
      "describe('R7 quotas', () => {",
      "  it(\n    'R7: a long name',",
      '  it("R3: the workers\' school", () => {});',
      '});',
    ].join('\n');
    expect(defines(src, 'settleApproval')).toBe(true);
    expect(defines(src, 'bySubmission')).toBe(true);
    expect(defines(src, 'promotions')).toBe(false);
    expect(defines(src, 'settle')).toBe(false);
    expect(hasTestNamed(src, 'R7 quotas')).toBe(true);
    expect(hasTestNamed(src, 'R7: a long name')).toBe(true);
    expect(hasTestNamed(src, "R3: the workers' school")).toBe(true);
    expect(hasTestNamed(src, 'R7')).toBe(false);
    expect(hasTestNamed(src, 'promotions is mentioned')).toBe(false);
  });
});
