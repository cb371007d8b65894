/**
 * Static data of the demo city (昆明). Names of people are invented from common surnames and given
 * names; unions, units and institutions are modelled on real Kunming bodies so that the demo reads
 * like the notice 昆工通〔2019〕25号.
 */

/** Weighted: the first ones are the commonest (repeated in the pick list by `weightedSurnames`). */
export const SURNAMES_COMMON = '王李张刘杨陈赵黄周吴';
export const SURNAMES_OTHER =
  '徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文普字和者李鲁施保';

export const GIVEN_MALE =
  '伟强磊军勇杰涛明超刚平辉鹏华飞波斌宇浩凯健俊峰建国文兵成东志海亮林云龙正昆春雄旭坤荣祥福德江永';
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲红梅莉燕婷雪琳慧倩颖洁萍琼兰凤丹蓉佳欣悦月琴瑶春菊仙';

/** Kunming county-level area codes (GB/T 2260) of the scale seed's IDs (the demo's: area-codes.ts). */
export const AREA_CODES = [
  '530102',
  '530103',
  '530111',
  '530112',
  '530113',
  '530114',
  '530115',
  '530124',
  '530125',
  '530126',
  '530127',
  '530128',
  '530129',
  '530181',
];

export type Level2Kind = 'district' | 'dev_zone' | 'industry' | 'federation';

export interface Level2Def {
  code: string;
  name: string;
  kind: Level2Kind;
  /** Short place name used in unit names. */
  place: string;
  /** Resident-ID area code most of its workers carry. */
  area: string;
  /** Number of grassroots unions under it (150 in all). */
  grassroots: number;
  /** Unit names for industry unions (otherwise generated). */
  units?: string[];
}

/** The level-2 unions of the notice's address line: 县（市）区, 滇中新区, 开发（度假）园区, 产业工会, 工会联合会. */
export const LEVEL2: Level2Def[] = [
  { code: 'wuhua', name: '五华区总工会', kind: 'district', place: '五华', area: '530102', grassroots: 14 },
  { code: 'panlong', name: '盘龙区总工会', kind: 'district', place: '盘龙', area: '530103', grassroots: 12 },
  { code: 'guandu', name: '官渡区总工会', kind: 'district', place: '官渡', area: '530111', grassroots: 14 },
  { code: 'xishan', name: '西山区总工会', kind: 'district', place: '西山', area: '530112', grassroots: 12 },
  { code: 'dongchuan', name: '东川区总工会', kind: 'district', place: '东川', area: '530113', grassroots: 4 },
  { code: 'chenggong', name: '呈贡区总工会', kind: 'district', place: '呈贡', area: '530114', grassroots: 7 },
  { code: 'jinning', name: '晋宁区总工会', kind: 'district', place: '晋宁', area: '530115', grassroots: 5 },
  { code: 'anning', name: '安宁市总工会', kind: 'district', place: '安宁', area: '530181', grassroots: 7 },
  { code: 'fumin', name: '富民县总工会', kind: 'district', place: '富民', area: '530124', grassroots: 3 },
  { code: 'yiliang', name: '宜良县总工会', kind: 'district', place: '宜良', area: '530125', grassroots: 4 },
  { code: 'shilin', name: '石林县总工会', kind: 'district', place: '石林', area: '530126', grassroots: 3 },
  { code: 'songming', name: '嵩明县总工会', kind: 'district', place: '嵩明', area: '530127', grassroots: 4 },
  { code: 'luquan', name: '禄劝县总工会', kind: 'district', place: '禄劝', area: '530128', grassroots: 3 },
  { code: 'xundian', name: '寻甸县总工会', kind: 'district', place: '寻甸', area: '530129', grassroots: 3 },
  {
    code: 'dianzhong',
    name: '滇中新区总工会',
    kind: 'dev_zone',
    place: '滇中',
    area: '530181',
    grassroots: 6,
  },
  {
    code: 'jingkai',
    name: '昆明经开区总工会',
    kind: 'dev_zone',
    place: '经开',
    area: '530111',
    grassroots: 8,
  },
  {
    code: 'gaoxin',
    name: '昆明高新区总工会',
    kind: 'dev_zone',
    place: '高新',
    area: '530112',
    grassroots: 8,
  },
  {
    code: 'yangzonghai',
    name: '阳宗海风景名胜区总工会',
    kind: 'dev_zone',
    place: '阳宗海',
    area: '530125',
    grassroots: 3,
  },
  {
    code: 'dianchi',
    name: '滇池旅游度假区总工会',
    kind: 'dev_zone',
    place: '滇池',
    area: '530112',
    grassroots: 4,
  },
  {
    code: 'jiaoyu',
    name: '市教育工会',
    kind: 'industry',
    place: '教育',
    area: '530102',
    grassroots: 6,
    units: [
      '昆明市第一中学',
      '昆明市第三中学',
      '昆明市第八中学',
      '昆明市第十中学',
      '昆明市第十四中学',
      '昆明市第二十四中学',
    ],
  },
  {
    code: 'weijian',
    name: '市卫生健康工会',
    kind: 'industry',
    place: '卫健',
    area: '530103',
    grassroots: 7,
    units: [
      '昆明市第二人民医院',
      '昆明市第三人民医院',
      '昆明市延安医院',
      '昆明市儿童医院',
      '昆明市中医医院',
      '昆明市妇幼保健院',
      '昆明市精神卫生防治医院',
    ],
  },
  {
    code: 'jianshe',
    name: '市建设工会',
    kind: 'industry',
    place: '建设',
    area: '530111',
    grassroots: 7,
    units: [
      '昆明市市政工程集团有限公司',
      '昆明市建筑设计研究院有限公司',
      '昆明城市排水设施管理有限公司',
      '昆明市园林绿化工程有限公司',
      '昆明市路灯管理有限公司',
      '昆明市建设工程质量检测有限公司',
      '昆明城建物业服务有限公司',
    ],
  },
  {
    code: 'feigong',
    name: '市非公企业工会联合会',
    kind: 'federation',
    place: '非公',
    area: '530111',
    grassroots: 6,
  },
];

