// Reading what a person typed into a field, by the indicator's value type. Pure functions: the form
// keeps the raw text (so "3," mid-typing survives) and parses it here for validation and saving.

export type ValueType = 'integer' | 'number' | 'percentage' | 'yes_no' | 'stage';

/** The raw text of one field. Percentages use numerator and denominator; every other type uses value. */
export interface CellInput {
  value: string;
  numerator: string;
  denominator: string;
}

/** What the server stores for one field (one indicator × option). */
export interface Payload {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export type ValueError =
  | 'notWholeNumber'
  | 'notNumber'
  | 'negative'
  | 'needBoth'
  | 'denominatorZero'
  | 'notYesNo'
  | 'stageRange';

export type Parsed =
  | { ok: true; value: number | null; numerator: number | null; denominator: number | null }
  | { ok: false; error: ValueError; part: 'value' | 'numerator' | 'denominator' };

export const EMPTY_INPUT: CellInput = { value: '', numerator: '', denominator: '' };

const SPACES = /[\s\u00a0\u202f]/g;
const GROUPED = /^\d{1,3}([.,]\d{3})+$/;

/**
 * A non-negative number typed in any of the interface languages: `1234.5`, `1234,5`, `1 234,5`,
 * `1,234.5`. With one kind of separator, the locale's decimal mark is decimal; the other one is
 * read as thousands only when it groups digits by three (`1.500` in French), else as decimal.
 */
export function parseDecimal(text: string, decimalMark: '.' | ','): number | ValueError | null {
  const compact = text.replace(SPACES, '');
  if (compact === '') return null;
  if (/^[-−]/.test(compact)) return /^[-−]\d/.test(compact) ? 'negative' : 'notNumber';
  if (!/^[\d.,]+$/.test(compact)) return 'notNumber';
  const dots = compact.split('.').length - 1;
  const commas = compact.split(',').length - 1;
  let normal: string;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal mark, the others group thousands.
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normal = compact.split(group).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    normal = compact;
  } else {
    const mark = dots > 0 ? '.' : ',';
    if (mark !== decimalMark && GROUPED.test(compact)) normal = compact.split(mark).join('');
    else if (dots + commas > 1) normal = GROUPED.test(compact) ? compact.split(mark).join('') : 'x';
    else normal = compact.replace(mark, '.');
  }
  if (!/^(\d+\.?\d*|\.\d+)$/.test(normal)) return 'notNumber';
  const value = Number(normal);
  return Number.isFinite(value) ? value : 'notNumber';
}

/** Whole numbers: separators are only ever thousands (`1,234`, `1.234`, `1 234`). */
export function parseWhole(text: string): number | ValueError | null {
  const compact = text.replace(SPACES, '');
  if (compact === '') return null;
  if (/^[-−]\d/.test(compact)) return 'negative';
  if (/^\d+$/.test(compact)) return Number(compact);
  if (GROUPED.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  return /^\d*[.,]\d+$/.test(compact) ? 'notWholeNumber' : 'notNumber';
}

/** Checks one field's text against its type; `stageMax` bounds stage answers. */
export function parseCell(
  input: CellInput,
  valueType: ValueType,
  decimalMark: '.' | ',',
  stageMax: number | null = null,
): Parsed {
  const plain = (value: number | null): Parsed => ({ ok: true, value, numerator: null, denominator: null });
  switch (valueType) {
    case 'integer': {
      const value = parseWhole(input.value);
      return typeof value === 'string' ? { ok: false, error: value, part: 'value' } : plain(value);
    }
    case 'number': {
      const value = parseDecimal(input.value, decimalMark);
      return typeof value === 'string' ? { ok: false, error: value, part: 'value' } : plain(value);
    }
    case 'yes_no': {
      const text = input.value.trim();
      if (text === '') return plain(null);
      return text === '0' || text === '1' ? plain(Number(text)) : { ok: false, error: 'notYesNo', part: 'value' };
    }
    case 'stage': {
      const value = parseWhole(input.value);
      if (typeof value === 'string') return { ok: false, error: 'stageRange', part: 'value' };
      if (value !== null && value > (stageMax ?? 4)) return { ok: false, error: 'stageRange', part: 'value' };
      return plain(value);
    }
    case 'percentage': {
      const numerator = parseDecimal(input.numerator, decimalMark);
      const denominator = parseDecimal(input.denominator, decimalMark);
      if (typeof numerator === 'string') return { ok: false, error: numerator, part: 'numerator' };
      if (typeof denominator === 'string') return { ok: false, error: denominator, part: 'denominator' };
      if (numerator === null && denominator === null) return { ok: true, value: null, numerator, denominator };
      if (numerator === null) return { ok: false, error: 'needBoth', part: 'numerator' };
      if (denominator === null) return { ok: false, error: 'needBoth', part: 'denominator' };
      if (denominator === 0) return { ok: false, error: 'denominatorZero', part: 'denominator' };
      return { ok: true, value: percentOf(numerator, denominator), numerator, denominator };
    }
  }
}

/** The percentage the server stores for a numerator and denominator (four decimals). */
export function percentOf(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 100 * 10_000) / 10_000;
}

/** A stored number as the person would type it back: no grouping, the locale's decimal mark. */
export function toInputText(value: number | null, decimalMark: '.' | ','): string {
  if (value === null) return '';
  const text = String(value);
  return decimalMark === ',' ? text.replace('.', ',') : text;
}

export function inputFromStored(
  stored: { value: number; numerator: number | null; denominator: number | null } | undefined,
  valueType: ValueType,
  decimalMark: '.' | ',',
): CellInput {
  if (!stored) return EMPTY_INPUT;
  if (valueType === 'percentage') {
    return {
      value: '',
      numerator: toInputText(stored.numerator, decimalMark),
      denominator: toInputText(stored.denominator, decimalMark),
    };
  }
  return { value: toInputText(stored.value, decimalMark), numerator: '', denominator: '' };
}

/** Is there anything in the field? An empty field is not saved (and clears a stored value). */
export function hasValue(parsed: Parsed): boolean {
  return parsed.ok && (parsed.value !== null || parsed.numerator !== null);
}

export function samePayload(a: Payload | null, b: Payload | null): boolean {
  const empty = (payload: Payload | null) => payload === null || (payload.value === null && payload.numerator === null);
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return (
    a?.value === b?.value &&
    a?.numerator === b?.numerator &&
    a?.denominator === b?.denominator &&
    (a?.comment ?? null) === (b?.comment ?? null)
  );
}

export function decimalMarkOf(locale: string): '.' | ',' {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  return parts.find((part) => part.type === 'decimal')?.value === ',' ? ',' : '.';
}

/**
 * One figure for a whole indicator, to set beside last quarter and the target: the sum of its
 * breakdown for counts and amounts, the single stored value for the other types.
 */
export function indicatorTotal(
  valueType: ValueType,
  rows: readonly { value: number | null; numerator?: number | null; denominator?: number | null }[],
): { value: number | null; numerator: number | null; denominator: number | null } {
  const filled = rows.filter((row) => row.value !== null);
  if (filled.length === 0) return { value: null, numerator: null, denominator: null };
  if (valueType === 'integer' || valueType === 'number') {
    return { value: filled.reduce((sum, row) => sum + (row.value ?? 0), 0), numerator: null, denominator: null };
  }
  const [first] = filled;
  return { value: first?.value ?? null, numerator: first?.numerator ?? null, denominator: first?.denominator ?? null };
}
