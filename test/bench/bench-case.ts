/** One benchmark case: it does its work, reporting progress, and returns figures to print. */
export interface BenchCase {
  name: string;
  description: string;
  run(context: BenchContext): Figure[] | Promise<Figure[]>;
}

export interface BenchContext {
  /** How many units a case should work on (`--units=N`, default 10,000). */
  units: number;
  /** A line of progress, written to stderr. */
  progress(message: string): void;
  /** Call often inside long loops: samples memory for the peak figures. */
  sample(): void;
}

/** A printed figure: `generate  10,000 units in 8.1 s (1,234 units/s)`. */
export interface Figure {
  label: string;
  text: string;
}
