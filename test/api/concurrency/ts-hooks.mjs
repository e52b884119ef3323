/**
 * `node --import ./ts-hooks.mjs entry.ts` runs the project's TypeScript without a build, as the
 * tests see it: imports written `./x.js` resolve to `./x.ts` or `./x.tsx`, and each `.ts` file is transpiled
 * (types stripped, nothing checked) with the project's own TypeScript. Used to start real API
 * processes from the concurrency suite.
 */
import { readFile } from "node:fs/promises";
import { register } from "node:module";
import { fileURLToPath } from "node:url";
import { isMainThread } from "node:worker_threads";
import ts from "typescript";

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.endsWith(".js") || !/\.tsx?$/.test(context.parentURL ?? "")) throw error;
    try {
      return await next(`${specifier.slice(0, -3)}.ts`, context);
    } catch {
      return next(`${specifier.slice(0, -3)}.tsx`, context);
    }
  }
}

export async function load(url, context, next) {
  if (!url.startsWith("file:") || !/\.tsx?$/.test(url)) return next(url, context);
  const fileName = fileURLToPath(url);
  const compilerOptions = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2023,
    verbatimModuleSyntax: true,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: "hono/jsx",
  };
  const { outputText } = ts.transpileModule(await readFile(fileName, "utf8"), { fileName, compilerOptions });
  return { format: "module", source: outputText, shortCircuit: true };
}
