/**
 * Natural order of dotted codes: "2.9" before "2.10", "2" before "2.1", and within a segment
 * digits compare as numbers ("T2" before "T10"). Numeric segments come before lettered ones,
 * so area codes ("1" … "8") sort before bonus ("T1") and penalty ("P1") items.
 * Codes that differ only in leading zeros ("2.01" and "2.1") fall back to plain text order,
 * so the order is total and deterministic.
 */
export function compareCodes(a: string, b: string): number {
  const left = a.split(".");
  const right = b.split(".");
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const order = compareSegments(left[i] ?? "", right[i] ?? "");
    if (order !== 0) return order;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const RUN = /\d+|\D+/g;

function compareSegments(a: string, b: string): number {
  const left = a.match(RUN) ?? [];
  const right = b.match(RUN) ?? [];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const order = compareRuns(left[i] ?? "", right[i] ?? "");
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function compareRuns(a: string, b: string): number {
  const aDigits = isDigits(a);
  const bDigits = isDigits(b);
  if (aDigits && bDigits) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}
