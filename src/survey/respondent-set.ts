/**
 * The respondent ids seen so far, to drop duplicates in one pass. Ids are kept as 64-bit
 * hashes (two 32-bit FNV-1a variants) in one open-addressing table of [high, low] pairs, kept
 * at most half full: 16 to 32 bytes per distinct id, whatever the ids' length (at most 32 MB
 * for a million respondents). One table rather than separate arrays, so that a look-up costs
 * one cache miss, not three. A false "duplicate" needs two ids with equal 64-bit hashes (odds
 * about 1 in 10^7 for a million respondents).
 */
export interface RespondentSet {
  /** Adds the id; false if it was already there. */
  add(id: string): boolean;
  readonly size: number;
}

export function createRespondentSet(initialCapacity = 1024): RespondentSet {
  let capacity = 1;
  while (capacity < initialCapacity * 2) capacity *= 2;
  // slot i holds high at 2i and low at 2i + 1; [0, 0] marks a free slot (a hash of [0, 0] is stored as [0, 1])
  let table = new Uint32Array(capacity * 2);
  let size = 0;

  const insert = (h: number, l: number): boolean => {
    const mask = capacity - 1;
    let slot = (l ^ (h >>> 7)) & mask;
    for (;;) {
      const at = slot * 2;
      const high = table[at]!;
      const low = table[at + 1]!;
      if (high === 0 && low === 0) break;
      if (high === h && low === l) return false;
      slot = (slot + 1) & mask;
    }
    table[slot * 2] = h;
    table[slot * 2 + 1] = l;
    return true;
  };

  const grow = () => {
    const old = table;
    capacity *= 2;
    table = new Uint32Array(capacity * 2);
    for (let at = 0; at < old.length; at += 2) if (old[at] !== 0 || old[at + 1] !== 0) insert(old[at]!, old[at + 1]!);
  };

  return {
    add(id) {
      let h = 0x811c9dc5;
      let l = 0x01000193 ^ id.length;
      for (let i = 0; i < id.length; i++) {
        const c = id.charCodeAt(i);
        h = Math.imul(h ^ c, 0x01000193);
        l = Math.imul(l ^ c, 0x5bd1e995) ^ (l >>> 15);
      }
      h >>>= 0;
      l >>>= 0;
      if (h === 0 && l === 0) l = 1;
      if (!insert(h, l)) return false;
      size += 1;
      if (size * 2 > capacity) grow();
      return true;
    },
    get size() {
      return size;
    },
  };
}
