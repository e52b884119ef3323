import { diffCriteriaSets } from "../../index.js";
import { EXIT } from "../cli-error.js";
import { OUT_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { formatDiff } from "../format-diff.js";
import { emit } from "../output.js";
import { readCriteriaSet } from "../read-inputs.js";

export const diffCommand = defineCommand({
  meta: {
    name: "diff",
    description: {
      vi: "những gì thay đổi giữa hai phiên bản bộ tiêu chí: tiêu chí thêm, bãi bỏ, di chuyển, đổi điểm, đổi cách chấm",
      en: "what changed between two criteria versions: items added, removed, moved, points and rules changed",
    },
    example: "par diff criteria/reference-commune/2025.1.json criteria/reference-commune/2026.1.json",
  },
  args: {
    older: {
      type: "positional",
      name: { vi: "bản-cũ.json", en: "older.json" },
      description: { vi: "phiên bản cũ", en: "the older version" },
      required: true,
      mustExist: true,
    },
    newer: {
      type: "positional",
      name: { vi: "bản-mới.json", en: "newer.json" },
      description: { vi: "phiên bản mới", en: "the newer version" },
      required: true,
      mustExist: true,
    },
    format: formatArg(["table", "json"], "table"),
    out: OUT_ARG,
  },
  run({ args, lang, io }) {
    const changes = diffCriteriaSets(readCriteriaSet(args.older), readCriteriaSet(args.newer));
    const json = args.format === "json";
    emit(io, json ? `${JSON.stringify(changes, null, 2)}\n` : formatDiff(changes, lang), args.out, json ? "json" : "table", lang);
    return EXIT.ok;
  },
});
