import type { Actor } from "../auth/actor.js";
import { requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import type { AssessmentService } from "./assessment-service.js";
import { toEvidenceView } from "./assessment-service.js";
import { recordAudit } from "./audit.js";
import { ACCEPTED_FILE_TYPES, matchesFileType } from "./file-types.js";
import type { ServiceDeps } from "./service-deps.js";
import { staleVersion } from "./unit-service.js";
import { EVIDENCE_RULE } from "./workflow.js";

export interface EvidenceInput {
  title?: string | undefined;
  number?: string | undefined;
  date?: string | undefined;
  issuer?: string | undefined;
  link?: string | undefined;
}

/** Evidence documents (tài liệu kiểm chứng): number, date, issuer, a link or an uploaded file. */
export class EvidenceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly assessments: AssessmentService,
  ) {}

  async list(actor: Actor, campaignId: string, unitCode: string) {
    requireUnitAccess(actor, unitCode);
    return (await this.deps.store.listEvidence(campaignId, unitCode)).map(toEvidenceView);
  }

  async save(actor: Actor, campaignId: string, unitCode: string, id: string, input: EvidenceInput, expectedVersion: number, reason?: string) {
    // A link is shown to scorers as a link: only web addresses, never javascript: or data:.
    if (input.link !== undefined && !/^https?:\/\//i.test(input.link.trim())) {
      throw new ApiError("invalid-request", "the evidence link must be an http or https address", {
        problems: [{ path: "link", message: "use an address starting with https:// (or http://)" }],
      });
    }
    return this.write(actor, campaignId, unitCode, id, expectedVersion, "evidence.save", reason, (current, at) => ({
      campaign_id: campaignId,
      unit_code: unitCode,
      id,
      title: input.title ?? null,
      number: input.number ?? null,
      date: input.date ?? null,
      issuer: input.issuer ?? null,
      link: input.link ?? null,
      file_name: current?.file_name ?? null,
      file_type: current?.file_type ?? null,
      file_size: current?.file_size ?? null,
      file_data: current?.file_data ?? null,
      version: expectedVersion + 1,
      updated_by: actor.id,
      updated_at: at,
    }));
  }

  async upload(
    actor: Actor,
    campaignId: string,
    unitCode: string,
    id: string,
    file: { name: string; type: string; bytes: Uint8Array },
    expectedVersion: number,
  ) {
    if (file.bytes.length > this.deps.limits.maxFileBytes)
      throw new ApiError("payload-too-large", {
        en: `the file is ${file.bytes.length} bytes; the limit is ${this.deps.limits.maxFileBytes}`,
        vi: `tệp có ${file.bytes.length} byte; tối đa ${this.deps.limits.maxFileBytes}`,
      });
    if (!ACCEPTED_FILE_TYPES.includes(file.type))
      throw new ApiError("unsupported-media-type", {
        en: `files of type ${file.type || "(none)"} are not accepted. Expected one of: ${ACCEPTED_FILE_TYPES.join(", ")}`,
        vi: `không nhận tệp loại ${file.type || "(không có)"}. Chỉ nhận: ${ACCEPTED_FILE_TYPES.join(", ")}`,
      });
    if (!matchesFileType(file.type, file.bytes))
      throw new ApiError("unsupported-media-type", {
        en: `the file's content is not ${file.type}: send the file with its real Content-Type`,
        vi: `nội dung tệp không phải ${file.type}: hãy gửi tệp với đúng Content-Type`,
      });
    return this.write(actor, campaignId, unitCode, id, expectedVersion, "evidence.file", undefined, async (current, at, store) => {
      if (!current)
        throw notFound({
          en: `evidence ${id} (create it with PUT before uploading its file)`,
          vi: `tài liệu kiểm chứng ${id} (hãy tạo bằng PUT trước khi tải tệp lên)`,
        });
      const quota = this.deps.limits.evidenceQuotaBytes;
      const others = (await store.sumEvidenceBytes(campaignId, unitCode)) - (current.file_size ?? 0);
      if (others + file.bytes.length > quota) {
        const total = others + file.bytes.length;
        throw new ApiError("quota-exceeded", {
          en: `the evidence files of ${unitCode} in ${campaignId} would take ${total} bytes, over the quota of ${quota} bytes per unit (${others} used by other files): replace a file with a smaller one, or ask the administrator to raise PAR_EVIDENCE_QUOTA_MB`,
          vi: `các tệp tài liệu kiểm chứng của ${unitCode} trong ${campaignId} sẽ chiếm ${total} byte, vượt hạn mức ${quota} byte mỗi đơn vị (các tệp khác đã dùng ${others}): hãy thay bằng tệp nhỏ hơn, hoặc đề nghị quản trị tăng PAR_EVIDENCE_QUOTA_MB`,
        });
      }
      return {
        ...current,
        file_name: file.name,
        file_type: file.type,
        file_size: file.bytes.length,
        file_data: file.bytes,
        version: expectedVersion + 1,
        updated_by: actor.id,
        updated_at: at,
      };
    });
  }

  async file(actor: Actor, campaignId: string, unitCode: string, id: string): Promise<{ name: string; type: string; bytes: Uint8Array }> {
    requireUnitAccess(actor, unitCode);
    const row = await this.deps.store.getEvidence(campaignId, unitCode, id);
    if (!row?.file_data) throw notFound({ en: `the file of evidence ${id}`, vi: `tệp của tài liệu kiểm chứng ${id}` });
    return { name: row.file_name ?? id, type: row.file_type ?? "application/octet-stream", bytes: new Uint8Array(row.file_data) };
  }

  private async write(
    actor: Actor,
    campaignId: string,
    unitCode: string,
    id: string,
    expectedVersion: number,
    action: string,
    reason: string | undefined,
    next: (current: Row<"evidence"> | undefined, at: string, store: Store) => Row<"evidence"> | Promise<Row<"evidence">>,
  ) {
    requireUnitAccess(actor, unitCode);
    if (actor.role !== EVIDENCE_RULE.role)
      throw new ApiError("forbidden", {
        en: `evidence is added by the unit; you are ${actor.role}`,
        vi: `tài liệu kiểm chứng do đơn vị bổ sung; bạn có vai trò ${actor.role}`,
      });
    return this.deps.store.transaction(async (store: Store) => {
      const { assessment, campaign } = await this.assessments.lock(store, campaignId, unitCode);
      const deadline = EVIDENCE_RULE.states[assessment.state];
      if (!deadline)
        throw new ApiError("wrong-state", {
          en: `evidence of ${unitCode} cannot change while its assessment is ${assessment.state} (it can while draft or explanation)`,
          vi: `không thể sửa tài liệu kiểm chứng của ${unitCode} khi bản đánh giá đang ở trạng thái ${assessment.state} (chỉ sửa được khi draft hoặc explanation)`,
        });
      await this.assessments.checkDeadline(store, campaign, unitCode, deadline);
      const stale = (row: Row<"evidence"> | undefined) =>
        staleVersion({ en: `evidence ${id}`, vi: `tài liệu kiểm chứng ${id}` }, row?.version ?? 0, row ? toEvidenceView(row) : null);
      const current = await store.getEvidence(campaignId, unitCode, id);
      if ((current?.version ?? 0) !== expectedVersion) throw stale(current);
      const row = await next(current, this.deps.now().toISOString(), store);
      if (!(await store.putEvidence(row, expectedVersion))) throw stale(await store.getEvidence(campaignId, unitCode, id));
      const { file_data: _before, ...before } = current ?? { file_data: null };
      const { file_data: _after, ...after } = row;
      await recordAudit(store, actor, this.deps.now(), { action, campaignId, unitCode, code: id, before: current ? before : null, after, reason });
      return toEvidenceView(row);
    });
  }
}
