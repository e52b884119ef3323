import { randomBytes } from "node:crypto";
import {
  type CriteriaSet,
  type SurveyImportResult,
  type SurveyMapping,
  type SurveyUnit,
  loadSurveyMapping,
  nearestName,
  readSurveyReport,
  readSurveyUnits,
} from "../../src/index.js";
import { importSurveyBytes, listShippedSurveyMappings } from "../../src/files/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError, type ApiProblem, type EdgeProblem, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import type { CampaignService } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import type { ServiceDeps } from "./service-deps.js";
import type { SurveyService } from "./survey-service.js";
import { toApiProblems } from "./to-api-problems.js";

/** How long a checked export waits for "apply" before it must be uploaded again. */
export const SURVEY_IMPORT_HOURS = 24;

/** A raw survey export as uploaded, with its instrument mapping and (optionally) the units list giving each unit's N. */
export interface SurveyUpload {
  fileName: string;
  bytes: Uint8Array;
  /** A shipped mapping by `<id>/<version>` (criteria/survey/), or an uploaded mapping file's text. */
  mapping: { ref: string } | { bytes: Uint8Array; fileName: string };
  /** CSV `unit,population` (and optionally unit_name, unit_type): the sample-size check needs N per unit. */
  units?: { bytes: Uint8Array; fileName: string } | undefined;
}

/** A checked export awaiting "apply": the engine's results and data-quality report, and the units that would refuse it. */
export interface PendingSurveyImport {
  id: string;
  campaignId: string;
  fileName: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  result: SurveyImportResult;
  /** Units of the export whose survey can no longer change (finalised): applying is refused while any is listed. */
  blocked: EdgeProblem[];
}

/** A mapping offered for a campaign: shipped, for the campaign's criteria set. */
export interface MappingChoice {
  ref: string;
  title: { vi: string; en: string };
}

/**
 * Raw survey exports (KoboToolbox/ODK, LimeSurvey, Google Forms CSV, XLSX) imported in two steps, exactly as `par survey
 * import` reads them: "preview" runs the engine over the upload and keeps its results and data-quality report in the
 * database (not the file, not process memory, so "apply" may reach another API process) until applied or expired; "apply"
 * takes the pending import once and saves every unit's results all or nothing, audited.
 */
