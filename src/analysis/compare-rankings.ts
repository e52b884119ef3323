import type { LocalizedText } from "../criteria/types.js";
import type { Ranking } from "../ranking/types.js";

export interface RankChange {
  code: string;
  name: string;
  block: string;
  before: { rank: number; index: number; class: { code: string; title: LocalizedText } | null };
  after: { rank: number; index: number; class: { code: string; title: LocalizedText } | null } | null;
  /** Places gained (positive) or lost; null when the unit is not in the second ranking. */
  rankChange: number | null;
  classChanged: boolean;
}

/** Each unit of the first ranking with its rank, index and class in the second (a what-if of the same campaign). */
export function compareRankings(before: Ranking, after: Ranking): RankChange[] {
  const later = new Map(after.blocks.flatMap((block) => block.units.map((u) => [u.unit.code, u] as const)));
  return before.blocks.flatMap((block) =>
    block.units.map((u): RankChange => {
      const next = later.get(u.unit.code);
      return {
        code: u.unit.code,
        name: u.unit.name,
        block: block.code,
        before: { rank: u.rank, index: u.index, class: u.class },
        after: next ? { rank: next.rank, index: next.index, class: next.class } : null,
        rankChange: next ? u.rank - next.rank : null,
        classChanged: next ? (next.class?.code ?? null) !== (u.class?.code ?? null) : false,
      };
    }),
  );
}
