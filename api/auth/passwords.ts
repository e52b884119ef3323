import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url): a random 16-byte
 * salt per password, scrypt with N = 2^15 (≈ 32 MiB, tens of milliseconds), and a constant-time
 * comparison. The parameters travel with the hash, so they can be raised later.
 */
const N = 32768;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Whether `password` matches `stored`; a malformed or missing hash never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split("$") ?? [];
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 1 << 20) return false;
  const expected = Buffer.from(parts[5]!, "base64url");
  if (expected.length !== KEY_BYTES) return false;
  const key = await derive(password, Buffer.from(parts[4]!, "base64url"), n, r, p);
  return timingSafeEqual(key, expected);
}

/** Problems with a new password, in both languages (empty when it is acceptable). */
export function passwordProblems(password: string, login: string): { vi: string; en: string }[] {
  const problems: { vi: string; en: string }[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH)
    problems.push({ vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`, en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters` });
  if ([...password].length > PASSWORD_MAX_LENGTH)
    problems.push({ vi: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`, en: `The password must have at most ${PASSWORD_MAX_LENGTH} characters` });
  if (login !== "" && password.toLowerCase().includes(login.toLowerCase()))
    problems.push({ vi: "Mật khẩu không được chứa tên đăng nhập", en: "The password must not contain the login name" });
  return problems;
}
