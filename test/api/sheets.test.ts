import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { SCORING_SHEET_COLUMNS } from "../../src/io/build-scoring-sheet.js";
import { BACKENDS } from "./backends.js";
import { type Fixture, openFixture } from "./api-fixture.js";

const unitPath = "/campaigns/c2026/units/P01";
const column = (name: string) => SCORING_SHEET_COLUMNS.findIndex((c) => c.column === name) + 1;
const dir = mkdtempSync(join(tmpdir(), "par-api-sheet-"));

describe.each(BACKENDS)("sheets to download: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "sheets", () => {
    let f: Fixture;
    const download = async (path: string, token: string | undefined) => {
      const response = await f.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        disposition: response.headers.get("content-disposition"),
        bytes: new Uint8Array(await response.arrayBuffer()),
      };
    };
    beforeAll(async () => {
      f = await openFixture(backend);
      const put = async (path: string, token: string, body: unknown) => {
        const r = await f.request("PUT", path, { token, body, headers: { "if-match": '"0"' } });
        if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      };
      await put(`${unitPath}/rounds/self/items/1.1.2`, f.tokens.p01, { points: 1 });
      await put(`${unitPath}/rounds/self/items/1.2.3`, f.tokens.p01, { points: 1 });
      await put(`${unitPath}/rounds/self/items/2.1.1`, f.tokens.p01, { points: 1, comment: "Đã ban hành đúng hạn" });
      await put(`${unitPath}/rounds/self/facts/law_enforcement_plan_issued`, f.tokens.p01, { value: true });
      const etag = (await f.request("GET", unitPath, { token: f.tokens.admin })).etag!;
      expect((await f.request("POST", `${unitPath}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": etag } })).status).toBe(200);
    });
    afterAll(async () => f?.close());

    it.each([
      { who: "a scorer, the campaign", path: "/campaigns/c2026/sheet", token: "scorer", status: 200 },
      { who: "a scorer, one unit", path: `${unitPath}/sheet`, token: "scorer", status: 200 },
      { who: "the unit, its own", path: `${unitPath}/sheet?format=csv`, token: "p01", status: 200 },
      { who: "another unit", path: `${unitPath}/sheet`, token: "p02", status: 403 },
      { who: "a unit, the campaign", path: "/campaigns/c2026/sheet", token: "p01", status: 403 },
      { who: "nobody signed in", path: "/campaigns/c2026/sheet", token: null, status: 401 },
      { who: "a scorer, an unknown campaign", path: "/campaigns/nope/sheet", token: "scorer", status: 404 },
      { who: "a scorer, a bad format", path: "/campaigns/c2026/sheet?format=pdf", token: "scorer", status: 400 },
    ] as const)("$who: $status", async ({ path, token, status }) => {
      const result = await download(path, token ? f.tokens[token] : undefined);
      expect(result.status).toBe(status);
    });

    it("the CSV: Vietnamese headers, a BOM, the self points entered", async () => {
      const result = await download(`${unitPath}/sheet?format=csv`, f.tokens.p01);
      expect(result.type).toMatch(/^text\/csv/);
      expect(result.disposition).toBe('attachment; filename="phieu-cham-diem-c2026-P01.csv"');
      const text = new TextDecoder().decode(result.bytes);
      expect([...result.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text.startsWith("Mã đơn vị,Tên đơn vị,Loại đơn vị,Khối,Mã tiêu chí,Nội dung,Điểm tối đa,Giá trị cho phép,Tự chấm,")).toBe(true);
      expect(text).toMatch(/\nP01,Phường Tân Lập,phuong,[^,\n]*,1\.1\.2,[^\n]*,1,,,,,/);
    });

    it("the campaign's XLSX, filled in as Excel would, scores with `par score` as the same appraisal through the API", async () => {
      const result = await download("/campaigns/c2026/sheet?format=xlsx", f.tokens.scorer);
      expect(result.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(result.bytes) as never);
      const appraised = { "1.1.2": 0.5, "1.2.3": 0 };
      workbook.worksheets[0]!.eachRow((row) => {
        const code = String(row.getCell(column("item")).value) as keyof typeof appraised;
        if (row.getCell(column("unit")).value === "P01" && code in appraised) row.getCell(column("appraisal1")).value = appraised[code];
      });
      const path = join(dir, `${backend.name}-c2026.xlsx`);
      writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));

      for (const [code, points] of Object.entries(appraised)) {
        const saved = await f.request("PUT", `${unitPath}/rounds/appraisal1/items/${code}`, {
          token: f.tokens.scorer,
          body: { points },
          headers: { "if-match": '"0"' },
        });
        expect(saved.status).toBe(200);
      }
      const api = await f.request("GET", `${unitPath}/report`, { token: f.tokens.scorer });
      expect(api.status).toBe(200);

      let stdout = "";
      let stderr = "";
      const code = await runCli(["score", "--criteria", "criteria/reference-commune/2026.1.json", "--year", "2026", path, "--format", "json"], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const reports = JSON.parse(stdout) as { unit: { code: string }; totals: unknown; stage: string }[];
      expect(reports.map((report) => report.unit.code)).toEqual(["P01"]);
      const p01 = reports[0];
      expect(p01?.totals).toEqual(api.body.report.totals);
      expect(p01?.stage).toBe(api.body.report.stage);
    });

    /** The campaign sheet as the scorer downloads it, with P01's appraisal 1 cells set as Excel would. */
    const filled = async (points: Record<string, number | string>) => {
      const result = await download("/campaigns/c2026/sheet", f.tokens.scorer);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(result.bytes) as never);
      const rows: Record<string, number> = {};
      workbook.worksheets[0]!.eachRow((row, number) => {
        const code = String(row.getCell(column("item")).value);
        if (row.getCell(column("unit")).value !== "P01" || !(code in points)) return;
        row.getCell(column("appraisal1")).value = points[code]!;
        rows[code] = number;
      });
      return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), rows };
    };
    const upload = (bytes: Uint8Array, name: string) =>
      f.app.request(`/campaigns/c2026/sheet?name=${name}`, {
        method: "PUT",
        body: bytes,
        headers: { authorization: `Bearer ${f.tokens.scorer}`, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      });
    const entry = async (code: string) => (await f.request("GET", `${unitPath}/rounds/appraisal1/items/${code}`, { token: f.tokens.scorer })).body;

    it("refuses a sheet with a bad cell, naming its row and column, and saves nothing", async () => {
      const sheet = await filled({ "1.2.3": "nửa" });
      const response = await upload(sheet.bytes, "bad.xlsx");
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { problems: { path: string; vi: string }[] } };
      expect(body.error.problems.map((p) => p.path)).toEqual([`bad.xlsx:${sheet.rows["1.2.3"]}:Thẩm định lần 1`]);
      expect(await entry("1.2.3")).toMatchObject({ value: { points: 0 }, version: 1 });
    });

    it("refuses a row changed since the download, lists it, and saves no other row", async () => {
      const sheet = await filled({ "1.1.2": 0, "1.2.3": 0.5 });
      const meanwhile = await f.request("PUT", `${unitPath}/rounds/appraisal1/items/1.1.2`, {
        token: f.tokens.scorer2,
        body: { points: 1 },
        headers: { "if-match": '"1"' },
      });
      expect(meanwhile.status).toBe(200);
      const response = await upload(sheet.bytes, "old.xlsx");
      expect(response.status).toBe(412);
      const body = (await response.json()) as { error: { problems: { code: string; path: string }[] } };
      expect(body.error.problems).toMatchObject([{ code: "stale-row", path: `old.xlsx:${sheet.rows["1.1.2"]}:appraisal1` }]);
      expect(await entry("1.1.2")).toMatchObject({ value: { points: 1 }, version: 2 });
      expect(await entry("1.2.3")).toMatchObject({ value: { points: 0 }, version: 1 });
    });

    it("saves a fresh sheet's changed rows, in the audit trail with the file name; `par score` on that file gives the API's scores", async () => {
      const sheet = await filled({ "1.1.2": 0.5, "1.2.3": 0.5, "2.1.1": 0.5 });
      const response = await upload(sheet.bytes, "phieu.xlsx");
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ saved: 3 });
      expect(await entry("1.1.2")).toMatchObject({ value: { points: 0.5 }, version: 3 });
      expect(await entry("1.2.3")).toMatchObject({ value: { points: 0.5 }, version: 2 });
      expect((await entry("2.1.1")).value, "the unit's comment is not saved as the scorer's").toEqual({ points: 0.5 });
      const audit = await f.request("GET", `${unitPath}/audit?code=1.2.3`, { token: f.tokens.scorer });
      expect(audit.body.at(-1)).toMatchObject({ action: "item.save", reason: "tải lên tệp phieu.xlsx" });

      const path = join(dir, `${backend.name}-uploaded.xlsx`);
      writeFileSync(path, sheet.bytes);
      let stdout = "";
      const code = await runCli(["score", "--criteria", "criteria/reference-commune/2026.1.json", "--year", "2026", path, "--format", "json"], {
        stdout: (t) => (stdout += t),
        stderr: () => {},
      });
      expect(code).toBe(0);
      const api = await f.request("GET", `${unitPath}/report`, { token: f.tokens.scorer });
      expect((JSON.parse(stdout) as { totals: unknown }[])[0]!.totals).toEqual(api.body.report.totals);
    });

    it("keeps round 1's comment, which the sheet cannot show once round 2 has a value: the finalised unit's untouched sheet saves nothing", async () => {
      const state = async () => (await f.request("GET", unitPath, { token: f.tokens.admin })).etag!;
      const version = (await entry("1.2.3")).version as number;
      const commented = await f.request("PUT", `${unitPath}/rounds/appraisal1/items/1.2.3`, {
        token: f.tokens.scorer,
        body: { points: 0.5, comment: "Chưa đủ hồ sơ" },
        headers: { "if-match": `"${version}"` },
      });
      expect(commented.status).toBe(200);
      const move = async (name: string, token: string) =>
        (await f.request("POST", `${unitPath}/transitions/${name}`, { token, headers: { "if-match": await state() } })).status;
      expect(await move("request-explanation", f.tokens.scorer)).toBe(200);
      expect(await move("submit-explanation", f.tokens.p01)).toBe(200);
      const round2 = await f.request("PUT", `${unitPath}/rounds/appraisal2/items/1.2.3`, {
        token: f.tokens.scorer,
        body: { points: 1 },
        headers: { "if-match": '"0"' },
      });
      expect(round2.status).toBe(200);
      expect(await move("finalise", f.tokens.scorer)).toBe(200);
      const sheet = await filled({});
      const response = await upload(sheet.bytes, "lai.xlsx");
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ saved: 0 });
      expect((await entry("1.2.3")).value).toEqual({ points: 0.5, comment: "Chưa đủ hồ sơ" });
    });
  });
});

describe.each(BACKENDS)("PUT /campaigns/{id}/units/{unit}/sheet: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "a unit's own sheet", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
    });
    afterAll(async () => f?.close());

    /** P02's scoring sheet as its own user downloads it, with the "Tự chấm" cell of 1.1.2 set. */
    const filled = async (points: number) => {
      const response = await f.app.request("/campaigns/c2026/units/P02/sheet", { headers: { authorization: `Bearer ${f.tokens.p02}` } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      workbook.worksheets[0]!.eachRow((row) => {
        if (row.getCell(column("unit")).value === "P02" && String(row.getCell(column("item")).value) === "1.1.2") row.getCell(column("self")).value = points;
      });
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };
    const upload = (bytes: Uint8Array, token: string) =>
      f.app.request("/campaigns/c2026/units/P02/sheet?name=p02.xlsx", {
        method: "PUT",
        body: bytes,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      });

    it("saves the unit's self-assessment from its own sheet; another unit, an administrator and nobody are refused", async () => {
      const bytes = await filled(1);
      expect((await upload(bytes, f.tokens.p01)).status).toBe(403);
      expect((await upload(bytes, f.tokens.admin)).status).toBe(403);
      expect((await f.app.request("/campaigns/c2026/units/P02/sheet", { method: "PUT", body: bytes })).status).toBe(401);
      const response = await upload(bytes, f.tokens.p02);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ saved: 1, unchanged: 0 });
      expect((await f.request("GET", "/campaigns/c2026/units/P02/rounds/self/items/1.1.2", { token: f.tokens.p02 })).body).toMatchObject({
        value: { points: 1 },
        version: 1,
      });
      // the same file again: nothing changed, nothing saved
      expect(await (await upload(await filled(1), f.tokens.p02)).json()).toEqual({ saved: 0, unchanged: 1 });
    });
  });
});
