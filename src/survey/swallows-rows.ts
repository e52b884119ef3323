/**
 * A cell over several lines, one of which holds as many separators as a row of the file: the
 * rows a stray quote took in. A comment or text answer may span lines; it does not hold a row's
 * worth of commas, semicolons or tabs on one of them.
 */
export function swallowsRows(cell: string, width: number): boolean {
  if (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1) return false;
  return cell
    .split(/\r\n|\r|\n/)
    .slice(1)
    .some((line) => (line.match(/[,;\t]/g)?.length ?? 0) >= Math.max(width - 1, 2));
}
