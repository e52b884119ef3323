import {
  ROUND_NAMES,
  type Round,
  type ScoringSheet,
  buildScoringSheet,
  formatEntryVersions,
  parseEntryVersions,
  readSheetHeader,
  readSheetRecords,
  toCsv,
  writeScoringSheetXlsx,
} from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, type EdgeProblem, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { AssessmentService, EntryRef } from "./assessment-service.js";
import { readXlsxBytes } from "./read-xlsx-bytes.js";
import { toApiProblems } from "./to-api-problems.js";
import type { CriteriaService } from "./criteria-service.js";
import type { RankingFile } from "./ranking-formats.js";
import type { ServiceDeps } from "./service-deps.js";

export type SheetFormat = "csv" | "xlsx";

/** What an uploaded sheet saved: entries changed, and entries the file left as stored. */
export interface SheetSaved {
  saved: number;
  unchanged: number;
}

/** The campaign of a sheet page, and the unit when it is one unit's sheet. */
export interface SheetTarget {
  campaign: { id: string; title: string };
  unit?: { code: string; name: string };
}

/** The rounds an upload saves, by who uploads: a scorer's appraisals, a unit's self-assessment and explanations. */
const APPRAISAL_ROUNDS: readonly Round[] = ["appraisal1", "appraisal2"];
const UNIT_ROUNDS: readonly Round[] = ["self", "explanation"];

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UTF8 = new TextEncoder();

/**
 * Scoring sheets to download: a campaign's appraisal sheet (staff: the units submitted, since a
 * draft is neither appraised nor scored) and one unit's scoring sheet
 * (staff, or the unit's own user), as XLSX or CSV, from the stored entries. Both are the layout
 * `par score` and `par rank` read. The columns left open in the XLSX are the rounds the reader enters.
 */
