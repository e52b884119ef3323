import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import assessmentSchema from "../criteria/schema/assessment.schema.json" with { type: "json" };
import criteriaSetSchema from "../criteria/schema/criteria-set.schema.json" with { type: "json" };
import surveyMappingSchema from "../criteria/schema/survey-mapping.schema.json" with { type: "json" };
import { type Problem, problem } from "./problem.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const assessment = ajv.compile(assessmentSchema);
/** One fact or item entry of a round, as the assessment schema describes it (for `checkEntry`). */
const entrySchema = (kind: "facts" | "items") => ajv.getSchema(`${assessmentSchema.$id}#/properties/rounds/items/properties/${kind}/additionalProperties`)!;
const validators = {
  "criteria-set": ajv.compile(criteriaSetSchema),
  assessment,
  "fact-entry": entrySchema("facts"),
  "item-entry": entrySchema("items"),
  "survey-mapping": ajv.compile(surveyMappingSchema),
} satisfies Record<string, ValidateFunction>;

/** Checks a file against one of the JSON Schemas; every error as a plain problem. */
export function checkSchema(json: unknown, schema: keyof typeof validators = "criteria-set"): Problem[] {
  const validate = validators[schema];
  if (validate(json)) return [];
  const errors = (validate.errors ?? []).filter((error) => !NOISE.has(error.keyword));
  const deepest = errors.filter(
    (error) =>
      !(error.keyword === "oneOf" || error.keyword === "anyOf") ||
      !errors.some((other) => other !== error && other.instancePath.startsWith(error.instancePath) && !["oneOf", "anyOf"].includes(other.keyword)),
  );
  const seen = new Set<string>();
  return deepest.flatMap((error) => {
    const converted = toProblem(error);
    const key = `${converted.path}|${converted.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [converted];
  });
}

/** Keywords whose errors only repeat what a more precise error already says. */
const NOISE = new Set(["if", "then", "else", "allOf", "$ref"]);

export function toJsonPath(pointer: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "") || "(file)";
}

function toProblem(error: ErrorObject): Problem {
  const path = toJsonPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return problem("schema", path, `missing required field "${params.missingProperty}"`, `thiếu trường bắt buộc "${params.missingProperty}"`);
    case "additionalProperties":
      return problem(
        "schema",
        `${path === "(file)" ? "" : `${path}.`}${params.additionalProperty}`,
        `unknown field "${params.additionalProperty}": remove it or check its spelling`,
        `trường "${params.additionalProperty}" không được hỗ trợ: xoá hoặc sửa chính tả`,
      );
    case "type":
      return problem("schema", path, `must be of type ${params.type}`, `phải có kiểu ${params.type}`);
    case "enum":
      return problem(
        "schema",
        path,
        `must be one of: ${(params.allowedValues as unknown[]).join(", ")}`,
        `phải là một trong: ${(params.allowedValues as unknown[]).join(", ")}`,
      );
    case "const":
      return problem("schema", path, `must be ${JSON.stringify(params.allowedValue)}`, `phải là ${JSON.stringify(params.allowedValue)}`);
    case "pattern":
      return problem("schema", path, `does not match the expected form ${params.pattern}`, `không đúng định dạng ${params.pattern}`);
    case "minimum":
      return problem("schema", path, `must be ≥ ${params.limit}`, `phải lớn hơn hoặc bằng ${params.limit}`);
    case "maximum":
      return problem("schema", path, `must be ≤ ${params.limit}`, `phải nhỏ hơn hoặc bằng ${params.limit}`);
    case "minItems":
      return problem("schema", path, `must have at least ${params.limit} item(s)`, `phải có ít nhất ${params.limit} phần tử`);
    case "uniqueItems":
      return problem(
        "schema",
        path,
        `must not repeat values (items ${params.j} and ${params.i} are equal)`,
        `không được lặp giá trị (phần tử ${params.j} và ${params.i} trùng nhau)`,
      );
    case "not":
      return problem("schema", path, "must not give both gt and gte, or both lt and lte", "không được ghi đồng thời gt và gte, hoặc lt và lte");
    case "oneOf":
      return problem("schema", path, "does not match any of the allowed forms", "không khớp với dạng nào được phép");
    default:
      return problem("schema", path, error.message ?? "is invalid", `không hợp lệ (${error.keyword})`);
  }
}
