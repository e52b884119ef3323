/**
 * The respondent ids seen so far, to drop duplicates in one pass. Ids are kept as 64-bit
 * hashes (two 32-bit FNV-1a variants) in an open-addressing table: about 16 bytes per distinct
 * id, whatever the ids' length. A false "duplicate" needs two ids with equal 64-bit hashes
 * (odds about 1 in 10^7 for a million respondents).
 */
export interface RespondentSet {
  /** Adds the id; false if it was already there. */
  add(id: string): boolean;
  readonly size: number;
}

export function createRespondentSet(initialCapacity = 1024): RespondentSet {
  let capacity = 1;
  while (capacity < initialCapacity * 2) capacity *= 2;
  let high = new Uint32Array(capacity);
  let low = new Uint32Array(capacity);
  let used = new Uint8Array(capacity);
  let size = 0;

  const insert = (h: number, l: number): boolean => {
    const mask = capacity - 1;
    let slot = (l ^ (h >>> 7)) & mask;
    while (used[slot] === 1) {
      if (high[slot] === h && low[slot] === l) return false;
      slot = (slot + 1) & mask;
    }
    used[slot] = 1;
    high[slot] = h;
    low[slot] = l;
    return true;
  };

  const grow = () => {
    const [oldHigh, oldLow, oldUsed] = [high, low, used];
    capacity *= 2;
    high = new Uint32Array(capacity);
    low = new Uint32Array(capacity);
    used = new Uint8Array(capacity);
    for (let i = 0; i < oldUsed.length; i++) if (oldUsed[i] === 1) insert(oldHigh[i]!, oldLow[i]!);
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
      if (!insert(h >>> 0, l >>> 0)) return false;
      size += 1;
      if (size * 2 > capacity) grow();
      return true;
    },
    get size() {
      return size;
    },
  };
}
