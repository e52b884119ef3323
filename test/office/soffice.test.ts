import { describe, expect, it } from "vitest";
import { OFFICE_SKIP, convert } from "./soffice.js";

describe.skipIf(OFFICE_SKIP)(`converting with soffice${OFFICE_SKIP ? ` (skipped: ${OFFICE_SKIP})` : ""}`, () => {
  it("fails with the command and soffice's own output when it writes nothing for an input", async () => {
    const error = await convert(["/nonexistent/annex.xlsx"], "pdf").then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^soffice .*--convert-to pdf .*\/nonexistent\/annex\.xlsx failed: no output for \/nonexistent\/annex\.xlsx\n--- stdout\n/);
    expect(error?.message).toMatch(/could not be loaded/);
  }, 120_000);
});