export class SurveyImportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly campaigns: CampaignService,
    private readonly surveys: SurveyService,
    private readonly shipped = listShippedSurveyMappings,
  ) {}

  /** The shipped mappings made for the campaign's criteria set. */
  async mappings(actor: Actor, campaignId: string): Promise<MappingChoice[]> {
    requireRole(actor, "admin", "scorer");
    const campaign = await this.campaigns.requireOpen(campaignId);
    return this.shipped()
      .map(({ ref, json }) => ({ ref, mapping: json as Partial<SurveyMapping> }))
      .filter(({ mapping }) => mapping.criteria?.family === campaign.criteria_family && mapping.criteria?.version === campaign.criteria_version)
      .map(({ ref, mapping }) => ({ ref, title: { vi: mapping.title?.vi ?? ref, en: mapping.title?.en ?? ref } }));
  }

  async preview(actor: Actor, campaignId: string, upload: SurveyUpload): Promise<PendingSurveyImport> {
    requireRole(actor, "admin", "scorer");
    const { store } = this.deps;
    const campaign = await this.campaigns.requireOpen(campaignId);
    const set = await this.criteria.forCampaign(campaign);
    const mapping = this.resolveMapping(upload.mapping, set);
    const units = await this.campaignUnits(campaignId, upload.units);
    const imported = await importSurveyBytes(upload.bytes, { mapping, criteria: set, units, fileName: upload.fileName });
    if (!imported.ok) throw invalid(upload.fileName, toApiProblems(imported.problems));
    const now = this.deps.now();
    await store.deleteExpiredSurveyImports(now.toISOString());
    const row: Row<"survey_imports"> = {
      id: randomBytes(12).toString("base64url"),
      campaign_id: campaignId,
      file_name: upload.fileName,
      result: JSON.stringify(imported.value),
      created_by: actor.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SURVEY_IMPORT_HOURS * 3_600_000).toISOString(),
    };
    await store.insertSurveyImport(row);
    return this.view(row);
  }

  /** A pending import of the campaign (any process may show it), with the units that would refuse it now. */
  async get(actor: Actor, campaignId: string, id: string): Promise<PendingSurveyImport> {
    requireRole(actor, "admin", "scorer");
    return this.view(await this.pending(campaignId, id));
  }

  /** Saves every unit's results of a pending import, all or nothing; the import is used up (a second apply is 404). */
  async apply(actor: Actor, campaignId: string, id: string, reason?: string): Promise<{ units: number; fileName: string }> {
    requireRole(actor, "admin", "scorer");
    return this.deps.store.transaction(async (store) => {
      const row = await this.pending(campaignId, id, store);
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const set = await this.criteria.forCampaign(campaign, store);
      const read = readSurveyReport(JSON.parse(row.result), { fileName: row.file_name, criteria: set });
      if (!read.ok) throw invalid(row.file_name, toApiProblems(read.problems));
      // Taken first: of two applies at once (two processes too), the second finds nothing to take and changes nothing.
      if (!(await store.deleteSurveyImport(id))) throw gone(id);
      const why = `tải lên tệp ${row.file_name}${reason ? `: ${reason}` : ""}`;
      const saved = await this.surveys.saveResults(store, actor, campaignId, read.value, row.file_name, why);
      return { units: saved.units, fileName: row.file_name };
    });
  }

  private async pending(campaignId: string, id: string, store = this.deps.store): Promise<Row<"survey_imports">> {
    const row = await store.getSurveyImport(id, this.deps.now().toISOString());
    if (!row || row.campaign_id !== campaignId) throw gone(id);
    return row;
  }

  private async view(row: Row<"survey_imports">): Promise<PendingSurveyImport> {
    const result = JSON.parse(row.result) as SurveyImportResult;
    const states = new Map((await this.deps.store.listAssessments(row.campaign_id)).map((a) => [a.unit_code, a.state]));
    const blocked = result.units
      .filter((u) => states.get(u.unit) === "finalised" || states.get(u.unit) === "published")
      .map((u) => ({
        code: "unit-finalised",
        path: `${row.file_name}: unit ${u.unit}`,
        message: `unit ${u.unit} is finalised; its survey result can no longer change: remove its rows from the export`,
        vi: `đơn vị ${u.unit} đã chốt điểm; không thể thay đổi kết quả khảo sát của đơn vị này nữa: hãy bỏ các dòng của đơn vị khỏi tệp`,
      }));
    return {
      id: row.id,
      campaignId: row.campaign_id,
      fileName: row.file_name,
      createdBy: row.created_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      result,
      blocked,
    };
  }

  private resolveMapping(given: SurveyUpload["mapping"], set: CriteriaSet): SurveyMapping {
    let json: unknown;
    let fileName: string;
    if ("ref" in given) {
      const all = this.shipped();
      const found = all.find((m) => m.ref === given.ref);
      if (!found) {
        const near = nearestName(
          given.ref,
          all.map((m) => m.ref),
        );
        const hint = near ? ` (did you mean "${near}"?)` : "";
        throw invalid("mapping", [
          {
            code: "unknown-code",
            path: "mapping",
            message: `no shipped survey mapping "${given.ref}"${hint}; expected one of: ${all.map((m) => m.ref).join(", ")}`,
            vi: `không có bảng ánh xạ "${given.ref}"${near ? ` (có phải "${near}"?)` : ""}; các bảng có sẵn: ${all.map((m) => m.ref).join(", ")}`,
          },
        ]);
      }
      json = found.json;
      fileName = `criteria/survey/${found.ref}.json`;
    } else {
      fileName = given.fileName;
      try {
        json = JSON.parse(decodeUtf8(given.bytes, fileName).replace(/^\uFEFF/, ""));
      } catch {
        throw invalid(fileName, [
          {
            code: "parse",
            path: fileName,
            message: "the mapping file is not JSON: upload a par-survey-mapping/1 file (criteria/survey/<id>/<version>.json)",
            vi: "tệp bảng ánh xạ không phải JSON: hãy tải lên tệp par-survey-mapping/1 (criteria/survey/<mã>/<phiên bản>.json)",
          },
        ]);
      }
    }
    const mapping = loadSurveyMapping(json, set);
    if (!mapping.ok)
      throw invalid(
        fileName,
        toApiProblems(mapping.problems).map((p) => ({ ...p, path: `${fileName}: ${p.path}` })),
      );
    return mapping.value;
  }

  /** The campaign's units (code, name, type), each with its N from the units list when one is given. */
  private async campaignUnits(campaignId: string, list: SurveyUpload["units"]): Promise<SurveyUnit[]> {
    const { store } = this.deps;
    const inCampaign = new Set((await store.listAssessments(campaignId)).map((a) => a.unit_code));
    const units: SurveyUnit[] = (await store.listUnits()).filter((u) => inCampaign.has(u.code)).map((u) => ({ code: u.code, name: u.name, type: u.type }));
    if (!list) return units;
    const read = readSurveyUnits(decodeUtf8(list.bytes, list.fileName), list.fileName);
    if (!read.ok) throw invalid(list.fileName, toApiProblems(read.problems));
    const population = new Map(read.value.flatMap((u) => (u.population === undefined ? [] : [[u.code, u.population] as const])));
    return units.map((u) => (population.has(u.code) ? { ...u, population: population.get(u.code)! } : u));
  }
}

/** A small uploaded text file (mapping, units list): UTF-8 only, as the CLI's JSON and units readers expect. */
function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid(fileName, [
      {
        code: "encoding",
        path: fileName,
        message: 'the file is not UTF-8 text: save it again as UTF-8 (for a CSV: "CSV UTF-8 (Comma delimited)")',
        vi: 'tệp không phải văn bản UTF-8: hãy lưu lại dạng UTF-8 (với CSV: "CSV UTF-8 (Comma delimited)")',
      },
    ]);
  }
}

function invalid(fileName: string, problems: ApiProblem[]): ApiError {
  return new ApiError(
    "invalid-input",
    { en: `${fileName} cannot be imported: ${problems.length} problem(s)`, vi: `không nhập được ${fileName}: ${problems.length} lỗi` },
    { problems },
  );
}

function gone(id: string): ApiError {
  return notFound({
    en: `survey import ${id} (applied already, or older than ${SURVEY_IMPORT_HOURS} hours): upload the export again`,
    vi: `lần nhập khảo sát ${id} (đã áp dụng, hoặc quá ${SURVEY_IMPORT_HOURS} giờ): hãy tải tệp lên lại`,
  });
}
