/** Peak resident set and heap, sampled by hand inside loops (a timer cannot fire in synchronous work). */
export interface MemoryPeak {
  sample(): void;
  peak(): { rss: number; heapUsed: number };
}

export function measureMemory(): MemoryPeak {
  let rss = 0;
  let heapUsed = 0;
  return {
    sample() {
      const usage = process.memoryUsage();
      rss = Math.max(rss, usage.rss);
      heapUsed = Math.max(heapUsed, usage.heapUsed);
    },
    peak: () => ({ rss, heapUsed }),
  };
}
