/**
 * What each demo unit does, read from its name, and the posts such a unit has: a hospital's
 * nurses and doctors, a school's teachers and staff, a factory's welders and fitters, a courier
 * firm's couriers. Front-line posts go up to 车间（工段、科室）主任; the others are above it (R9b), so
 * `isSeniorTitle` flags them to the reviewers.
 */

export type Sector =
  | 'hospital'
  | 'school'
  | 'steel'
  | 'factory'
  | 'construction'
  | 'landscape'
  | 'survey'
  | 'logistics'
  | 'bus'
  | 'metro'
  | 'utility'
  | 'hospitality'
  | 'retail'
  | 'property'
  | 'agriculture';

/** First match wins: 「昆明城市排水设施管理有限公司」 is a utility, 「…物流有限公司」 a logistics firm. */
const SECTOR_WORDS: ReadonlyArray<readonly [Sector, RegExp]> = [
  ['hospital', /医院|保健院/],
  ['school', /中学|小学|学校/],
  ['steel', /钢铁|冶金/],
  ['bus', /公交/],
  ['metro', /轨道交通/],
  ['logistics', /物流|快递|汽车运输/],
  ['utility', /自来水|水务|燃气|排水|路灯/],
  ['landscape', /园林|绿化/],
  ['survey', /设计研究院|质量检测/],
  ['construction', /建设工程|路桥工程|装饰工程|市政工程|钢结构|电力安装|通信工程/],
  ['hospitality', /酒店|餐饮|旅游/],
  ['retail', /商贸/],
  ['property', /物业|保安/],
  ['agriculture', /农业|花卉/],
  ['factory', /机械制造|食品|制药|化工|建材|电子科技|环保科技|印刷包装|纺织|家具制造|机电设备/],
];

/** The sector of a unit by its name; null for a union office (the city union, a district union). */
export function sectorOf(unitName: string): Sector | null {
  for (const [s, re] of SECTOR_WORDS) if (re.test(unitName)) return s;
  return null;
}

export interface Posts {
  /** Front-line posts, commoner ones repeated. */
  frontline: readonly string[];
  /** Posts above 科室主任 (R9b). */
  senior: readonly string[];
  /** Words of the majors such a unit needs (R9d): most of its applicants study one of these. */
  majors: readonly string[];
}

const rep = (n: number, t: string) => Array<string>(n).fill(t);
const MANAGERS = ['副总经理', '总经理助理', '财务总监', '部门经理'];

