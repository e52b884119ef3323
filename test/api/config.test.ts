import { describe, expect, it } from "vitest";
import { readConfig } from "../../api/config.js";

describe("readConfig", () => {
  it("defaults: port 3000 on 127.0.0.1, SQLite in ./data, the demo on", () => {
    const config = readConfig({}, "/srv/par");
    expect(config).toMatchObject({
      ok: true,
      value: { port: 3000, host: "127.0.0.1", dataDir: "/srv/par/data", database: { kind: "sqlite", file: "/srv/par/data/par.sqlite" }, demo: true },
    });
  });

  it.each([
    [
      { DATABASE_URL: "postgres://par:par@db/par", DATABASE_SCHEMA: "province_a" },
      { kind: "postgres", url: "postgres://par:par@db/par", schema: "province_a" },
    ],
    [{ DATABASE_URL: "postgresql://db/par" }, { kind: "postgres", url: "postgresql://db/par" }],
    [{ DATA_DIR: "/var/lib/par" }, { kind: "sqlite", file: "/var/lib/par/par.sqlite" }],
  ])("the database of %o", (env, database) => {
    const config = readConfig(env, "/srv/par");
    expect(config.ok && config.value.database).toEqual(database);
  });

  it.each([
    [{ PORT: "80a" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/par" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://db/par", DATABASE_SCHEMA: "x; drop table users" }, "DATABASE_SCHEMA"],
    [{ DATABASE_SCHEMA: "province_a" }, "DATABASE_SCHEMA"],
    [{ PAR_DEMO: "no" }, "PAR_DEMO"],
    [{ PAR_TOKEN_DAYS: "0" }, "PAR_TOKEN_DAYS"],
    [{ PAR_EVIDENCE_QUOTA_MB: "1.5" }, "PAR_EVIDENCE_QUOTA_MB"],
  ])("%o is refused, naming %s in Vietnamese and English", (env, variable) => {
    const config = readConfig(env);
    expect(config.ok).toBe(false);
    if (config.ok) return;
    expect(config.problems.map((p) => p.variable)).toEqual([variable]);
    expect(config.problems[0]!.message).toMatch(new RegExp(`^${variable}=`));
    expect(config.problems[0]!.vi).not.toBe(config.problems[0]!.message);
  });

  it("collects every bad value at once; limits come from the variables", () => {
    const bad = readConfig({ PORT: "x", PAR_DEMO: "2" });
    expect(!bad.ok && bad.problems.map((p) => p.variable)).toEqual(["PORT", "PAR_DEMO"]);
    const good = readConfig({ PAR_DEMO: "0", PAR_TOKEN_DAYS: "30", PAR_EVIDENCE_QUOTA_MB: "5" });
    expect(good.ok && { demo: good.value.demo, tokenDays: good.value.limits.tokenDays, quota: good.value.limits.evidenceQuotaBytes }).toEqual({
      demo: false,
      tokenDays: 30,
      quota: 5 * 1024 * 1024,
    });
  });
});
