import { readFileSync } from "node:fs";
import { loadSurveyMapping } from "../../src/index.js";
import { importSurveyFile } from "../../src/files/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { BACKENDS } from "./backends.js";
import { windows1258 as saveAsWindows1258 } from "../io/fixtures/saved-by-excel.js";
import { CRITERIA, DEADLINES, type Fixture, openFixture } from "./api-fixture.js";

/** The shipped Kobo example (a duplicate, an answer of 6 on a 1–5 scale, a rejected response), its units renamed to the fixture's. */
const KOBO = readFileSync(new URL("../../criteria/examples/survey/kobo-xml.csv", import.meta.url), "utf8")
  .replaceAll("DV0001", "P01")
  .replaceAll("DV0002", "P02")
  .replaceAll("DV0003", "X01");
const UNITS = "unit,population\nP01,10\nP02,226\nX01,12\n";
const MAPPING = "reference-sipas/2026.1";
const BASE = "/campaigns/c2026/survey/imports";
type Answer = Awaited<ReturnType<Fixture["request"]>>;

describe.each(BACKENDS)("survey exports, previewed then applied: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "survey imports", () => {
    let f: Fixture;
    const upload = async (token: string | undefined, parts: Record<string, string | [string, string]>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts)) {
        if (typeof value === "string") form.set(name, value);
        else form.set(name, new File([value[1]], value[0]));
      }
      const response = await f.app.request(BASE, { method: "POST", body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: response.status, body: (await response.json()) as Answer["body"] };
    };
    beforeAll(async () => {
      f = await openFixture(backend, { maxFileBytes: 1_000_000 });
      // The example exports' own units, in a campaign of their own.
      for (const [code, name, type] of [
        ["DV0001", "Xã Minh Hòa", "xa"],
        ["DV0002", "Phường 15", "phuong"],
        ["DV0003", "Xã Thuận Tây", "xa"],
      ])
        expect((await f.request("POST", "/units", { token: f.tokens.admin, body: { code, name, type } })).status).toBe(201);
      const dv = {
        id: "dv",
        year: 2026,
        criteria: { family: "reference-commune", version: "2026.1" },
        deadlines: DEADLINES,
        units: ["DV0001", "DV0002", "DV0003"],
      };
      expect((await f.request("POST", "/campaigns", { token: f.tokens.admin, body: dv })).status).toBe(201);
    });
    afterAll(async () => f?.close());

    it.each([
      { who: "nobody signed in", token: undefined, status: 401 },
      { who: "a unit user", token: "p01", status: 403 },
    ] as const)("$who may not upload: $status", async ({ token, status }) => {
      const r = await upload(token ? f.tokens[token] : undefined, { export: ["kobo.csv", KOBO], mapping: MAPPING });
      expect(r.status).toBe(status);
    });

    it.each([
      { case: "no export", parts: { mapping: MAPPING }, status: 400, code: "missing-file", path: "export" },
      { case: "no mapping", parts: { export: ["kobo.csv", KOBO] as [string, string] }, status: 400, code: "missing-mapping", path: "mapping" },
      {
        case: "a mapping not shipped",
        parts: { export: ["kobo.csv", KOBO] as [string, string], mapping: "reference-sipas/2026.2" },
        status: 422,
        code: "unknown-code",
        path: "mapping",
      },
      {
        case: "a mapping for another criteria set",
        parts: { export: ["kobo.csv", KOBO] as [string, string], mapping: "reference-sipas/2025.1" },
        status: 422,
        code: "criteria-mismatch",
        path: "criteria/survey/reference-sipas/2025.1.json: criteria",
      },
      {
        case: "a mapping file that is not JSON",
        parts: { export: ["kobo.csv", KOBO] as [string, string], mappingFile: ["m.json", "{ not json"] as [string, string] },
        status: 422,
        code: "parse",
        path: "m.json",
      },
      {
        case: "a unit code mistyped",
        parts: { export: ["kobo.csv", KOBO.replaceAll(",X01,", ",X0l,")] as [string, string], mapping: MAPPING },
        status: 422,
        code: "unknown-unit",
        path: "kobo.csv:23:grp_info/unit_code",
      },
      {
        case: "a damaged workbook",
        parts: { export: ["kobo.xlsx", "PK\u0003\u0004 not a zip"] as [string, string], mapping: MAPPING },
        status: 422,
        code: "xlsx-damaged",
        path: "kobo.xlsx",
      },
    ])("refuses $case with the problem and where it is", async ({ parts, status, code, path }) => {
      const r = await upload(f.tokens.admin, parts);
      expect(r.status).toBe(status);
      expect(r.body.error.problems).toContainEqual(expect.objectContaining({ code, path }));
    });

    it("says which unit a mistyped code probably is", async () => {
      const r = await upload(f.tokens.admin, { export: ["kobo.csv", KOBO.replaceAll(",X01,", ",X0l,")], mapping: MAPPING });
      expect(r.body.error.problems[0].message).toMatch(/did you mean X01 \(Xã Đông Hưng\)\?/);
      expect(r.body.error.problems[0].vi).toMatch(/có phải X01 \(Xã Đông Hưng\)\?/);
    });

    it("previews the quality report, saves nothing, and applies it from another process into the live ranking, once", async () => {
      const preview = await upload(f.tokens.scorer, { export: ["kobo.csv", KOBO], mapping: MAPPING, units: ["units.csv", UNITS] });
      expect(preview.status).toBe(201);
      const { quality, units } = preview.body.result;
      expect(quality).toMatchObject({ rows: 34, used: 32, duplicates: 1, rejected: 1, outOfScale: 1, unitsBelowSample: ["P02"] });
      expect(quality.issues.map((p: { code: string; path: string }) => `${p.code} ${p.path}`)).toEqual([
        "duplicate-response kobo.csv:7:_uuid",
        "answer-out-of-scale kobo.csv:12:grp_civil_servant/c1",
        "rejected-response kobo.csv:35:_validation_status",
        "sample-too-small kobo.csv (P02)",
      ]);
      expect(units.map((u: { unit: string; respondents: number; points: { total: number } }) => [u.unit, u.respondents, u.points.total])).toEqual([
        ["P01", 10, 25.028],
        ["P02", 10, 23.5],
        ["X01", 12, 23.541],
      ]);
      expect(preview.body.blocked).toEqual([]);
      expect(Date.parse(preview.body.expiresAt) - Date.parse(preview.body.createdAt)).toBe(24 * 3_600_000);
      const survey = async () => (await f.request("GET", "/campaigns/c2026/units/P01/report", { token: f.tokens.admin })).body;
      const before = await survey();

      // Another process: its own service graph over the same database, nothing shared in memory.
      const other = createApp({ store: f.store, now: () => f.clock.now, logError: () => {} });
      const call = async (method: string, path: string) => {
        const response = await other.request(path, { method, headers: { authorization: `Bearer ${f.tokens.admin}` } });
        return { status: response.status, body: (await response.json()) as Answer["body"] };
      };
      const shown = await call("GET", `${BASE}/${preview.body.id}`);
      expect(shown.status).toBe(200);
      expect(shown.body.result.quality).toEqual(quality);
      const applied = await call("POST", `${BASE}/${preview.body.id}/apply`);
      expect(applied).toEqual({ status: 200, body: { units: 3, fileName: "kobo.csv" } });
      expect((await call("POST", `${BASE}/${preview.body.id}/apply`)).status).toBe(404);

      const after = await survey();
      expect(JSON.stringify(before)).not.toContain("reference-sipas 2026.1: kobo.csv");
      expect(JSON.stringify(after)).toContain("reference-sipas 2026.1: kobo.csv");
      const ranking = (await f.request("GET", "/campaigns/c2026/ranking", { token: f.tokens.admin })).body;
      const ranked = ranking.blocks.flatMap((b: { units: { unit: { code: string }; surveyPoints: number | null }[] }) => b.units);
      expect(Object.fromEntries(ranked.map((u: { unit: { code: string }; surveyPoints: number | null }) => [u.unit.code, u.surveyPoints]))).toEqual({
        P01: 25.028,
        P02: 23.5,
        X01: 23.541,
      });
      const audit = (await f.request("GET", "/campaigns/c2026/units/P02/audit", { token: f.tokens.admin })).body;
      const entries = audit as { action: string; reason: string | null; actor: string }[];
      expect(entries.filter((e) => e.action === "survey.import").map((e) => e.reason)).toEqual(["tải lên tệp kobo.csv"]);
    });

    it.each([
      { file: "kobo-xml.csv", kind: "kobo" },
      { file: "kobo-labels.csv", kind: "kobo" },
      { file: "limesurvey.csv", kind: "limesurvey" },
      { file: "google-forms.csv", kind: "google-forms" },
      { file: "sheet.xlsx", kind: "sheet" },
      { file: "kobo-labels.csv", kind: "kobo", windows1258: true },
    ])("reads $file ($kind) exactly as par survey import does (Windows-1258: $windows1258)", async ({ file, windows1258 }) => {
      const path = new URL(`../../criteria/examples/survey/${file}`, import.meta.url).pathname;
      const bytes = windows1258 ? saveAsWindows1258(readFileSync(path, "utf8").replace(/^\uFEFF/, "")) : readFileSync(path);
      const form = new FormData();
      form.set("export", new File([bytes], file));
      form.set("mapping", MAPPING);
      const response = await f.app.request("/campaigns/dv/survey/imports", {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${f.tokens.admin}` },
      });
      const body = (await response.json()) as Answer["body"];
      expect(response.status, JSON.stringify(body)).toBe(201);
      const mapping = loadSurveyMapping(
        JSON.parse(readFileSync(new URL("../../criteria/survey/reference-sipas/2026.1.json", import.meta.url), "utf8")),
        CRITERIA,
      );
      if (!mapping.ok) throw new Error("the shipped mapping does not load");
      const units = [
        { code: "DV0001", name: "Xã Minh Hòa", type: "xa" as const },
        { code: "DV0002", name: "Phường 15", type: "phuong" as const },
        { code: "DV0003", name: "Xã Thuận Tây", type: "xa" as const },
      ];
      const cli = await importSurveyFile(path, { mapping: mapping.value, criteria: CRITERIA, units, fileName: file });
      if (!cli.ok) throw new Error(`the example ${file} does not import`);
      expect(body.result.units).toEqual(cli.value.units);
      expect(body.result.quality.issues).toEqual(cli.value.quality.issues);
      expect(body.result.quality.notes.some((n: { en: string }) => /Windows-1258/.test(n.en))).toBe(windows1258 === true);
    });

    it("refuses the whole import when a unit was finalised since the preview, and expires after 24 hours", async () => {
      const preview = await upload(f.tokens.admin, { export: ["kobo.csv", KOBO.replaceAll(",5,", ",2,")], mapping: MAPPING });
      expect(preview.status).toBe(201);
      const assessment = await f.store.getAssessment("c2026", "X01");
      expect(await f.store.setAssessmentState("c2026", "X01", assessment!.version, "finalised", f.clock.now.toISOString())).toBe(true);
      const shown = await f.request("GET", `${BASE}/${preview.body.id}`, { token: f.tokens.admin });
      expect(shown.body.blocked.map((p: { path: string }) => p.path)).toEqual(["kobo.csv: unit X01"]);
      const refused = await f.request("POST", `${BASE}/${preview.body.id}/apply`, { token: f.tokens.admin });
      expect(refused.status).toBe(422);
      expect(refused.body.error.problems).toEqual([expect.objectContaining({ code: "unit-finalised", path: "kobo.csv: unit X01" })]);
      const p01 = JSON.parse((await f.store.listSurveys("c2026", "P01"))[0]!.content);
      expect(p01.indicators).not.toEqual(preview.body.result.units[0].indicators);
      f.clock.now = new Date(f.clock.now.getTime() + 24 * 3_600_000);
      expect((await f.request("GET", `${BASE}/${preview.body.id}`, { token: f.tokens.admin })).status).toBe(404);
    });
  });
});
