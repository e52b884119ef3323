import { describe, expect, it } from "vitest";
import { factLabels } from "../../src/i18n/fact-labels.js";
import { localiseExplanation } from "../../src/i18n/localise-explanation.js";
import { loadShippedSet } from "../fixtures/shipped-sets.js";

const labels = new Map([
  ["online_payment_rate", "Tỷ lệ giao dịch thanh toán trực tuyến (%)"],
  ["payments_online", "Số giao dịch thanh toán trực tuyến"],
  ["payments", "Số giao dịch"],
  ["plan_issued_on", "Ngày ban hành kế hoạch"],
]);

describe("localiseExplanation", () => {
  it.each([
    { text: "nâng online_payment_rate từ 28.1 lên > 35: +1", vi: "nâng Tỷ lệ giao dịch thanh toán trực tuyến (%) từ 28,1 lên trên 35: +1" },
    { text: "online_payment_rate = 28.1: mức 2 (≥ 20 và ≤ 35) → 1", vi: "Tỷ lệ giao dịch thanh toán trực tuyến (%) = 28,1: mức 2 (từ 20 đến 35) → 1" },
    { text: "x = 75: mức 2 (≥ 70 và < 90.5) → 1", vi: "x = 75: mức 2 (từ 70 đến dưới 90,5) → 1" },
    { text: "nâng x từ 50 lên ≥ 70: +1; mức 1 (≥ 90) → 2", vi: "nâng x từ 50 lên ít nhất 70: +1; mức 1 (từ 90 trở lên) → 2" },
    { text: "giảm x từ 3 xuống ≤ 1: +0.5; mức 3 (< 2) → 0", vi: "giảm x từ 3 xuống không quá 1: +0,5; mức 3 (dưới 2) → 0" },
    { text: "2026-02-16 đúng hạn (hạn 2026-02-17) → 0.5", vi: "16/02/2026 đúng hạn (hạn 17/02/2026) → 0,5" },
    {
      text: "#1 2026-03-01 đúng hạn (hạn 2026-03-12) → 0.25; #2 chưa thực hiện (hạn 2026-06-12) → 0",
      vi: "#1 01/03/2026 đúng hạn (hạn 12/03/2026) → 0,25; #2 chưa thực hiện (hạn 12/06/2026) → 0",
    },
    {
      text: "theo công thức với payments_online = 118, payments = 420 → 1",
      vi: "theo công thức với Số giao dịch thanh toán trực tuyến = 118, Số giao dịch = 420 → 1",
    },
    {
      text: 'nhập "Ngày ban hành kế hoạch" (plan_issued_on) kèm tài liệu kiểm chứng: tối đa +0.5',
      vi: 'nhập "Ngày ban hành kế hoạch" (plan_issued_on) kèm tài liệu kiểm chứng: tối đa +0,5',
    },
    { text: "tiêu chí 1.1.2 và phiên bản 2026.1.json giữ nguyên", vi: "tiêu chí 1.1.2 và phiên bản 2026.1.json giữ nguyên" },
    { text: "my_payments_online_x = 3", vi: "my_payments_online_x = 3" },
  ])("$text", ({ text, vi }) => {
    expect(localiseExplanation(text, "vi", labels)).toBe(vi);
    expect(localiseExplanation(text, "en", labels)).toBe(text);
  });
});

describe("factLabels", () => {
  it("gives each fact and survey indicator its title with its unit", () => {
    const set = loadShippedSet("reference-commune/2026.1.json");
    expect(factLabels(set, "vi").get("online_payment_rate")).toBe("Tỷ lệ giao dịch thanh toán trực tuyến (%)");
    expect(factLabels(set, "en").get("online_payment_rate")).toBe("Share of payments made online (%)");
    expect(factLabels(set, "vi").get("satisfaction_overall")).toBe(set.survey!.indicators.satisfaction_overall!.title.vi);
  });
});
