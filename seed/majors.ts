/**
 * The national catalogues of majors the demo's applicants enrol in, each with the dates it was in
 * force: an intake uses the catalogue in force on its first day (a 2019 intake studies 「会计」 of the
 * 2015 list, not 「大数据与会计」 of the 2021 one). Only majors a working adult takes part-time or at a
 * distance are listed.
 */
import type { Level } from './demo/model';

export interface Catalogue {
  name: string;
  level: Level;
  validFrom: string;
  /** Last day in force; null: in force now (later lists keep these names). */
  validTo: string | null;
  majors: readonly string[];
}

const ASSOCIATE_BOTH = [
  '机电一体化技术',
  '工业机器人技术',
  '建筑工程技术',
  '工程造价',
  '给排水工程技术',
  '园林技术',
  '电力系统自动化技术',
  '供用电技术',
  '计算机应用技术',
  '汽车检测与维修技术',
  '城市轨道交通运营管理',
  '城市轨道交通车辆技术',
  '冷链物流技术与管理',
  '电子商务',
  '工商企业管理',
  '市场营销',
  '旅游管理',
  '护理',
  '临床医学',
  '药学',
  '医学检验技术',
  '医学影像技术',
  '康复治疗技术',
  '药品生产技术',
  '语文教育',
  '数学教育',
  '英语教育',
];

const BACHELOR_BOTH = [
  '机械设计制造及其自动化',
  '冶金工程',
  '焊接技术与工程',
  '电气工程及其自动化',
  '土木工程',
  '给排水科学与工程',
  '工程管理',
  '工程造价',
  '交通运输',
  '物流管理',
  '计算机科学与技术',
  '电子商务',
  '会计学',
  '工商管理',
  '人力资源管理',
  '市场营销',
  '行政管理',
  '物业管理',
  '旅游管理',
  '酒店管理',
  '法学',
  '汉语言文学',
  '英语',
  '数学与应用数学',
  '小学教育',
  '护理学',
  '药学',
  '医学检验技术',
  '医学影像技术',
  '康复治疗学',
  '临床医学',
  '园林',
];

export const CATALOGUES: readonly Catalogue[] = [
  {
    name: '普通高等学校高等职业教育（专科）专业目录（2015年）',
    level: 'associate',
    validFrom: '2016-01-01',
    validTo: '2021-03-11',
    majors: [
      ...ASSOCIATE_BOTH,
      '焊接技术与自动化',
      '黑色冶金技术',
      '道路桥梁工程技术',
      '物流管理',
      '会计',
      '行政管理',
      '酒店管理',
      '烹调工艺与营养',
      '物业管理',
    ],
  },
  {
    name: '职业教育专业目录（2021年）',
    level: 'associate',
    validFrom: '2021-03-12',
    validTo: null,
    majors: [
      ...ASSOCIATE_BOTH,
      '智能焊接技术',
      '钢铁智能冶金技术',
      '道路与桥梁工程技术',
      '现代物流管理',
      '大数据与会计',
      '酒店管理与数字化运营',
      '烹饪工艺与营养',
      '现代物业管理',
    ],
  },
  {
    name: '普通高等学校本科专业目录（2012年）',
    level: 'bachelor',
    validFrom: '2012-09-14',
    validTo: '2020-02-20',
    majors: BACHELOR_BOTH,
  },
  {
    name: '普通高等学校本科专业目录（2020年版）',
    level: 'bachelor',
    validFrom: '2020-02-21',
    validTo: null,
    majors: [...BACHELOR_BOTH, '数据科学与大数据技术', '智能制造工程', '大数据管理与应用'],
  },
];

/** The catalogue of `level` in force on `day` (YYYY-MM-DD). */
export function catalogueOn(level: Level, day: string): Catalogue {
  const c = CATALOGUES.find(
    (x) => x.level === level && x.validFrom <= day && (x.validTo === null || day <= x.validTo),
  );
  if (!c) throw new Error(`no ${level} catalogue in force on ${day}`);
  return c;
}
