/** Evidence files accepted: the declared Content-Type must match the file's first bytes. */
const SIGNATURES: Record<string, number[][]> = {
  "application/pdf": [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  "image/png": [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  "image/jpeg": [[0xff, 0xd8, 0xff]],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [[0x50, 0x4b, 0x03, 0x04]],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [[0x50, 0x4b, 0x03, 0x04]],
  // iPhone photos: an ISO box `ftyp` at byte 4 with a HEIF brand (-1: any byte, the box size).
  "image/heic": ["heic", "heix", "mif1", "msf1"].map((brand) => [-1, -1, -1, -1, 0x66, 0x74, 0x79, 0x70, ...[...brand].map((ch) => ch.charCodeAt(0))]),
};

export const ACCEPTED_FILE_TYPES = Object.keys(SIGNATURES);

/** Whether `bytes` start like a file of `type` (an accepted type). */
export function matchesFileType(type: string, bytes: Uint8Array): boolean {
  return (SIGNATURES[type] ?? []).some((signature) => signature.every((byte, i) => byte < 0 || bytes[i] === byte));
}
