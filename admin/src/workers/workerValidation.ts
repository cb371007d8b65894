import type { Validator } from 'react-admin';
import {
  isValidCardNumber,
  isValidIdNumber,
  isValidPhone,
  normalizeIdNumber,
} from '../../../server/domain/id-number';

// The server's own checks, run before the round trip; the server still decides.
const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';
const digits = (v: unknown) => String(v).replace(/\s+/g, '');

export const validIdNumber: Validator = (v) =>
  blank(v) || isValidIdNumber(normalizeIdNumber(String(v))) ? undefined : 'app.worker_form.id_invalid';

export const validPhone: Validator = (v) =>
  blank(v) || isValidPhone(String(v).trim()) ? undefined : 'app.worker_form.phone_invalid';

export const validCard: Validator = (v) =>
  blank(v) || isValidCardNumber(digits(v)) ? undefined : 'app.worker_form.card_invalid';

/**
 * On edit the record holds only masked numbers: a secret field left blank means "keep", and must
 * not reach the API as null, which would erase the stored card.
 */
export function dropBlankSecrets<T extends Record<string, unknown>>(data: T): T {
  const out: Record<string, unknown> = { ...data };
  for (const key of ['idNumber', 'bankCard', 'benefitCard']) if (blank(out[key])) delete out[key];
  return out as T;
}
