/** Sort keys, compared in order, higher first. */
export type SortKeys = readonly number[];

/** Positive when `x` sorts before `y` (higher keys first). */
export function compareKeys(x: SortKeys, y: SortKeys): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const a = x[i] ?? -Infinity;
    const b = y[i] ?? -Infinity;
    if (a !== b) return a > b ? 1 : -1;
  }
  return 0;
}

/**
 * Keeps the best `capacity` entries seen so far, best first by their sort keys, ties
 * broken by `id` ascending so results never depend on input order.
 */
export function createTopK<T>(capacity: number, keysOf: (entry: T) => SortKeys, id: (entry: T) => string) {
  const entries: { entry: T; keys: SortKeys; id: string }[] = [];
  return {
    /** The keys an entry must reach to enter (undefined until the list is full). */
    floor: (): SortKeys | undefined => (entries.length < capacity ? undefined : entries[entries.length - 1]!.keys),
    add(entry: T): void {
      if (capacity <= 0) return;
      const item = { entry, keys: keysOf(entry), id: id(entry) };
      let at = entries.length;
      while (at > 0) {
        const order = compareKeys(item.keys, entries[at - 1]!.keys);
        if (order < 0 || (order === 0 && item.id > entries[at - 1]!.id)) break;
        at--;
      }
      if (at >= capacity) return;
      entries.splice(at, 0, item);
      if (entries.length > capacity) entries.pop();
    },
    entries: (): readonly T[] => entries.map((item) => item.entry),
  };
}
