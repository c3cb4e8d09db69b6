/**
 * A cache of work that is the same for every request until what it was worked out from changes
 * (the parts of a text, an exercise's sentences), kept within bounds: at most `entries` values
 * and, when values are large, at most `budget` of their total `weigh`t (characters, say), the
 * least recently used leaving first. A value heavier than the whole budget is not kept. Its keys
 * must change whenever what the value was worked out from changes: nothing here expires.
 */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /**
   * The kept value, or the one `load` gives, then kept; callers asking for the same key while it
   * loads share that one load. A load that fails is not kept: the next caller loads again.
   */
  getOrLoad(key: K, load: () => Promise<V>): Promise<V>;
  delete(key: K): void;
  /** The keys kept, least recently used first. */
  keys(): K[];
  /** Values kept, and their total weight. */
  readonly size: number;
  readonly weight: number;
  clear(): void;
}

export function boundedCache<K, V>({
  entries,
  budget = Infinity,
  weigh = () => 1,
}: {
  entries: number;
  budget?: number;
  weigh?: (value: V) => number;
}): BoundedCache<K, V> {
  const kept = new Map<K, { value: V; weight: number }>();
  const loading = new Map<K, Promise<V>>();
  let total = 0;
  const drop = (key: K) => {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    total -= entry.weight;
  };
  const cache: BoundedCache<K, V> = {
    get(key) {
      const entry = kept.get(key);
      if (!entry) return undefined;
      kept.delete(key);
      kept.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      drop(key);
      const weight = weigh(value);
      if (weight > budget) return;
      kept.set(key, { value, weight });
      total += weight;
      while (kept.size > entries || total > budget) drop(kept.keys().next().value!);
    },
    async getOrLoad(key, load) {
      if (kept.has(key)) return cache.get(key)!;
      let pending = loading.get(key);
      if (!pending) {
        pending = load()
          .then((value) => {
            cache.set(key, value);
            return value;
          })
          .finally(() => loading.delete(key));
        loading.set(key, pending);
      }
      return pending;
    },
    delete(key) {
      drop(key);
    },
    keys() {
      return [...kept.keys()];
    },
    get size() {
      return kept.size;
    },
    get weight() {
      return total;
    },
    clear() {
      kept.clear();
      total = 0;
    },
  };
  return cache;
}
