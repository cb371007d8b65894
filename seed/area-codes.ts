/**
 * Resident-ID area codes (the first 6 digits) of the demo city's workers, with the years each code
 * named that county-level division: GB/T 2260 as the Ministry of Civil Affairs published it year by
 * year from 1980. A code carries the place of the household register, and a number is valid only
 * with a code that existed in the holder's birth year: 530114 呈贡区 (2011) cannot be on someone
 * born in 1975, who carries 530122 呈贡县 (before 1982) instead.
 */

export interface AreaCode {
  code: string;
  name: string;
  /** First year of the code under this name; null: already in the first published list (1980). */
  from: number | null;
  /** Last year; null: still in force. */
  to: number | null;
}

/** One place through its codes: a county that became a district or a city keeps its people. */
export interface Place {
  prefecture: string;
  codes: AreaCode[];
}

const c = (code: string, name: string, from: number | null = null, to: number | null = null): AreaCode => ({
  code,
  name,
  from,
  to,
});
const place = (prefecture: string, ...codes: AreaCode[]): Place => ({ prefecture, codes });

export const validIn = (a: AreaCode, year: number) =>
  (a.from === null || a.from <= year) && (a.to === null || year <= a.to);

/** The codes of a place in force in `year` (usually one). */
export const codesIn = (p: Place, year: number) => p.codes.filter((a) => validIn(a, year));

/** 昆明市 (5301), keyed by the code each place has today (the level-2 unions' `area`). */
export const KUNMING: Record<string, Place> = {
  '530102': place('昆明市', c('530102', '五华区')),
  '530103': place('昆明市', c('530103', '盘龙区')),
  '530111': place('昆明市', c('530111', '官渡区')),
  '530112': place('昆明市', c('530112', '西山区')),
  // 东川市 (530200, a prefecture of its own) until 1998
  '530113': place('昆明市', c('530113', '东川区', 1998)),
  '530114': place(
    '昆明市',
    c('530122', '呈贡县', null, 1981),
    c('530121', '呈贡县', 1982, 2010),
    c('530114', '呈贡区', 2011),
  ),
  '530115': place(
    '昆明市',
    c('530124', '晋宁县', null, 1981),
    c('530122', '晋宁县', 1982, 2015),
    c('530115', '晋宁区', 2016),
  ),
  '530181': place(
    '昆明市',
    c('530121', '安宁县', null, 1981),
    c('530123', '安宁县', 1982, 1994),
    c('530181', '安宁市', 1995),
  ),
  '530124': place('昆明市', c('530123', '富民县', null, 1981), c('530124', '富民县', 1982)),
  // 宜良、路南、嵩明 came from 曲靖地区 in 1983, 禄劝 from 楚雄州 in 1983, 寻甸 from 曲靖 in 1998
  '530125': place('昆明市', c('530125', '宜良县', 1983)),
  '530126': place('昆明市', c('530126', '路南彝族自治县', 1983, 1997), c('530126', '石林彝族自治县', 1998)),
  '530127': place('昆明市', c('530127', '嵩明县', 1983)),
  '530128': place('昆明市', c('530128', '禄劝县', 1983, 1984), c('530128', '禄劝彝族苗族自治县', 1985)),
  '530129': place('昆明市', c('530129', '寻甸回族彝族自治县', 1998)),
};

/** The city districts that have had their codes all along: a local born where no 5301 code was yet. */
export const KUNMING_CORE = ['530102', '530103', '530111', '530112'].map((k) => KUNMING[k]);

/** Home places of migrant workers (农民工): Yunnan's other prefectures, then neighbouring provinces. */
export const HOME_YUNNAN: Place[] = [
  place(
    '曲靖市',
    c('532224', '宣威县', null, 1993),
    c('532202', '宣威市', 1994, 1996),
    c('530381', '宣威市', 1997),
  ),
  place('曲靖市', c('532233', '会泽县', null, 1996), c('530326', '会泽县', 1997)),
  place('曲靖市', c('532228', '陆良县', null, 1996), c('530322', '陆良县', 1997)),
  place('昭通市', c('532128', '镇雄县', null, 2000), c('530627', '镇雄县', 2001)),
  place('昭通市', c('532129', '彝良县', null, 2000), c('530628', '彝良县', 2001)),
  place('昭通市', c('532122', '鲁甸县', null, 2000), c('530621', '鲁甸县', 2001)),
  place('楚雄彝族自治州', c('532329', '武定县')),
  place('红河哈尼族彝族自治州', c('532524', '建水县')),
  place('红河哈尼族彝族自治州', c('532527', '泸西县')),
  place('文山壮族苗族自治州', c('532622', '砚山县')),
  place('文山壮族苗族自治州', c('532626', '丘北县')),
  place('大理白族自治州', c('532923', '祥云县')),
  place('大理白族自治州', c('532924', '宾川县')),
];
export const HOME_OTHER: Place[] = [
  place(
    '贵州省毕节市',
    c('522427', '威宁彝族回族苗族自治县', null, 2010),
    c('520526', '威宁彝族回族苗族自治县', 2011),
  ),
  place('贵州省毕节市', c('522426', '纳雍县', null, 2010), c('520525', '纳雍县', 2011)),
  place(
    '贵州省六盘水市',
    c('520202', '盘县特区', null, 1998),
    c('520222', '盘县', 1999, 2016),
    c('520281', '盘州市', 2017),
  ),
  place('四川省凉山彝族自治州', c('513428', '会东县', null, 1981), c('513426', '会东县', 1982)),
  place(
    '四川省泸州市',
    c('512430', '叙永县', null, 1981),
    c('512525', '叙永县', 1982, 1984),
    c('510524', '叙永县', 1985),
  ),
  place(
    '四川省达州市',
    c('513023', '宣汉县', null, 1981),
    c('513022', '宣汉县', 1982, 1998),
    c('511722', '宣汉县', 1999),
  ),
  place(
    '湖南省邵阳市',
    c('432523', '邵东县', null, 1982),
    c('430321', '邵东县', 1983, 1983),
    c('430521', '邵东县', 1984, 2018),
    c('430582', '邵东市', 2019),
  ),
];

/** Every code of the table: what a demo ID's first 6 digits must be one of, in its birth year. */
export const ALL_CODES: AreaCode[] = [...Object.values(KUNMING), ...HOME_YUNNAN, ...HOME_OTHER].flatMap(
  (p) => p.codes,
);
export const isKunming = (code: string) => code.startsWith('5301');
