import { builtinModules } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The shape of the house, checked on every import (the way zod's no-circular-imports test reads
 * its own sources): no import circles; the core imports no Node built-in, no adapter and no api/
 * code; code outside the core reaches it only through its door, `src/index.ts`; the database is
 * touched only under api/storage/. Each broken rule is printed as `importer → imported: rule`.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Pure folders and files: the engine. */
const CORE = [
  "src/criteria/",
  "src/rules/",
  "src/assessment/",
  "src/scoring/",
  "src/ranking/",
  "src/survey/",
  "src/text/",
  "src/i18n/",
  "src/synthetic/",
  "src/analysis/",
];
const CORE_FILES = ["src/problem.ts", "src/points.ts", "src/check-schema.ts", "src/version.ts"];
/** Pure too (text in, data out and back), but an edge of the engine: the core does not import it. */
const CODECS = "src/io/";
/** Adapters inside src/: Node allowed, the core only through the door. */
const SRC_ADAPTERS = ["src/cli/", "src/files/"];
/** The engine's door (pure: core and codecs), and the file adapter's, the only ways into src/ from api/. */
const DOOR = "src/index.ts";
const DOORS = [DOOR, "src/files/index.ts"];
/**
 * Files still importing engine modules directly, each with its reason. results-service.ts is being split by another branch
 * (issue 11, hygiene): its parts import from src/index.ts once merged, and this list is empty again.
 */
const NOT_YET_THROUGH_THE_DOOR = new Set<string>();

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const DATABASE_LIBRARIES = ["kysely", "pg", "better-sqlite3"];

interface Edge {
  from: string;
  to: string;
}

function listSources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => posix.join(folder, file.split("\\").join("/")))
    .sort();
}