export class SheetService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly assessments: AssessmentService,
  ) {}

  /**
   * What a sheet page shows of its campaign (and unit), for whoever may download and upload that
   * sheet: a scorer the campaign's appraisal sheet (an administrator may download it), the unit's
   * own user or a scorer one unit's scoring sheet.
   */
  async sheetTarget(actor: Actor, campaignId: string, unitCode?: string): Promise<SheetTarget> {
    if (unitCode === undefined) requireRole(actor, "admin", "scorer");
    else {
      requireRole(actor, "unit", "scorer");
      requireUnitAccess(actor, unitCode);
    }
    const campaign = await this.campaign(campaignId);
    const target: SheetTarget = { campaign: { id: campaign.id, title: campaign.title ?? campaign.id } };
    if (unitCode === undefined) return target;
    const [assessment, unit] = await Promise.all([this.deps.store.getAssessment(campaignId, unitCode), this.deps.store.getUnit(unitCode)]);
    if (!assessment || !unit) throw notFound({ en: `unit ${unitCode} in campaign ${campaignId}`, vi: `đơn vị ${unitCode} trong đợt ${campaignId}` });
    return { ...target, unit: { code: unit.code, name: unit.name } };
  }

  async campaignSheet(actor: Actor, campaignId: string, format: SheetFormat): Promise<RankingFile> {
    requireRole(actor, "admin", "scorer");
    const campaign = await this.campaign(campaignId);
    const codes = (await this.deps.store.listAssessments(campaignId)).filter((row) => row.state !== "draft").map((row) => row.unit_code);
    return this.encode(await this.build(campaign, codes), format, actor, `phieu-tham-dinh-${campaignId}`, `Phiếu thẩm định — ${campaign.title ?? campaignId}`);
  }

  async unitSheet(actor: Actor, campaignId: string, unitCode: string, format: SheetFormat): Promise<RankingFile> {
    requireUnitAccess(actor, unitCode);
    const campaign = await this.campaign(campaignId);
    if (!(await this.deps.store.getAssessment(campaignId, unitCode)))
      throw notFound({ en: `unit ${unitCode} in campaign ${campaignId}`, vi: `đơn vị ${unitCode} trong đợt ${campaignId}` });
    return this.encode(await this.build(campaign, [unitCode]), format, actor, `phieu-cham-diem-${campaignId}-${unitCode}`, `Phiếu chấm điểm — ${unitCode}`);
  }

  private async campaign(campaignId: string): Promise<Row<"campaigns">> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign) throw notFound({ en: `campaign ${campaignId}`, vi: `đợt đánh giá ${campaignId}` });
    return campaign;
  }

  private async build(campaign: Row<"campaigns">, codes: string[]): Promise<ScoringSheet> {
    const { store } = this.deps;
    const set = await this.criteria.forCampaign(campaign);
    const only = codes.length === 1 ? codes[0] : undefined;
    const [units, entries, evidence] = await Promise.all([store.listUnits(), store.listEntries(campaign.id, only), store.listEvidence(campaign.id, only)]);
    const unitByCode = new Map(units.map((unit) => [unit.code, unit]));
    const assessments = codes.flatMap((code) => {
      const unit = unitByCode.get(code);
      if (!unit) return [];
      const mine = {
        unit,
        campaign,
        entries: entries.filter((e) => e.unit_code === code),
        evidence: evidence.filter((e) => e.unit_code === code),
        survey: undefined,
      };
      return [assembleAssessment(mine)];
    });
    const versions = new Map<string, Partial<Record<Round, number>>>();
    for (const entry of entries) {
      const key = `${entry.unit_code}\n${entry.code}`;
      versions.set(key, { ...versions.get(key), [entry.round]: entry.version });
    }
    return buildScoringSheet(assessments, set, (unit, name) => formatEntryVersions(versions.get(`${unit}\n${name}`) ?? {}));
  }

  private async encode(sheet: ScoringSheet, format: SheetFormat, actor: Actor, name: string, title: string): Promise<RankingFile> {
    if (format === "csv") {
      const csv = `\uFEFF${toCsv([sheet.header, ...sheet.rows.map((row) => row.cells)])}`;
      return { body: UTF8.encode(csv), contentType: "text/csv; charset=utf-8", fileName: `${name}.csv` };
    }
    const editable = actor.role === "unit" ? (["self", "explanation", "comment", "evidence"] as const) : (["appraisal1", "appraisal2", "comment"] as const);
    return { body: new Uint8Array(await writeScoringSheetXlsx(sheet, { title, editable })), contentType: XLSX, fileName: `${name}.xlsx` };
  }

  /**
   * A campaign's appraisal sheet uploaded back filled in (a scorer): read as the CLI reads sheets
   * (every problem, 422); then every appraisal entry that differs from the stored one is saved, all
   * in one transaction, as the uploader's edits with the file name as the reason. A row whose entry
   * changed since the download (its hidden version cell is not the stored version) is refused and
   * listed (412), and nothing is saved. Nothing is deleted: an emptied cell leaves the entry as it is.
   */
  async uploadCampaignSheet(actor: Actor, campaignId: string, bytes: Uint8Array, fileName: string): Promise<SheetSaved> {
    requireRole(actor, "scorer");
    return this.upload(actor, campaignId, bytes, fileName, APPRAISAL_ROUNDS);
  }

  /**
   * One unit's scoring sheet uploaded back filled in: by the unit's own user (its self-assessment,
   * or in the explanation round its explanations: the rounds the unit enters) or by a scorer (the
   * appraisal rounds), read and saved as `uploadCampaignSheet` does. Every row must be this unit's.
   */
  async uploadUnitSheet(actor: Actor, campaignId: string, unitCode: string, bytes: Uint8Array, fileName: string): Promise<SheetSaved> {
    requireRole(actor, "unit", "scorer");
    requireUnitAccess(actor, unitCode);
    if (!(await this.deps.store.getAssessment(campaignId, unitCode)))
      throw notFound({ en: `unit ${unitCode} in campaign ${campaignId}`, vi: `đơn vị ${unitCode} trong đợt ${campaignId}` });
    return this.upload(actor, campaignId, bytes, fileName, actor.role === "unit" ? UNIT_ROUNDS : APPRAISAL_ROUNDS, unitCode);
  }

  private async upload(
    actor: Actor,
    campaignId: string,
    bytes: Uint8Array,
    fileName: string,
    rounds: readonly Round[],
    onlyUnit?: string,
  ): Promise<SheetSaved> {
    const campaign = await this.campaign(campaignId);
    const set = await this.criteria.forCampaign(campaign);
    const workbook = await readXlsxBytes(bytes, fileName);
    if (!workbook.ok) throw invalidSheet(fileName, [workbook.problem]);
    const read = readSheetRecords(workbook.records, { fileName, criteria: set, year: campaign.year, decimalComma: true });
    if (!read.ok) throw invalidSheet(fileName, toApiProblems(read.problems));
    const rows = rowVersions(workbook.records, fileName);
    if (rows.problems.length > 0) throw invalidSheet(fileName, rows.problems);
    const others = onlyUnit === undefined ? [] : read.value.filter((assessment) => assessment.unit.code !== onlyUnit);
    if (others.length > 0)
      throw invalidSheet(
        fileName,
        others.map((assessment) => ({
          code: "wrong-unit",
          path: fileName,
          message: `the sheet has rows of unit ${assessment.unit.code}; this is the sheet of ${onlyUnit}: upload only your unit's sheet`,
          vi: `phiếu có dòng của đơn vị ${assessment.unit.code}; đây là phiếu của ${onlyUnit}: chỉ tải lên phiếu của đơn vị mình`,
        })),
      );
    return this.deps.store.transaction(async (store) => {
      const saves: { ref: EntryRef; value: unknown; version: number; place: string }[] = [];
      const stale: EdgeProblem[] = [];
      let unchanged = 0;
      for (const assessment of read.value) {
        const unitCode = assessment.unit.code;
        const stored = await store.listEntries(campaignId, unitCode);
        for (const round of assessment.rounds) {
          if (!rounds.includes(round.round)) continue;
          const entries = [
            ...Object.entries(round.items ?? {}).map(([code, input]) => ({ kind: "item" as const, code, value: input as unknown })),
            ...Object.entries(round.facts ?? {}).map(([code, input]) => ({ kind: "fact" as const, code, value: factBody(input) })),
          ];
          for (const { kind, code, value: uploaded } of entries) {
            const current = stored.find((e) => e.round === round.round && e.kind === kind && e.code === code);
            const value = withStoredComment(
              withoutInheritedComment(
                uploaded,
                current,
                stored.filter((e) => e.round !== round.round && e.kind === kind && e.code === code),
              ),
              current,
            );
            // A fact is stored bare (40) or as { value: 40 }: the same fact either way.
            const storedValue: unknown = current ? JSON.parse(current.value) : undefined;
            if (current && canonical(kind === "fact" ? factBody(storedValue) : storedValue) === canonical(value)) {
              unchanged += 1;
              continue;
            }
            const row = rows.byKey.get(`${unitCode}\n${code}`);
            const version = row?.versions[round.round] ?? 0;
            if ((current?.version ?? 0) !== version) {
              const place = `${fileName}:${row?.row ?? 1}:${round.round}`;
              stale.push({
                code: "stale-row",
                path: place,
                message: `${unitCode} ${code} (${round.round}) was changed by ${current?.updated_by ?? "someone"} after this sheet was downloaded: download the sheet again and re-enter this row`,
                vi: `${unitCode} ${code} (vòng ${round.round}) đã được ${current?.updated_by ?? "người khác"} sửa sau khi tải phiếu này về: hãy tải phiếu mới và nhập lại dòng này`,
              });
              continue;
            }
            saves.push({
              ref: { campaignId, unitCode, round: round.round, kind, code },
              value,
              version,
              place: `${fileName}:${row?.row ?? 1}:${ROUND_NAMES[round.round].vi}`,
            });
          }
        }
      }
      if (stale.length > 0) {
        throw new ApiError(
          "version-mismatch",
          {
            en: `${stale.length} row(s) of ${fileName} changed since the download; nothing was saved`,
            vi: `${stale.length} dòng của ${fileName} đã thay đổi sau khi tải về; chưa lưu gì`,
          },
          { problems: stale },
        );
      }
      // A value the sheet reader accepts but the item refuses (7 points out of 1.5): the service's problem, placed at its row and column.
      const refused: EdgeProblem[] = [];
      for (const { ref, value, version, place } of saves) {
        try {
          await this.assessments.saveEntry(actor, ref, value, version, `tải lên tệp ${fileName}`, store as Store);
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== "invalid-input") throw error;
          for (const p of error.details.problems ?? [{ code: "invalid-input", path: "", message: error.text.en, vi: error.text.vi }])
            refused.push({
              code: p.code ?? "invalid-input",
              path: place,
              message: `${ref.unitCode} ${ref.code}: ${p.message}`,
              vi: `${ref.unitCode} ${ref.code}: ${p.vi ?? p.message}`,
            });
        }
      }
      if (refused.length > 0) throw invalidSheet(fileName, refused);
      return { saved: saves.length, unchanged };
    });
  }
}

