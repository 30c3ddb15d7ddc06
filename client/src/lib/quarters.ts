// Quarter arithmetic for the dashboards' period pickers and URL state. The server has its own copy
// in db/periods.ts; the client may not import it (client → server is type-only).

export interface Quarter {
  year: number;
  quarter: number;
}

const QUARTER_ID = /^(\d{4})Q([1-4])$/;

export function parseQuarterId(id: string): Quarter | null {
  const match = QUARTER_ID.exec(id);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

export function isQuarterId(value: unknown): value is string {
  return typeof value === 'string' && QUARTER_ID.test(value);
}

export function quarterIdOf({ year, quarter }: Quarter): string {
  return `${year}Q${quarter}`;
}

function indexOf({ year, quarter }: Quarter): number {
  return year * 4 + quarter - 1;
}

function fromIndex(index: number): Quarter {
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** The quarter `offset` quarters after (negative: before) `id`; null for a malformed id. */
export function shiftQuarter(id: string, offset: number): string | null {
  const quarter = parseQuarterId(id);
  return quarter ? quarterIdOf(fromIndex(indexOf(quarter) + offset)) : null;
}

/** -1, 0 or 1 like a sort comparator; ids are compared as quarters, not as strings. */
export function compareQuarterIds(a: string, b: string): number {
  const [qa, qb] = [parseQuarterId(a), parseQuarterId(b)];
  if (!qa || !qb) return a.localeCompare(b);
  return Math.sign(indexOf(qa) - indexOf(qb));
}

/** Every quarter from `from` to `to`, both included, in time order; empty when reversed or malformed. */
export function quartersBetween(from: string, to: string): string[] {
  const [start, end] = [parseQuarterId(from), parseQuarterId(to)];
  if (!start || !end) return [];
  const out: string[] = [];
  for (let index = indexOf(start); index <= indexOf(end); index++) out.push(quarterIdOf(fromIndex(index)));
  return out;
}