/** Every module specifier of a file: static imports and re-exports (type-only ones too), side-effect and dynamic imports. */
function readSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const pattern of [
    /^\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ]) {
    for (const match of code.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** A relative specifier as a path from the root, `.js` read as the `.ts` or `.tsx` beside it. */
function resolveRelative(from: string, specifier: string, files: Set<string>): string {
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [joined, joined.replace(/\.js$/, ".ts"), joined.replace(/\.js$/, ".tsx"), `${joined}.ts`, `${joined}/index.ts`]) {
    if (files.has(candidate)) return candidate;
  }
  return joined;
}

const files = [...listSources("src"), ...listSources("api")];
const fileSet = new Set(files);
const relativeEdges: Edge[] = [];
const packageEdges: Edge[] = [];
for (const file of files) {
  for (const specifier of readSpecifiers(readFileSync(join(root, file), "utf8"))) {
    if (specifier.startsWith(".")) relativeEdges.push({ from: file, to: resolveRelative(file, specifier, fileSet) });
    else packageEdges.push({ from: file, to: specifier });
  }
}

const isCore = (file: string) => CORE.some((folder) => file.startsWith(folder)) || CORE_FILES.includes(file);
const isPure = (file: string) => isCore(file) || file.startsWith(CODECS) || file === DOOR;
const isAdapter = (file: string) => SRC_ADAPTERS.some((folder) => file.startsWith(folder)) || file.startsWith("api/");

/** Every broken layering rule, one line each. */
function layerViolations(): string[] {
  const broken: string[] = [];
  const say = (edge: Edge, rule: string) => broken.push(`${edge.from} → ${edge.to}: ${rule}`);
  for (const edge of packageEdges) {
    if (isPure(edge.from) && NODE_BUILTINS.has(edge.to))
      say(edge, "the core and src/io are pure: no Node built-ins (files belong in src/files, processes in the CLI or api/)");
    if (!edge.from.startsWith("api/storage/") && DATABASE_LIBRARIES.includes(edge.to)) say(edge, "only api/storage/ touches the database");
  }
  for (const edge of relativeEdges) {
    const { from, to } = edge;
    if (!fileSet.has(to)) {
      if (!to.startsWith("criteria/")) say(edge, "the imported file does not exist");
      continue;
    }
    if (isCore(from) && (isAdapter(to) || to.startsWith(CODECS))) say(edge, "the core imports no adapter (src/cli, src/files, api/) and no src/io");
    if (from.startsWith(CODECS) && isAdapter(to)) say(edge, "src/io is pure: it imports no adapter (src/cli, src/files, api/)");
    if (from === DOOR && !isPure(to)) say(edge, "the door exports the pure engine only (core and src/io)");
    if (NOT_YET_THROUGH_THE_DOOR.has(from)) continue;
    if (from.startsWith("api/") && to.startsWith("src/") && !DOORS.includes(to)) say(edge, `api/ reaches src/ only through ${DOORS.join(" or ")}`);
    else if (isAdapter(from) && isCore(to)) say(edge, "outside the core, the engine is reached only through src/index.ts");
    if (from.startsWith("src/") && to.startsWith("api/")) say(edge, "src/ imports nothing from api/");
    if (from.startsWith("api/routes/") && to.startsWith("api/storage/")) say(edge, "routes parse, call a service and answer: they do not reach the storage");
    if (from.startsWith("api/routes/") && to === "api/auth/authenticate.ts") say(edge, "authorisation is decided in the services, not in the routes");
    if (from === "api/domain.ts") say(edge, "api/domain.ts is the bottom of api/: it imports nothing");
    if (from.startsWith("api/storage/") && /^api\/(routes|services|auth)\//.test(to)) say(edge, "the storage imports no service, route or auth code");
  }
  return broken;
}

/** Each import circle once, as the files around it. */
function findCycles(): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of relativeEdges) if (fileSet.has(to)) next.set(from, [...(next.get(from) ?? []), to]);
  const cycles = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === "open") {
        const ring = stack.slice(stack.indexOf(to));
        const start = ring.indexOf([...ring].sort()[0]!);
        cycles.add([...ring.slice(start), ...ring.slice(0, start), ring[start]].join(" → "));
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

describe("architecture", () => {
  it("reads the sources it guards", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(relativeEdges.length).toBeGreaterThan(500);
    expect(files).toContain("src/index.ts");
  });

  it("has no import circles", () => {
    expect(findCycles()).toEqual([]);
  });

  it("keeps the layers: pure core, one door, the database behind api/storage", () => {
    expect(layerViolations()).toEqual([]);
  });

  it("lets other programs in through the same doors (package.json exports)", () => {
    const { exports } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { types: string; default: string }> };
    const doors = Object.entries(exports).flatMap(([name, target]) => (typeof target === "object" ? [[name, target.default, target.types]] : []));
    expect(doors).toEqual(
      DOORS.map((door, i) => [
        i === 0 ? "." : `./${posix.basename(posix.dirname(door))}`,
        `./dist/${door.replace(/\.ts$/, ".js")}`,
        `./dist/${door.replace(/\.ts$/, ".d.ts")}`,
      ]),
    );
  });

  it("finds the breaks it is meant to find", () => {
    const planted: Edge[] = [
      { from: "src/scoring/score-assessment.ts", to: "node:fs" },
      { from: "src/io/csv.ts", to: "fs" },
      { from: "api/routes/units.ts", to: "kysely" },
    ];
    packageEdges.push(...planted);
    relativeEdges.push(
      { from: "src/scoring/score-assessment.ts", to: "src/cli/main.ts" },
      { from: "api/services/unit-service.ts", to: "src/scoring/score-assessment.ts" },
      { from: "src/cli/main.ts", to: "src/ranking/rank-units.ts" },
      { from: "api/routes/units.ts", to: "api/storage/store.ts" },
    );
    try {
      const broken = layerViolations();
      expect(broken).toContain(
        "src/scoring/score-assessment.ts → node:fs: the core and src/io are pure: no Node built-ins (files belong in src/files, processes in the CLI or api/)",
      );
      expect(broken.filter((line) => line.startsWith("src/io/csv.ts → fs:"))).toHaveLength(1);
      expect(broken).toContain("api/routes/units.ts → kysely: only api/storage/ touches the database");
      expect(broken).toContain("src/scoring/score-assessment.ts → src/cli/main.ts: the core imports no adapter (src/cli, src/files, api/) and no src/io");
      expect(broken).toContain(
        "api/services/unit-service.ts → src/scoring/score-assessment.ts: api/ reaches src/ only through src/index.ts or src/files/index.ts",
      );
      expect(broken).toContain("src/cli/main.ts → src/ranking/rank-units.ts: outside the core, the engine is reached only through src/index.ts");
      expect(broken).toContain("api/routes/units.ts → api/storage/store.ts: routes parse, call a service and answer: they do not reach the storage");
      relativeEdges.push({ from: "src/points.ts", to: "src/problem.ts" }, { from: "src/problem.ts", to: "src/points.ts" });
      expect(findCycles()).toContain("src/points.ts → src/problem.ts → src/points.ts");
    } finally {
      packageEdges.splice(-planted.length);
      relativeEdges.splice(-6);
    }
    expect(layerViolations().some((line) => line.startsWith("src/scoring/score-assessment.ts → node:fs"))).toBe(false);
  });
});