function invalidSheet(fileName: string, problems: EdgeProblem[]): ApiError {
  return new ApiError(
    "invalid-input",
    { en: `${fileName} has ${problems.length} problem(s); nothing was saved`, vi: `${fileName} có ${problems.length} lỗi; chưa lưu gì` },
    { problems },
  );
}

/**
 * The sheet has one comment cell per row, read onto the last round with a value: a comment of
 * another round (the unit's, shown in the download) is not the scorer's, so it is not saved
 * with the appraisal unless the appraisal already had it.
 */
function withoutInheritedComment(value: unknown, current: Row<"entries"> | undefined, others: Row<"entries">[]): unknown {
  if (value === null || typeof value !== "object" || !("comment" in value)) return value;
  const comment = (value as { comment?: unknown }).comment;
  const kept = current ? (JSON.parse(current.value) as { comment?: unknown }).comment : undefined;
  const elsewhere = others.some((e) => {
    const other = JSON.parse(e.value) as { comment?: unknown; reason?: unknown };
    return other.comment === comment || other.reason === comment;
  });
  if (comment === kept || !elsewhere) return value;
  const { comment: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * The sheet shows one comment per row, the last round's: an earlier round's comment (round 1's, once
 * round 2 has a value) is not in the file, so an upload without a comment keeps the stored one, as an
 * emptied cell leaves an entry as it is. Without this, every unit appraised in two rounds would look
 * changed and its finalised rows would be refused.
 */
function withStoredComment(value: unknown, current: Row<"entries"> | undefined): unknown {
  if (!current || value === null || typeof value !== "object" || Array.isArray(value) || "comment" in value) return value;
  const stored = (JSON.parse(current.value) as { comment?: unknown }).comment;
  return stored === undefined ? value : { ...value, comment: stored };
}

/** A fact as the API stores it: `{ value, comment?, evidence? }`. */
function factBody(input: unknown): unknown {
  return input !== null && typeof input === "object" && !Array.isArray(input) ? input : { value: input };
}

/** JSON with keys in order, to compare a stored value with an uploaded one. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Each unit-and-item row's hidden versions (by "unit\nitem"), with its row number. */
function rowVersions(
  records: string[][],
  fileName: string,
): { byKey: Map<string, { row: number; versions: Partial<Record<Round, number>> }>; problems: EdgeProblem[] } {
  const [headerCells = [], ...body] = records;
  const header = readSheetHeader(headerCells, fileName);
  const versionAt = headerCells.findIndex((cell) => ["version", "phien_ban", "phiên bản"].includes(cell.trim().toLowerCase()));
  const byKey = new Map<string, { row: number; versions: Partial<Record<Round, number>> }>();
  const problems: EdgeProblem[] = [];
  const { unit, item } = header.columns;
  body.forEach((cells, index) => {
    const row = index + 2;
    const text = versionAt === -1 ? "" : (cells[versionAt] ?? "");
    const versions = parseEntryVersions(text);
    if (!versions) {
      problems.push({
        code: "parse",
        path: `${fileName}:${row}:Phiên bản`,
        message: `the hidden version cell "${text}" was changed: download the sheet again`,
        vi: `ô phiên bản ẩn "${text}" đã bị sửa: hãy tải phiếu mới`,
      });
      return;
    }
    if (unit !== undefined && item !== undefined) byKey.set(`${(cells[unit] ?? "").trim()}\n${(cells[item] ?? "").trim()}`, { row, versions });
  });
  return { byKey, problems };
}
