import { type Checked, type Problem, problem } from "../../problem.js";
import type { SurveyUnit } from "../../survey/types.js";
import { firstLine, sniffDelimiter } from "../csv.js";
import { parseNumber, parseUnitType } from "../parse-cell.js";
import { parseCsvRecords } from "../parse-csv-records.js";
import { extraCells, truncatedLastRow } from "../row-shape.js";

const COLUMNS = { unit: ["unit", "code", "ma_don_vi"], name: ["unit_name", "name"], type: ["unit_type", "type"], population: ["population", "dossiers", "n"] };

/**
 * The units a survey may name, as a CSV: `unit` (code), `unit_name`, `unit_type`, and
 * `population` (N, the dossiers of the period, for the sample size n = N / (1 + N·e²)).
 */
export function readSurveyUnits(text: string, fileName: string): Checked<SurveyUnit[]> {
  const content = text.replace(/^\uFEFF/, "").normalize("NFC");
  const delimiter = sniffDelimiter(firstLine(content));
  const records = parseCsvRecords(content, delimiter, fileName);
  if (!records.ok) return records;
  const [header = [], ...rows] = records.value;
  const names = header.map((cell) => cell.trim().toLowerCase());
  const column = (key: keyof typeof COLUMNS) => names.findIndex((name) => COLUMNS[key].includes(name));
  const at = { unit: column("unit"), name: column("name"), type: column("type"), population: column("population") };
  if (at.unit === -1)
    return {
      ok: false,
      problems: [
        problem("missing-column", `${fileName}:1`, 'the units list has no "unit" column (the unit code)', 'danh sách đơn vị thiếu cột "unit" (mã đơn vị)'),
      ],
    };
  const problems: Problem[] = [];
  const cut = truncatedLastRow(records.value, content, fileName);
  if (cut) problems.push(cut);
  const units: SurveyUnit[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, r) => {
    const row = r + 2;
    const shifted = extraCells(cells, header.length, row, fileName);
    if (shifted) {
      problems.push(shifted);
      return;
    }
    const cell = (i: number) => (i === -1 ? "" : (cells[i] ?? "").trim());
    const code = cell(at.unit);
    if (code === "") return;
    if (seen.has(code)) {
      problems.push(
        problem(
          "duplicate-code",
          `${fileName}:${row}:unit`,
          `unit ${code} is listed twice: keep one row`,
          `đơn vị ${code} bị liệt kê hai lần: chỉ giữ một dòng`,
        ),
      );
      return;
    }
    seen.add(code);
    const unit: SurveyUnit = { code };
    if (cell(at.name) !== "") unit.name = cell(at.name);
    if (cell(at.type) !== "") {
      const type = parseUnitType(cell(at.type));
      if (type.ok) unit.type = type.value;
      else problems.push(problem("parse", `${fileName}:${row}:${header[at.type]}`, type.message, type.vi));
    }
    if (cell(at.population) !== "") {
      const population = parseNumber(cell(at.population), delimiter !== ",");
      if (population.ok && Number.isInteger(population.value) && population.value >= 0) unit.population = population.value;
      else
        problems.push(
          problem(
            "parse",
            `${fileName}:${row}:${header[at.population]}`,
            `"${cell(at.population)}" is not a count of dossiers: write a whole number such as 226`,
            `"${cell(at.population)}" không phải số hồ sơ: hãy ghi số nguyên, ví dụ 226`,
          ),
        );
    }
    units.push(unit);
  });
  return problems.length === 0 ? { ok: true, value: units } : { ok: false, problems };
}
