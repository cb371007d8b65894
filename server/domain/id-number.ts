/** GB 11643-1999 resident ID: 17 digits + a mod 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const y = Number(birth.slice(0, 4)),
    m = Number(birth.slice(4, 6)),
    d = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idCheckChar(value) === value[17];
}

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Only the year is kept beside the masked number: month and day are the digits the mask hides, and
 * with them the mask would give the whole number back (GB/T 35273 §A: de-identified data must not be
 * re-identifiable by combining what is shown).
 */
export function birthYearOf(id: string): number {
  return Number(id.slice(6, 10));
}

export function genderOf(id: string): 'M' | 'F' {
  return Number(id[16]) % 2 === 1 ? 'M' : 'F';
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** Bank and 工惠卡 numbers: 16–19 digits passing Luhn. */
export function isValidCardNumber(value: string): boolean {
  if (!/^\d{16,19}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let d = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (isValidCardNumber(partial + d)) return String(d);
  throw new Error('unreachable');
}

/**
 * The province (2 digits) and the last 4: the district and the whole birth date stay hidden, so even
 * with the birth year the check character leaves dozens of candidates (PIPL art. 51, GB/T 35273).
 */
export const maskIdNumber = (v: string) => `${v.slice(0, 2)}${'*'.repeat(12)}${v.slice(-4)}`;
export const maskCard = (v: string) => `${v.slice(0, 4)} **** **** ${v.slice(-4)}`;
export const maskPhone = (v: string) => `${v.slice(0, 3)}****${v.slice(-4)}`;
