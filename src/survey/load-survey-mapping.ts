import { checkSchema } from "../check-schema.js";
import type { CriteriaSet } from "../criteria/types.js";
import { nearestName } from "../text/nearest-name.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { normaliseText } from "../text/normalise-text.js";
import { type SurveyMapping, isSelectMany } from "./types.js";

/**
 * Checks a parsed mapping file and reports every problem at once, with JSON paths: the schema,
 * then the meaning (groups, scales, questions and indicators that exist; no header or answer
 * claimed twice) and, given the criteria set, that every survey indicator of the set is fed.
 */
export function loadSurveyMapping(json: unknown, criteria?: CriteriaSet): Checked<SurveyMapping> {
  const problems: Problem[] = checkSchema(json, "survey-mapping");
  const mapping = json as SurveyMapping;
  try {
    problems.push(...checkMapping(mapping), ...(criteria ? checkAgainstCriteria(mapping, criteria) : []));
  } catch (error) {
    if (problems.length === 0) throw error;
  }
  return problems.length === 0 ? { ok: true, value: mapping } : { ok: false, problems };
}

function checkMapping(mapping: SurveyMapping): Problem[] {
  const problems: Problem[] = [];
  const groups = Object.keys(mapping.groups);
  const scales = Object.keys(mapping.scales);
  const unknownGroup = (group: string, path: string) => {
    if (groups.includes(group)) return;
    const near = nearestName(group, groups);
    problems.push(
      problem(
        "unknown-group",
        path,
        `group "${group}" is not declared in "groups"${near ? ` (did you mean "${near}"?)` : ""}`,
        `nhóm "${group}" chưa được khai báo trong "groups"${near ? ` (có phải "${near}"?)` : ""}`,
      ),
    );
  };

  for (const [name, scale] of Object.entries(mapping.scales)) {
    const seen = new Map<string, string>();
    const claim = (word: string, path: string) => {
      const key = normaliseText(word);
      const earlier = seen.get(key);
      if (earlier) {
        problems.push(
          problem(
            "scale-invalid",
            path,
            `answer "${word}" is already listed at ${earlier}: an answer may mean one thing only`,
            `câu trả lời "${word}" đã có ở ${earlier}: mỗi câu trả lời chỉ có một nghĩa`,
          ),
        );
      } else seen.set(key, path);
    };
    scale.answers.forEach((answer, i) => answer.match.forEach((word, j) => claim(word, `scales.${name}.answers[${i}].match[${j}]`)));
    scale.excluded.forEach((word, j) => claim(word, `scales.${name}.excluded[${j}]`));
    const values = scale.answers.map((answer) => answer.value);
    if (!values.some((value) => value >= scale.satisfiedFrom) || !values.some((value) => value < scale.satisfiedFrom)) {
      problems.push(
        problem(
          "scale-invalid",
          `scales.${name}.satisfiedFrom`,
          `satisfiedFrom ${scale.satisfiedFrom} must split the answers (values ${values.join(", ")}) into satisfied and not satisfied`,
          `satisfiedFrom ${scale.satisfiedFrom} phải chia các giá trị (${values.join(", ")}) thành hài lòng và chưa hài lòng`,
        ),
      );
    }
  }

  const headerOwners = new Map<string, string>();
  const claimHeaders = (headers: string[], path: string) =>
    headers.forEach((header, j) => {
      const key = normaliseText(header);
      const earlier = headerOwners.get(key);
      if (earlier) {
        problems.push(
          problem(
            "duplicate-code",
            `${path}.headers[${j}]`,
            `header "${header}" is already claimed by ${earlier}: a column can hold one thing only`,
            `tiêu đề cột "${header}" đã dùng cho ${earlier}: mỗi cột chỉ chứa một nội dung`,
          ),
        );
      } else headerOwners.set(key, path);
    });
  for (const [name, column] of Object.entries(mapping.columns)) if (column) claimHeaders(column.headers, `columns.${name}`);

  const codes = new Map<string, number>();
  mapping.questions.forEach((question, i) => {
    const path = `questions[${i}]`;
    if (codes.has(question.code)) {
      problems.push(
        problem(
          "duplicate-code",
          `${path}.code`,
          `question code "${question.code}" is used twice (also questions[${codes.get(question.code)}])`,
          `mã câu hỏi "${question.code}" bị trùng (cũng ở questions[${codes.get(question.code)}])`,
        ),
      );
    } else codes.set(question.code, i);
    unknownGroup(question.group, `${path}.group`);
    claimHeaders(question.headers, path);
    if (isSelectMany(question)) {
      const options = question.select.options.map((option) => option.code);
      options.forEach((code, j) => {
        if (options.indexOf(code) !== j)
          problems.push(
            problem("duplicate-code", `${path}.select.options[${j}].code`, `option "${code}" is listed twice`, `lựa chọn "${code}" bị liệt kê hai lần`),
          );
      });
    } else if (!scales.includes(question.scale)) {
      const near = nearestName(question.scale, scales);
      problems.push(
        problem(
          "unknown-scale",
          `${path}.scale`,
          `scale "${question.scale}" is not declared in "scales"${near ? ` (did you mean "${near}"?)` : ""}`,
          `thang đo "${question.scale}" chưa được khai báo trong "scales"${near ? ` (có phải "${near}"?)` : ""}`,
        ),
      );
    }
  });
  mapping.overall.groups.forEach((group, i) => unknownGroup(group, `overall.groups[${i}]`));

  for (const [indicator, source] of Object.entries(mapping.indicators)) {
    const path = `indicators.${indicator}`;
    if (source.startsWith("group:")) unknownGroup(source.slice("group:".length), path);
    if (source.startsWith("question:")) {
      const code = source.slice("question:".length);
      const question = mapping.questions.find((q) => q.code === code);
      if (!question || isSelectMany(question)) {
        const near = nearestName(code, [...codes.keys()]);
        problems.push(
          problem(
            "unknown-question",
            path,
            `"${code}" is not a scale question of this mapping${near ? ` (did you mean "${near}"?)` : ""}: an indicator reads a scale question, a group or "overall"`,
            `"${code}" không phải câu hỏi có thang đo trong bảng ánh xạ${near ? ` (có phải "${near}"?)` : ""}: chỉ số đọc một câu hỏi có thang đo, một nhóm hoặc "overall"`,
          ),
        );
      }
    }
  }
  return problems;
}

