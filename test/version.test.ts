import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { ENGINE } from "../src/version.js";

it("stamps reports with the package's own version", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };
  expect(ENGINE).toEqual({ name: pkg.name, version: pkg.version });
});
