import { maskPhone } from '../domain/id-number';

const OLD_ID_MASK = /^(\d{2})\d{4}\*{8}([\dX]{4})$/;

/**
 * What an audit row may keep of a record (GB/T 35273 §6.2, PIPL art. 19: the log is kept for years
 * and never purged, so it holds no more than a masked list row): phones masked, birth year and date
 * dropped, an ID mask of the old 6+4 form cut to the current 2+4. Applied when a row is written and,
 * for rows written before this rule, again when one is read.
 */
export function redactPersonal(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  if (!('phone' in o || 'birthYear' in o || 'birthDate' in o || 'idNumberMasked' in o)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'birthYear' || k === 'birthDate') continue;
    if (k === 'phone' && typeof v === 'string' && /^\d{11}$/.test(v)) out[k] = maskPhone(v);
    else if (k === 'idNumberMasked' && typeof v === 'string') {
      const m = OLD_ID_MASK.exec(v);
      out[k] = m ? `${m[1]}${'*'.repeat(12)}${m[2]}` : v;
    } else out[k] = v;
  }
  return out;
}
