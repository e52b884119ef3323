import { join, relative } from "node:path";
import { formatRankingTable } from "../../io/format-ranking.js";
import { annexToDataCsvRows, buildAnnex, rankUnits } from "../../index.js";
import type { CriteriaSet, Ranking } from "../../index.js";
import { EXIT, problemsError } from "../cli-error.js";
import { OUT_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { type Format, emit, formatWarnings, render } from "../output.js";
import { packageRoot } from "../../files/package-root.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

/** The demo's years, each with its criteria version and its sheet of assessments. */
const YEARS = [
  {
    year: 2025,
    criteria: "criteria/reference-commune/2025.1.json",
    sheet: "criteria/examples/demo-province/assessments-2025.csv",
    survey: "criteria/examples/demo-province/survey-2025.csv",
  },
  {
    year: 2026,
    criteria: "criteria/reference-commune/2026.1.json",
    sheet: "criteria/examples/demo-province/assessments-2026.csv",
    survey: "criteria/examples/demo-province/survey-2026.csv",
  },
];

export const demoCommand = defineCommand({
  meta: {
    name: "demo",
    description: {
      vi: "chấm và xếp hạng tỉnh mẫu (criteria/examples/demo-province): năm 2025 theo bộ tiêu chí 2025.1, rồi năm 2026 theo 2026.1 kèm thay đổi so với 2025",
      en: "scores and ranks the demo province (criteria/examples/demo-province): 2025 under the reference set 2025.1, then 2026 under 2026.1 with the change since 2025",
    },
    example: "par demo --lang en",
  },
  args: {
    format: formatArg(["table", "json", "csv"], "table"),
    out: OUT_ARG,
  },
  async run({ args, lang, io }) {
    const root = packageRoot();
    let previous: Ranking | undefined;
    let lastSet: CriteriaSet | undefined;
    for (const { year, criteria, sheet, survey } of YEARS) {
      const set = readCriteriaSet(join(root, criteria));
      const reports = scoreInputs(
        set,
        await readUnitInputs([join(root, sheet)], set, year, join(root, survey), (file, warnings) => io.stderr(formatWarnings(file, warnings, lang))),
      );
      const ranked = rankUnits(set, reports, previous);
      if (!ranked.ok) {
        throw problemsError(
          { vi: `không xếp hạng được các đơn vị mẫu năm ${year}`, en: `the demo units of ${year} cannot be ranked` },
          relative(root, sheet),
          ranked.problems,
        );
      }
      const path = relative(process.cwd(), join(root, sheet));
      const setName = `${set.family} ${set.version}`;
      io.stderr(
        lang === "vi"
          ? `Năm ${year}: đã chấm ${reports.length} đơn vị theo bộ tiêu chí ${setName} (${path})\n`
          : `${year}: ${reports.length} units scored with ${setName} (${path})\n`,
      );
      previous = ranked.value;
      lastSet = set;
    }
    const ranking = previous!;
    const format = args.format as Format;
    const text = render(format, {
      json: () => ranking,
      csv: () => annexToDataCsvRows(buildAnnex(ranking, lastSet!)),
      table: () => formatRankingTable(ranking, lang, lastSet),
    });
    emit(io, text, args.out, format, lang);
    return EXIT.ok;
  },
});
