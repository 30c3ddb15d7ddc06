// Deterministic randomness for the demo: the same keys give the same numbers on every machine.

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough for demo data, not for secrets. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: turns a key like 'MIG_SERVED|PHL-naga-city' into a seed. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A PRNG for one key: generation order does not change any value. */
export function randomFor(...parts: (string | number)[]): () => number {
  return mulberry32(hashKey(parts.join('|')));
}

export function between(random: () => number, low: number, high: number): number {
  return low + random() * (high - low);
}

/** Picks a key by weight: `weighted(r, { approved: 3, draft: 1 })`. */
export function weighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}
