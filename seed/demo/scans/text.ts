/** What the demo scans say: the kind's title, the worker's masked name, the application number. */
import { SURNAMES_COMMON, SURNAMES_OTHER } from '../../names';

/** The title printed on each kind of scan (the documents' names on the notice's forms). */
export const SCAN_TITLES: Record<string, string> = {
  application_form: '学历提升资助申请表',
  id_card: '居民身份证',
  admission_notice: '录取通知书',
  tuition_receipt: '缴费凭证',
  enrollment_report: '学籍在线验证报告',
  graduation_record: '教育部学历证书电子注册备案表',
  withdrawal_proof: '退学证明',
};

export const NAME_LABEL = '申请人：';
export const NUMBER_LABEL = '申请编号：';
export const FOOTER = '演示材料';

/** Shown in place of a character the glyph sheet lacks. */
export const MISSING = '某';

/** A name as the scan shows it: the surname, then one `*` a character (张** for 张丽萍). */
export const maskName = (name: string) => {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
};

/** Every full-width character a scan may need, for scripts/scan-glyphs.ts. */
export function wideCharacters(): { title: string; body: string } {
  const uniq = (s: string) => [...new Set([...s])].join('');
  return {
    title: uniq(Object.values(SCAN_TITLES).join('')),
    body: uniq(
      NAME_LABEL + NUMBER_LABEL + FOOTER.replace(/ /g, '') + SURNAMES_COMMON + SURNAMES_OTHER + MISSING,
    ),
  };
}

/** Half-width characters: digits and the mask. */
export const NARROW = '0123456789*-';
