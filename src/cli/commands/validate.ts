import { loadCriteriaSet } from "../../index.js";
import type { CriteriaSet } from "../../index.js";
import { listLeaves } from "../../index.js";
import { SET_STATUS_NAMES, nameIn, term } from "../../index.js";
import type { Lang } from "../../index.js";
import { formatNumberIn } from "../../io/format-number.js";
import type { Problem } from "../../index.js";
import { loadSurveyMapping } from "../../index.js";
import { type SurveyMapping, SURVEY_MAPPING_FORMAT } from "../../index.js";
import { CliError, EXIT } from "../cli-error.js";
import { OUT_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { emit, formatProblems } from "../output.js";
import { shippedCriteriaPath } from "../../files/package-root.js";
import { readCriteriaSet, readJson } from "../read-inputs.js";

interface Checked {
  kind: "criteria" | "survey-mapping";
  problems: Problem[];
  summary: string;
}

export const validateCommand = defineCommand({
  meta: {
    name: "validate",
    description: {
      vi: `kiểm tra bộ tiêu chí và bảng ánh xạ phiếu điều tra ("${SURVEY_MAPPING_FORMAT}"), liệt kê mọi lỗi kèm đường dẫn JSON; thoát 0 nếu tất cả hợp lệ, 1 nếu không`,
      en: `checks criteria sets and survey instrument mappings ("${SURVEY_MAPPING_FORMAT}") and lists every problem with its JSON path; exit 0 if all are valid, 1 if not`,
    },
    example: "par validate criteria/reference-commune/2026.1.json criteria/survey/reference-sipas/2026.1.json",
  },
  args: {
    files: {
      type: "positional",
      name: { vi: "tệp.json", en: "file.json" },
      description: { vi: "bộ tiêu chí hoặc bảng ánh xạ phiếu điều tra cần kiểm tra", en: "criteria sets or survey mappings to check" },
      required: true,
      variadic: true,
      mustExist: true,
    },
    criteria: {
      type: "string",
      valueHint: { vi: "bộ-tiêu-chí.json", en: "set.json" },
      description: {
        vi: "bộ tiêu chí để đối chiếu bảng ánh xạ (nếu không: bộ có sẵn criteria/<họ>/<phiên bản>.json mà bảng ánh xạ ghi)",
        en: "the set to check a mapping against (else the shipped criteria/<family>/<version>.json it names)",
      },
      mustExist: true,
    },
    format: formatArg(["table", "json"], "table"),
    out: OUT_ARG,
  },
  run({ args, lang, io }) {
    const criteria = args.criteria ? readCriteriaSet(args.criteria) : undefined;
    const results = args.files.map((file) => {
      let checked: Checked;
      try {
        const json = readJson(file);
        checked = isSurveyMapping(json) ? checkSurveyMapping(json, criteria, lang) : checkCriteriaSet(json, lang);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        const problems = error.problems.flatMap((p) => p.problems);
        if (problems.length === 0) throw error;
        checked = { kind: "criteria", problems, summary: "" };
      }
      return { file, kind: checked.kind, ok: checked.problems.length === 0, summary: checked.summary, problems: checked.problems };
    });
    const text =
      args.format === "json"
        ? `${JSON.stringify(results, null, 2)}\n`
        : results.map((r) => (r.ok ? `✓ ${r.file}: ${r.summary}\n` : formatProblems(r.file, r.problems, lang))).join("");
    emit(io, text, args.out, args.format === "json" ? "json" : "table", lang);
    return results.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
  },
});

function checkCriteriaSet(json: unknown, lang: Lang): Checked {
  const loaded = loadCriteriaSet(json);
  if (!loaded.ok) return { kind: "criteria", problems: loaded.problems, summary: "" };
  const set = loaded.value;
  const status = nameIn(SET_STATUS_NAMES, set.status, lang);
  const [areas, items, points] = [set.areas.length, listLeaves(set).length, formatNumberIn(set.totalMax, lang)];
  const summary =
    lang === "vi"
      ? `${set.family} ${set.version} (${status}): ${areas} lĩnh vực, ${items} tiêu chí, ${points} điểm`
      : `${set.family} ${set.version} (${status}): ${areas} areas, ${items} items, ${points} points`;
  return { kind: "criteria", problems: [], summary };
}

/** A mapping is checked against `--criteria`, or the shipped set it names; without either its indicators are left unchecked (said in the summary). */
function checkSurveyMapping(json: { criteria?: unknown }, given: CriteriaSet | undefined, lang: Lang): Checked {
  const named = json.criteria as { family?: unknown; version?: unknown } | undefined;
  const shipped = given ? null : shippedCriteriaPath(named);
  const criteria = given ?? (shipped ? readCriteriaSet(shipped) : undefined);
  const loaded = loadSurveyMapping(json, criteria);
  if (!loaded.ok) return { kind: "survey-mapping", problems: loaded.problems, summary: "" };
  const mapping: SurveyMapping = loaded.value;
  const target = `${mapping.criteria.family} ${mapping.criteria.version}`;
  const status = nameIn(SET_STATUS_NAMES, mapping.status, lang);
  const [questions, groups, indicators] = [mapping.questions.length, Object.keys(mapping.groups).length, Object.keys(mapping.indicators).length];
  const summary =
    lang === "vi"
      ? `${term("surveyMapping", "vi")} ${mapping.id} ${mapping.version} (${status}): ${questions} câu hỏi trong ${groups} nhóm, ${indicators} chỉ tiêu; ${
          criteria ? `dùng cho ${target}` : `chưa đối chiếu chỉ tiêu: không có sẵn bộ tiêu chí ${target} (dùng --criteria <bộ-tiêu-chí.json>)`
        }`
      : `survey mapping ${mapping.id} ${mapping.version} (${status}): ${questions} questions in ${groups} groups, ${indicators} indicators; ${
          criteria ? `feeds ${target}` : `indicators not checked: ${target} is not shipped (give --criteria <set.json>)`
        }`;
  return { kind: "survey-mapping", problems: [], summary };
}

/** Any `format` starting "par-survey-mapping" is read as a mapping, so a wrong version is reported by the mapping's schema. */
function isSurveyMapping(json: unknown): json is { format: string; criteria?: unknown } {
  return (
    json !== null &&
    typeof json === "object" &&
    typeof (json as { format?: unknown }).format === "string" &&
    (json as { format: string }).format.startsWith("par-survey-mapping")
  );
}
