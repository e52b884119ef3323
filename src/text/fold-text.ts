/** Lower case without Vietnamese diacritics ("Đặc khu" → "dac khu"), trimmed. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
}