function checkAgainstCriteria(mapping: SurveyMapping, criteria: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  if (mapping.criteria.family !== criteria.family || mapping.criteria.version !== criteria.version) {
    problems.push(
      problem(
        "criteria-mismatch",
        "criteria",
        `the mapping is for ${mapping.criteria.family} ${mapping.criteria.version}, not ${criteria.family} ${criteria.version}: use the mapping made for this criteria set`,
        `bảng ánh xạ dành cho bộ tiêu chí ${mapping.criteria.family} ${mapping.criteria.version}, không phải ${criteria.family} ${criteria.version}: hãy dùng bảng ánh xạ của bộ tiêu chí này`,
      ),
    );
  }
  const declared = Object.keys(criteria.survey?.indicators ?? {});
  for (const indicator of Object.keys(mapping.indicators)) {
    if (declared.includes(indicator)) continue;
    const near = nearestName(indicator, declared);
    problems.push(
      problem(
        "unknown-indicator",
        `indicators.${indicator}`,
        `"${indicator}" is not a survey indicator of ${criteria.family} ${criteria.version}${near ? ` (did you mean "${near}"?)` : ""}; declared: ${declared.join(", ") || "none"}`,
        `"${indicator}" không phải chỉ số điều tra xã hội học của bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}; các chỉ số: ${declared.join(", ") || "không có"}`,
      ),
    );
  }
  for (const indicator of declared) {
    if (indicator in mapping.indicators) continue;
    problems.push(
      problem(
        "unknown-indicator",
        "indicators",
        `survey indicator "${indicator}" of the criteria set is not fed by any question or group: map it`,
        `chỉ số điều tra xã hội học "${indicator}" của bộ tiêu chí chưa được ánh xạ tới câu hỏi hay nhóm nào`,
      ),
    );
  }
  return problems;
}