export const POSTS: Record<Sector, Posts> = {
  hospital: {
    frontline: [
      ...rep(5, '护士'),
      ...rep(2, '护师'),
      '主管护师',
      '护士长',
      ...rep(2, '医师'),
      '主治医师',
      '药剂师',
      '检验技师',
      '影像技师',
      '康复治疗师',
      '护理员',
      '收费员',
      '科室主任',
    ],
    senior: ['副院长', '院长助理', '医务处处长'],
    majors: ['护理', '药', '医学', '康复', '临床'],
  },
  school: {
    frontline: [
      ...rep(6, '教师'),
      ...rep(2, '班主任'),
      '教研组长',
      '实验员',
      '校医',
      '图书管理员',
      '宿管员',
      '教务员',
      '食堂厨师',
      '保安员',
    ],
    senior: ['副校长', '校长助理'],
    majors: ['教育', '汉语言', '数学', '英语', '计算机'],
  },
  steel: {
    frontline: [
      ...rep(2, '炼钢工'),
      ...rep(2, '轧钢工'),
      '炼铁工',
      '炉前工',
      '天车工',
      '钳工',
      '电工',
      '焊工',
      '点检员',
      '化验员',
      '质检员',
      '班组长',
      '工段长',
      '车间主任',
    ],
    senior: ['副厂长', '副总经理', '部门经理'],
    majors: ['冶金', '机电', '焊接', '电气', '机械', '电力'],
  },
  factory: {
    frontline: [
      ...rep(3, '操作工'),
      '装配工',
      '焊工',
      '钳工',
      '电工',
      '维修工',
      '质检员',
      '化验员',
      '仓管员',
      '技术员',
      '班组长',
      '车间主任',
    ],
    senior: ['副厂长', ...MANAGERS],
    majors: ['机电', '机械', '工业机器人', '焊接', '药', '电气', '计算机'],
  },
  construction: {
    frontline: [
      ...rep(2, '施工员'),
      '钢筋工',
      '木工',
      '架子工',
      '混凝土工',
      '测量员',
      '安全员',
      '资料员',
      '焊工',
      '电工',
      '机械操作工',
      '班组长',
      '工段长',
    ],
    senior: ['项目经理', '副总经理', '总工程师'],
    majors: ['建筑', '土木', '工程造价', '道路', '工程管理', '给排水'],
  },
  landscape: {
    frontline: [...rep(3, '绿化工'), '园林养护工', '花卉园艺工', '施工员', '驾驶员', '班组长'],
    senior: ['项目经理', '副总经理'],
    majors: ['园林', '工程造价', '建筑'],
  },
  survey: {
    frontline: [...rep(2, '检测员'), '试验员', '取样员', '绘图员', '测量员', '资料员', '技术员'],
    senior: ['副院长', '总工程师', '部门经理'],
    majors: ['土木', '建筑', '工程造价', '工程管理', '给排水'],
  },
  logistics: {
    frontline: [
      ...rep(3, '快递员'),
      ...rep(2, '分拣员'),
      ...rep(2, '驾驶员'),
      '装卸工',
      '仓管员',
      '调度员',
      '客服专员',
      '班组长',
    ],
    senior: ['区域经理', ...MANAGERS],
    majors: ['物流', '电子商务', '交通运输', '汽车'],
  },
  bus: {
    frontline: [...rep(5, '公交驾驶员'), '乘务管理员', '车辆维修工', '调度员', '安全员', '站务员', '班组长'],
    senior: ['副总经理', '部门经理'],
    majors: ['汽车', '交通运输', '城市轨道', '物流'],
  },
  metro: {
    frontline: [
      ...rep(2, '电客车司机'),
      ...rep(3, '站务员'),
      '行车值班员',
      '值班站长',
      '车辆检修工',
      '信号工',
      '供电检修工',
      '调度员',
    ],
    senior: ['副总经理', '部门经理'],
    majors: ['城市轨道', '电气', '交通运输', '电力', '机电'],
  },
  utility: {
    frontline: [
      ...rep(2, '管网巡检员'),
      '抄表员',
      '泵站运行工',
      '水质化验员',
      '维修工',
      '电工',
      '调度员',
      '客服专员',
      '班组长',
    ],
    senior: ['副总经理', '部门经理', '总工程师'],
    majors: ['给排水', '供用电', '电力', '电气', '机电'],
  },
  hospitality: {
    frontline: [
      ...rep(2, '客房服务员'),
      ...rep(2, '餐厅服务员'),
      ...rep(2, '厨师'),
      '前台接待',
      '收银员',
      '导游',
      '领班',
      '客服专员',
    ],
    senior: ['大堂经理', ...MANAGERS],
    majors: ['酒店', '旅游', '烹', '市场营销'],
  },
  retail: {
    frontline: [...rep(3, '营业员'), ...rep(2, '收银员'), '理货员', '仓管员', '配送员', '客服专员', '班组长'],
    senior: ['区域经理', ...MANAGERS],
    majors: ['市场营销', '电子商务', '工商', '物流'],
  },
  property: {
    frontline: [
      ...rep(2, '保洁员'),
      ...rep(2, '保安员'),
      '物业管理员',
      '楼栋管家',
      '维修工',
      '电工',
      '绿化工',
      '客服专员',
      '班组长',
    ],
    senior: ['项目经理', '副总经理'],
    majors: ['物业', '工商', '行政', '电气'],
  },
  agriculture: {
    frontline: [
      ...rep(2, '种植工'),
      '农技员',
      '花卉园艺工',
      '分拣包装工',
      '仓管员',
      '驾驶员',
      '质检员',
      '班组长',
    ],
    senior: ['基地经理', '副总经理'],
    majors: ['园林', '市场营销', '工商', '电子商务'],
  },
};

/** Posts whose study is their own trade: the words of the majors such a worker takes (R9d). */
export const POST_MAJORS: Readonly<Record<string, readonly string[]>> = {
  护士: ['护理'],
  护师: ['护理'],
  主管护师: ['护理'],
  护士长: ['护理'],
  护理员: ['护理'],
  医师: ['临床医学'],
  主治医师: ['临床医学'],
  药剂师: ['药学'],
  检验技师: ['医学检验'],
  影像技师: ['医学影像'],
  康复治疗师: ['康复'],
  教师: ['教育', '汉语言', '数学', '英语'],
  班主任: ['教育', '汉语言', '数学', '英语'],
  焊工: ['焊接'],
  公交驾驶员: ['汽车', '交通运输'],
  电客车司机: ['城市轨道', '交通运输'],
  快递员: ['物流', '电子商务'],
  厨师: ['烹'],
  食堂厨师: ['烹'],
};
