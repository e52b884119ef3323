import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblems, verifyPassword } from "../../api/auth/passwords.js";

describe("passwords", () => {
  it("stores a salted scrypt hash that verifies only the same password (NFC-normalised)", async () => {
    const first = await hashPassword("Phường 15 tự chấm");
    const second = await hashPassword("Phường 15 tự chấm");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("Phường");
    expect(await verifyPassword("Phường 15 tự chấm", first)).toBe(true);
    expect(await verifyPassword("Phường 15 tự chấm".normalize("NFD"), first)).toBe(true);
    expect(await verifyPassword("Phường 15 tự chấm ", first)).toBe(false);
  }, 20_000);

  it.each([
    null,
    "",
    "plain-text",
    "scrypt$1$8$1$AAAA$BBBB",
    "bcrypt$x$y$z$a$b",
    "scrypt$99999999$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  ])("never matches a malformed stored hash %j", async (stored) => {
    expect(await verifyPassword("anything-at-all", stored)).toBe(false);
  });

  it.each([
    ["ngắn", "ward", ["Mật khẩu phải có ít nhất 10 ký tự"]],
    ["ward-mat-khau-dai", "ward", ["Mật khẩu không được chứa tên đăng nhập"]],
    ["một câu dễ nhớ", "ward", []],
  ])("checks %j for login %j", (password, login, problems) => {
    expect(passwordProblems(password, login).map((p) => p.vi)).toEqual(problems);
  });
});