/**
 * 市总直属基层工会 (kind `direct`, level 2): large city-level enterprises and institutions whose unions
 * report to the city union itself. The workers' school is added separately.
 */
export const DIRECT_UNIONS = [
  { code: 'direct-001', name: '昆明钢铁控股有限公司工会', unitName: '昆明钢铁控股有限公司', area: '530181' },
  { code: 'direct-002', name: '昆明市第一人民医院工会', unitName: '昆明市第一人民医院', area: '530111' },
  { code: 'direct-003', name: '昆明公交集团工会', unitName: '昆明公交集团有限责任公司', area: '530103' },
  { code: 'direct-004', name: '昆明自来水集团工会', unitName: '昆明自来水集团有限公司', area: '530102' },
  { code: 'direct-005', name: '昆明轨道交通集团工会', unitName: '昆明轨道交通集团有限公司', area: '530111' },
];

export const SCHOOL = { code: 'school', name: '昆明市总工会职工学校', unitName: '昆明市总工会职工学校' };

/** Building blocks of generated company names: 云南 + 金马 + 机械制造 + 有限公司. */
export const UNIT_PREFIX = ['云南', '昆明', '云南', '昆明'];
export const UNIT_CORE = [
  '金马',
  '滇池',
  '春城',
  '碧鸡',
  '翠湖',
  '螺峰',
  '金殿',
  '长坡',
  '西园',
  '大观',
  '圆通',
  '北辰',
  '世博',
  '彩云',
  '云岭',
  '高原',
  '红土',
  '七彩',
  '花都',
  '南屏',
  '正义',
  '昆华',
  '盘江',
  '宝象',
  '金实',
  '新亚',
  '东风',
  '恒达',
  '华坤',
  '瑞祥',
  '泛亚',
  '同德',
  '鑫源',
  '晟通',
  '聚龙',
  '安泰',
  '五一',
  '兴滇',
  '昌源',
  '凯旋',
];
export const UNIT_TRADE = [
  '建设工程',
  '机械制造',
  '电力安装',
  '物流',
  '食品',
  '制药',
  '化工',
  '建材',
  '商贸',
  '物业服务',
  '汽车运输',
  '电子科技',
  '环保科技',
  '印刷包装',
  '酒店管理',
  '餐饮管理',
  '路桥工程',
  '钢结构',
  '水务',
  '燃气',
  '农业发展',
  '花卉',
  '纺织',
  '家具制造',
  '冷链物流',
  '装饰工程',
  '机电设备',
  '通信工程',
  '保安服务',
  '旅游开发',
];
export const UNIT_SUFFIX = ['有限公司', '有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];

/** Posts of the scale seed's workers (the demo's follow their unit: units.ts). */
export const JOB_FRONTLINE = [
  '操作工',
  '操作工',
  '操作工',
  '装配工',
  '维修工',
  '电工',
  '焊工',
  '钳工',
  '驾驶员',
  '质检员',
  '仓管员',
  '技术员',
  '技术员',
  '班组长',
  '班组长',
  '工段长',
  '车间主任',
  '科室主任',
  '收银员',
  '客服专员',
  '安全员',
  '施工员',
  '资料员',
  '护士',
  '保洁员',
  '厨师',
  '快递员',
  '调度员',
];
/** Above 车间（工段、科室）主任: not front-line (R9b). */
export const JOB_MANAGEMENT = ['副总经理', '总经理助理', '财务总监', '部门经理', '副厂长'];

/** Majors of the scale seed (the demo's come from the catalogue of the intake: majors.ts). */
export const MAJORS_ASSOCIATE = [
  '机电一体化技术',
  '建筑工程技术',
  '工程造价',
  '大数据与会计',
  '护理',
  '计算机应用技术',
  '电力系统自动化技术',
  '汽车检测与维修技术',
  '现代物流管理',
  '工商企业管理',
  '药品生产技术',
  '黑色冶金技术',
  '道路与桥梁工程技术',
  '酒店管理与数字化运营',
  '旅游管理',
  '市场营销',
  '行政管理',
  '电子商务',
  '工业机器人技术',
  '城市轨道交通运营管理',
];
export const MAJORS_BACHELOR = [
  '机械设计制造及其自动化',
  '土木工程',
  '会计学',
  '护理学',
  '计算机科学与技术',
  '电气工程及其自动化',
  '工商管理',
  '汉语言文学',
  '法学',
  '行政管理',
  '人力资源管理',
  '药学',
  '交通运输',
  '物流管理',
  '工程管理',
  '冶金工程',
];

export interface InstitutionDef {
  code: string;
  name: string;
  /** Relative share of applicants. */
  weight: number;
  levels: Array<'associate' | 'bachelor'>;
  mode: 'part_time' | 'distance';
  contact: string;
  policy: string;
}

/** R17: partner institutions and their tuition-reduction policies (texts are plausible, not official). */
export const INSTITUTIONS: InstitutionDef[] = [
  {
    code: 'ynou',
    name: '云南开放大学',
    weight: 30,
    levels: ['associate', 'bachelor'],
    mode: 'distance',
    contact: '继续教育学院 0871-65155961',
    policy:
      '通过昆明职工教育网报读并经市总工会审核通过的一线职工，学费按标准减免 20%；' +
      '持有工惠卡的农民工学员另减免教材费；困难职工可申请分期缴纳学费。',
  },
  {
    code: 'kust',
    name: '昆明理工大学',
    weight: 14,
    levels: ['associate', 'bachelor'],
    mode: 'part_time',
    contact: '继续教育学院 0871-65916072',
    policy:
      '成人高等学历教育（业余、函授）学员凭市总工会资助审核结果，首学年学费减免 10%；' +
      '取得毕业证书的学员按年度评选优秀学员，给予每人 500 元奖学金。',
  },
  {
    code: 'ynu',
    name: '云南大学',
    weight: 8,
    levels: ['bachelor'],
    mode: 'part_time',
    contact: '继续教育学院 0871-65033745',
    policy:
      '专升本层次一线职工学员学费减免 15%，分学年缴纳；在重点产业、重点岗位工作的学员优先安排周末面授班次。',
  },
  {
    code: 'ynnu',
    name: '云南师范大学',
    weight: 8,
    levels: ['associate', 'bachelor'],
    mode: 'part_time',
    contact: '继续教育学院 0871-65941201',
    policy: '经三级工会审核的职工学员，学费按每学年 300 元标准减免；困难职工凭工会证明再减免 200 元/学年。',
  },
  {
    code: 'kmyz',
    name: '昆明冶金高等专科学校',
    weight: 12,
    levels: ['associate'],
    mode: 'part_time',
    contact: '继续教育学院 0871-68253312',
    policy:
      '冶金、机电、化工类专业的一线职工学员学费减免 25%，其他专业减免 15%；实训课程可在合作企业就近安排。',
  },
  {
    code: 'ynlr',
    name: '云南国土资源职业学院',
    weight: 8,
    levels: ['associate'],
    mode: 'part_time',
    contact: '继续教育部 0871-67438506',
    policy: '一线职工（含农民工）学员学费减免 20%，教材费全免；按时取得毕业证书者退还首学年学费的 10%。',
  },
  {
    code: 'kmu',
    name: '昆明学院',
    weight: 10,
    levels: ['associate', 'bachelor'],
    mode: 'part_time',
    contact: '继续教育学院 0871-65098513',
    policy: '昆明市各级工会推荐的一线职工学员学费减免 15%；市级以上劳动模范、技术能手学员学费全免。',
  },
  {
    code: 'ynjt',
    name: '云南交通职业技术学院',
    weight: 10,
    levels: ['associate'],
    mode: 'part_time',
    contact: '继续教育学院 0871-68167006',
    policy: '交通运输、物流、汽车类专业职工学员学费减免 20%；公交、轨道交通企业职工可申请定向班。',
  },
];

/** BINs of banks common in Kunming; 19-digit card numbers are completed with a Luhn digit. */
export const BANKS = [
  { name: '中国农业银行', bin: '622848' },
  { name: '中国建设银行', bin: '621700' },
  { name: '中国工商银行', bin: '622202' },
  { name: '中国银行', bin: '621661' },
  { name: '富滇银行', bin: '622996' },
  { name: '云南省农村信用社', bin: '622469' },
  { name: '中国邮政储蓄银行', bin: '621799' },
];
/** 工惠卡: the union's benefit card, issued with a partner bank. */
export const BENEFIT_BIN = '623095';

export const PHONE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '152',
  '158',
  '159',
  '187',
  '188',
  '133',
  '153',
  '180',
  '189',
  '177',
  '199',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '166',
  '173',
  '198',
];

export const STAFF_GIVEN = [
  '李娟',
  '张伟',
  '杨丽',
  '王磊',
  '赵敏',
  '陈静',
  '刘洋',
  '周婷',
  '段雪梅',
  '普建华',
];
