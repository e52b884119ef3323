/**
 * How a class band looks on a page: bands are data (a set may have three or six), so the look
 * follows the band's position in the set's list, best first. Each has a colour with at least
 * 4.5:1 contrast on white and a fill pattern, so a chart never tells classes apart by colour
 * alone (and prints legibly in black and white); the class name is always written beside it too.
 */
export interface ClassStyle {
  /** The CSS class of the tag (`.tag.class-excellent`…, in styles.ts). */
  tag: string;
  colour: string;
  pattern: "solid" | "diagonal" | "dots" | "cross" | "horizontal";
}

const STYLES: ClassStyle[] = [
  { tag: "class-excellent", colour: "#00703c", pattern: "solid" },
  { tag: "class-good", colour: "#1d70b8", pattern: "diagonal" },
  { tag: "class-fair", colour: "#8a4b00", pattern: "dots" },
  { tag: "class-average", colour: "#6f4a9e", pattern: "cross" },
  { tag: "class-weak", colour: "#b10e1e", pattern: "horizontal" },
];

/** The style of the band at `position` in the set's class list (bands past the fifth look like the last). */
export function classStyle(position: number): ClassStyle {
  return STYLES[Math.max(0, Math.min(position, STYLES.length - 1))]!;
}

/** Neither a band nor a class (a unit ranked without a class). */
export const NO_CLASS: ClassStyle = { tag: "class-none", colour: "#484949", pattern: "solid" };

/** Bars that are not about a class (a unit's sub-index per area). */
export const NEUTRAL: ClassStyle = { tag: "", colour: "#0b4f8a", pattern: "solid" };
