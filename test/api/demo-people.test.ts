/**
 * The demo city's people are believable: adults when they apply, resident IDs that a real register
 * could have issued (area code in force in the birth year, check character), migrant workers from
 * outside Kunming, posts that fit their unit, majors of the catalogue in force for the intake.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { isSeniorTitle } from '../../server/domain/eligibility';
import { genderOf, isValidIdNumber } from '../../server/domain/id-number';
import { Pii } from '../../server/lib/pii';
import { ALL_CODES, HOME_OTHER, HOME_YUNNAN, KUNMING, validIn, type Place } from '../../seed/area-codes';
import { seedDemo } from '../../seed/demo';
import { CATALOGUES, catalogueOn } from '../../seed/majors';
import { POSTS, sectorOf } from '../../seed/units';

const NOW = new Date('2026-03-16T04:00:00.000Z');

interface Person {
  id: number;
  idNumber: string;
  birthYear: number;
  gender: string;
  jobTitle: string;
  isFrontline: number;
  isMigrant: number;
  unitName: string;
  unitCode: string;
}

let db: Db;
let people: Person[];
const byId = new Map<number, Person>();

const all = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).all(...p) as T[];
/** A date of birth 'YYYYMMDD' and a day 'YYYY-MM-DD': full years of age on that day. */
const ageOn = (birth: string, day: string) => {
  const [y, md] = [Number(day.slice(0, 4)), day.slice(5, 7) + day.slice(8, 10)];
  return y - Number(birth.slice(0, 4)) - (md < birth.slice(4, 8) ? 1 : 0);
};
/** The calendar day in Kunming (UTC+8) of an ISO time. */
const kunmingDay = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(() => {
  db = openDb(':memory:');
  migrateDb(db);
  const pii = new Pii(Buffer.alloc(32, 7));
  seedDemo(db, pii, NOW);
  people = all<Person & { idNumberEnc: string }>(
    `select w.id, w.id_number_enc idNumberEnc, w.birth_year birthYear, w.gender, w.job_title jobTitle,
       w.is_frontline isFrontline, w.is_migrant isMigrant, o.unit_name unitName, o.code unitCode
     from workers w join organizations o on o.id = w.organization_id`,
  ).map(({ idNumberEnc, ...w }) => ({ ...w, idNumber: pii.decrypt(idNumberEnc) }));
  for (const p of people) byId.set(p.id, p);
});

