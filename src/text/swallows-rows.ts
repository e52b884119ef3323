/** A cell over several lines, one of which holds as many separators as a row of the file: rows taken in by a stray quote. */
export function swallowsRows(cell: string, width: number): boolean {
  if (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1) return false;
  return cell
    .split(/\r\n|\r|\n/)
    .slice(1)
    .some((line) => (line.match(/[,;\t]/g)?.length ?? 0) >= Math.max(width - 1, 2));
}
