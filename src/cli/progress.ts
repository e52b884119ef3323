import type { Lang } from "../index.js";
import { formatInteger } from "../index.js";
import type { Io } from "./output.js";

/** The progress line of a long scoring run, on stderr: "đã chấm 1.000/10.000". */
export function scoringProgress(io: Io, lang: Lang): (done: number, total: number) => void {
  return (done, total) => {
    const counts = `${formatInteger(done, lang)}/${formatInteger(total, lang)}`;
    io.stderr(lang === "vi" ? `đã chấm ${counts}\n` : `scored ${counts}\n`);
  };
}