describe('demo people', () => {
  it('R9: every applicant was 18 to 55 on the day it applied (submitted, or started a draft)', () => {
    const apps = all<{ workerId: number; at: string }>(
      'select worker_id workerId, coalesce(submitted_at, created_at) at from applications',
    );
    expect(apps.length).toBeGreaterThan(2000);
    const out = apps
      .map((a) => ({ ...a, age: ageOn(byId.get(a.workerId)!.idNumber.slice(6, 14), kunmingDay(a.at)) }))
      .filter((a) => a.age < 18 || a.age > 55);
    expect(out).toEqual([]);
    // and already adults when their unit registered them
    const registered = all<{ id: number; at: string }>('select id, created_at at from workers');
    expect(
      registered.filter((w) => ageOn(byId.get(w.id)!.idNumber.slice(6, 14), kunmingDay(w.at)) < 18),
    ).toEqual([]);
    // a spread of ages, not one cohort
    const ages = apps.map((a) => ageOn(byId.get(a.workerId)!.idNumber.slice(6, 14), kunmingDay(a.at)));
    expect(Math.min(...ages)).toBeLessThan(23);
    expect(Math.max(...ages)).toBeGreaterThan(48);
  });

  it('gives every worker a valid resident ID (check character) whose birth date and sex are the stored ones', () => {
    expect(people.length).toBeGreaterThan(4500);
    for (const p of people) {
      expect(isValidIdNumber(p.idNumber), p.idNumber).toBe(true);
      expect(Number(p.idNumber.slice(6, 10))).toBe(p.birthYear);
      expect(genderOf(p.idNumber)).toBe(p.gender);
    }
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
  });

  it('uses only area codes in force in the holder’s birth year (GB/T 2260)', () => {
    const bad = people.filter(
      (p) => !ALL_CODES.some((a) => a.code === p.idNumber.slice(0, 6) && validIn(a, p.birthYear)),
    );
    expect(bad.map((p) => p.idNumber.slice(0, 10))).toEqual([]);
    // the districts created late, read straight from the register's history
    const since = { '530113': 1998, '530114': 2011, '530115': 2016, '530181': 1995, '530129': 1998 };
    for (const [code, year] of Object.entries(since))
      expect(people.filter((p) => p.idNumber.startsWith(code) && p.birthYear < year).length, code).toBe(0);
    // …and their forerunners do appear, on the people born before
    expect(people.some((p) => p.idNumber.startsWith('530121') && p.birthYear < 2011)).toBe(true);
    expect(people.some((p) => p.idNumber.startsWith('530122') && p.birthYear < 2016)).toBe(true);
  });

  it('R10: migrant workers carry the codes of their home prefectures, locals Kunming codes', () => {
    const migrants = people.filter((p) => p.isMigrant);
    expect(migrants.length / people.length).toBeGreaterThan(0.2);
    expect(migrants.filter((p) => p.idNumber.startsWith('5301'))).toEqual([]);
    expect(people.filter((p) => !p.isMigrant && !p.idNumber.startsWith('5301'))).toEqual([]);
    const provinces = new Set(migrants.map((p) => p.idNumber.slice(0, 2)));
    expect(provinces.has('53') && provinces.size).toBeGreaterThanOrEqual(3); // Yunnan and its neighbours
    const prefectures = new Set(migrants.map((p) => p.idNumber.slice(0, 4)));
    expect(prefectures.size).toBeGreaterThanOrEqual(8);
  });

  it('gives every unit with workers what it does, and every worker a post of such a unit', () => {
    const bad = people.filter((p) => {
      const s = sectorOf(p.unitName);
      return !s || !(p.isFrontline ? POSTS[s].frontline : POSTS[s].senior).includes(p.jobTitle);
    });
    expect(bad.map((p) => `${p.unitName} ${p.jobTitle}`)).toEqual([]);
    // read from the names alone: nurses and doctors in hospitals, teachers in schools, couriers in logistics
    const where = (re: RegExp) => new Set(people.filter((p) => re.test(p.jobTitle)).map((p) => p.unitName));
    for (const u of where(/护士|护师|医师|药剂师/)) expect(u).toMatch(/医院|保健院/);
    for (const u of where(/教师|班主任/)) expect(u).toMatch(/中学|学校/);
    for (const u of where(/快递员|分拣员/)) expect(u).toMatch(/物流|快递|运输/);
    for (const u of where(/焊工|钢筋工|炼钢工/)) expect(u).not.toMatch(/医院|学校|中学|酒店|商贸/);
    expect(where(/护士/).size).toBeGreaterThanOrEqual(5);
    expect(where(/教师/).size).toBeGreaterThanOrEqual(5);
  });

  it('R9b: a front-line worker holds no post above 科室主任, every other worker does', () => {
    expect(people.filter((p) => p.isFrontline && isSeniorTitle(p.jobTitle)).map((p) => p.jobTitle)).toEqual(
      [],
    );
    expect(people.filter((p) => !p.isFrontline && !isSeniorTitle(p.jobTitle)).map((p) => p.jobTitle)).toEqual(
      [],
    );
  });

  it('R9d: every major is in the catalogue in force on its round’s first intake day', () => {
    const apps = all<{ level: 'associate' | 'bachelor'; major: string; intakeFrom: string; term: string }>(
      `select a.education_level level, a.major, r.intake_from intakeFrom, r.intake_term term
       from applications a join rounds r on r.id = a.round_id where a.major is not null`,
    );
    expect(apps.length).toBeGreaterThan(2000);
    const bad = apps.filter((a) => !catalogueOn(a.level, a.intakeFrom).majors.includes(a.major));
    expect(bad).toEqual([]);
    // the names the 2021 catalogue brought are not in 2019–2020, the ones it retired not in 2026
    const old = apps.filter((a) => a.term < '2021');
    const recent = apps.filter((a) => a.term > '2021' && a.level === 'associate');
    expect(
      old.filter((a) => /大数据与会计|现代物流管理|酒店管理与数字化运营|钢铁智能冶金/.test(a.major)),
    ).toEqual([]);
    expect(recent.filter((a) => ['会计', '物流管理', '酒店管理', '黑色冶金技术'].includes(a.major))).toEqual(
      [],
    );
    // most applicants study for what their unit does (R9d)
    const nurses = all<{ major: string }>(
      `select a.major from applications a join workers w on w.id = a.worker_id
       where w.job_title in ('护士', '护师', '主管护师') and a.major is not null`,
    );
    expect(nurses.filter((a) => a.major.startsWith('护理')).length / nurses.length).toBeGreaterThan(0.3);
  });

  it('keeps the direct unions to large city-level units under the city union', () => {
    const directs = all<{ code: string; unitName: string; parent: string; workers: number }>(
      `select o.code, o.unit_name unitName, p.code parent,
         (select count(*) from workers w where w.organization_id = o.id) workers
       from organizations o join organizations p on p.id = o.parent_id where o.kind = 'direct'`,
    );
    expect(directs.length).toBeGreaterThanOrEqual(5);
    for (const d of directs) {
      expect(d.parent, d.code).toBe('city');
      expect(d.unitName, d.code).toMatch(/^昆明/);
      if (d.code !== 'school') expect(d.workers, d.code).toBeGreaterThanOrEqual(50);
    }
    expect(directs.map((d) => d.unitName)).toEqual(
      expect.arrayContaining(['昆明钢铁控股有限公司', '昆明市第一人民医院', '昆明公交集团有限责任公司']),
    );
  });
});

describe('demo reference tables', () => {
  const years = (p: Place) => p.codes.map((a) => [a.from ?? 1980, a.to ?? 9999] as const);

  it('gives each place one code a year, without gaps, from the first published list on', () => {
    for (const p of [...Object.values(KUNMING), ...HOME_YUNNAN, ...HOME_OTHER]) {
      const y = years(p);
      for (let i = 1; i < y.length; i++) expect(y[i][0], p.codes[i].name).toBe(y[i - 1][1] + 1);
      expect(y[y.length - 1][1], p.codes[0].name).toBe(9999);
    }
    expect(Object.values(KUNMING).every((p) => p.codes.every((a) => a.code.startsWith('5301')))).toBe(true);
    expect(
      [...HOME_YUNNAN, ...HOME_OTHER].every((p) => p.codes.every((a) => !a.code.startsWith('5301'))),
    ).toBe(true);
  });

  it('has one catalogue of majors in force per level on any day since 2016', () => {
    for (const level of ['associate', 'bachelor'] as const) {
      const c = CATALOGUES.filter((x) => x.level === level).sort((a, b) =>
        a.validFrom.localeCompare(b.validFrom),
      );
      for (let i = 1; i < c.length; i++) {
        const dayAfter = new Date(new Date(`${c[i - 1].validTo}T00:00:00Z`).getTime() + 86_400_000);
        expect(c[i].validFrom).toBe(dayAfter.toISOString().slice(0, 10));
      }
      expect(c[c.length - 1].validTo).toBeNull();
      expect(catalogueOn(level, '2019-08-01').name).not.toBe(catalogueOn(level, '2026-02-01').name);
    }
  });
});
