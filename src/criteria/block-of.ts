import type { CriteriaSet, RankingBlock, UnitType } from "./types.js";

/** The ranking block a unit belongs to: the one it names, else the set's block for its unit type. */
export function blockOf(set: CriteriaSet, unit: { type: UnitType; block?: string | null | undefined }): RankingBlock | undefined {
  const code = unit.block ?? set.ranking.blocks.find((b) => b.unitTypes.includes(unit.type))?.code;
  return set.ranking.blocks.find((b) => b.code === code) ?? (code === undefined ? undefined : { code, title: { vi: code }, unitTypes: [] });
}
