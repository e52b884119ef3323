import type { LocalizedText } from "../criteria/types.js";
import { formatScaled, toUnits } from "../points.js";
import type { BlockRanking, RankedUnit } from "./types.js";

/** What published tables print under a block: "bình quân 78,39 %" and "6,62 % Xuất sắc". */
export interface BlockSummary {
  /** Units ranked in the block. */
  units: number;
  /** Mean index of the block, rounded half-up to the index precision; null for an empty block. */
  mean: number | null;
  meanText: string | null;
  /** Per class band, in the set's order: units in it and their share of the block (%, same precision). */
  classes: ClassShare[];
}

export interface ClassShare {
  code: string;
  title: LocalizedText;
  count: number;
  share: number;
  shareText: string;
}

/**
 * The block mean and class shares. The mean is of the units' exact indices (total ÷ applicable
 * maximum, as a spreadsheet averaging the unrounded index column would), rounded half-up once,
 * like the index itself: averaging the printed two-decimal indices could differ by 0.01. Sums
 * are exact (integer ten-thousandths of a point over a common denominator), never float.
 * Shares are count ÷ units × 100 rounded the same way, so they need not add up to exactly 100.
 */
export function summariseBlock(
  block: { units: readonly Pick<RankedUnit, "total" | "applicableMax">[]; classCounts: BlockRanking["classCounts"] },
  indexDecimals: number,
): BlockSummary {
  const n = block.units.length;
  const meanScaled =
    n === 0
      ? null
      : meanIndexScaled(
          block.units.map((u) => ({ numerator: toUnits(u.total), denominator: toUnits(u.applicableMax) })),
          indexDecimals,
        );
  return {
    units: n,
    mean: meanScaled === null ? null : Number(meanScaled) / 10 ** indexDecimals,
    meanText: meanScaled === null ? null : formatScaled(Number(meanScaled), indexDecimals),
    classes: block.classCounts.map((c) => {
      const scaled = n === 0 ? 0n : halfUp(BigInt(c.count) * scale(indexDecimals), BigInt(n));
      return {
        code: c.code,
        title: c.title,
        count: c.count,
        share: Number(scaled) / 10 ** indexDecimals,
        shareText: formatScaled(Number(scaled), indexDecimals),
      };
    }),
  };
}

/** Σ (numeratorᵢ ÷ denominatorᵢ) ÷ n × 100, scaled by 10^decimals and rounded half-up; a zero denominator counts as index 0. */
function meanIndexScaled(ratios: { numerator: number; denominator: number }[], decimals: number): bigint {
  const usable = ratios.map((r) =>
    r.denominator > 0 ? { numerator: BigInt(r.numerator), denominator: BigInt(r.denominator) } : { numerator: 0n, denominator: 1n },
  );
  const common = usable.reduce((l, r) => lcm(l, r.denominator), 1n);
  const sum = usable.reduce((s, r) => s + r.numerator * (common / r.denominator), 0n);
  return halfUp(sum * scale(decimals), common * BigInt(ratios.length));
}

/** 100 × 10^decimals: a fraction as a percentage scaled to `decimals`. */
function scale(decimals: number): bigint {
  return 100n * 10n ** BigInt(decimals);
}

/** numerator ÷ denominator rounded half-up away from zero (denominator > 0). */
function halfUp(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator < 0n ? -numerator : numerator;
  return sign * ((2n * magnitude + denominator) / (2n * denominator));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}
