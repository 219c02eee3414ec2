/**
 * Values as people write them in a register (issue 10 §2): an NHS number with or without
 * spaces, "M" or "Male", an ethnic category as its code or its label ("N" or "Black African"),
 * a section as "S3", "s.3", "Section 3" or "s37". Each reader returns the value or undefined;
 * the caller says what was wrong in plain English. Pure.
 */
import { checkNhsNumber } from '@/lib/patients/nhs-number';
import { ETHNIC_CATEGORIES } from '@/lib/codes/ethnic-category';
import { canLeadToCto } from '@/lib/codes/legal-status';
import { tidy, type Cell } from './dates';

export type ImportSex = 'MALE' | 'FEMALE' | 'INDETERMINATE' | 'NOT_KNOWN';

/** A cell as text: numbers without exponent or grouping, trimmed. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  }
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return tidy(String(cell));
}

export type NhsNumberReading =
  { ok: true; value: string } | { ok: false; reason: 'not-ten-digits' | 'check-digit' };

/**
 * An NHS number as a register cell holds it ("943 476 5919", "943-476-5919", or a number cell),
 * read by the one check the register form and the API use (lib/patients/nhs-number.ts): the
 * tenth digit must be the Modulus 11 check digit of the first nine.
 */
export function readNhsNumber(cell: Cell): NhsNumberReading {
  const check = checkNhsNumber(cellText(cell));
  if (check.ok) return { ok: true, value: check.nhsNumber };
  return { ok: false, reason: check.problem === 'CHECK_DIGIT' ? 'check-digit' : 'not-ten-digits' };
}

const SEX_WORDS: Record<string, ImportSex> = {
  m: 'MALE',
  male: 'MALE',
  man: 'MALE',
  '1': 'MALE',
  f: 'FEMALE',
  female: 'FEMALE',
  woman: 'FEMALE',
  '2': 'FEMALE',
  i: 'INDETERMINATE',
  indeterminate: 'INDETERMINATE',
  '9': 'INDETERMINATE',
  u: 'NOT_KNOWN',
  x: 'NOT_KNOWN',
  '0': 'NOT_KNOWN',
  unknown: 'NOT_KNOWN',
  notknown: 'NOT_KNOWN',
  notstated: 'NOT_KNOWN',
};

/** "M", "Male", "f", "1" (NHS Data Dictionary PERSON STATED GENDER CODE), "Not known" ... */
export function readSex(cell: Cell): ImportSex | undefined {
  const key = cellText(cell)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return SEX_WORDS[key];
}

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(or|british|background|group|groups|any|ethnic)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ETHNIC_NAMES: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  for (const c of ETHNIC_CATEGORIES) {
    const groupWord = c.group.split(' ')[0] ?? '';
    for (const name of [
      c.label,
      c.shortLabel,
      `${groupWord} ${c.shortLabel}`,
      `${c.group} ${c.shortLabel}`,
    ]) {
      const key = words(name);
      // A short label shared by two groups ("Any other ... background") stays ambiguous.
      if (!names.has(key)) names.set(key, c.code);
    }
  }
  return names;
})();

/**
 * An ethnic category as its NHS code ("N") or its label in any of the forms people write
 * ("Black or Black British - African", "Black African", "African", "White British").
 */
export function readEthnicCategory(cell: Cell): string | undefined {
  const text = cellText(cell);
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  const byCode = ETHNIC_CATEGORIES.find((c) => c.code === upper);
  if (byCode) return byCode.code;
  return ETHNIC_NAMES.get(words(text));
}

export type SectionReading =
  | { ok: true; code: string; label: string }
  | { ok: false; reason: 'unknown' | 'not-eligible'; label?: string };

const SECTION_CODES: Record<string, string> = {
  '2': '02',
  '3': '03',
  '37': '10',
  '3741': '09',
  '47': '16',
  '4749': '15',
  '48': '18',
  '4849': '17',
  '45a': '38',
};

/**
 * The section the order follows: "S3", "s.3", "Section 3", "sec 37", "s37", "37/41", "s45A",
 * or the MHSDS legal status code itself ("03", "10"). Only s3 and unrestricted Part 3 sections
 * can lead to a CTO (s17A(1)-(2)); s37/41, s47/49 and s48/49 are restricted and cannot.
 */
export function readSection(cell: Cell): SectionReading {
  const text = cellText(cell).toLowerCase();
  if (text === '') return { ok: false, reason: 'unknown' };
  if (/^\d{2}$/.test(text) && canLeadToCto(text)) {
    return { ok: true, code: text, label: text };
  }
  const key = text
    .replace(/^(section|sect|sec|s)\s*\.?\s*/, '')
    .replace(/\b(with|and)\b/g, '')
    .replace(/[\s./()-]|s(?=\d)/g, '');
  const code = SECTION_CODES[key];
  if (!code) return { ok: false, reason: 'unknown' };
  if (!canLeadToCto(code)) return { ok: false, reason: 'not-eligible', label: `s${key}` };
  return { ok: true, code, label: `s${key}` };
}

/** A person's name as written, tidied; the empty string when blank. */
export function readName(cell: Cell): string {
  return cellText(cell);
}

/** Compares names for matching staff, teams and hospitals: case, spaces and punctuation aside. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(dr|mr|mrs|ms|miss|prof)\.?\s+/, '')
    .replace(/[^a-z0-9]+/g, '');
}
