/**
 * The key under which headers and answers are compared: NFC (exports mix composed and
 * decomposed Vietnamese), lower case, inner whitespace collapsed, trimmed.
 */
export function normaliseText(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}
