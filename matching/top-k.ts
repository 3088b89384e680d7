/**
 * Keeps the best `capacity` entries seen so far, best first, ties broken by `key`
 * ascending so results never depend on input order.
 */
export function createTopK<T>(capacity: number, score: (entry: T) => number, key: (entry: T) => string) {
  const entries: T[] = [];
  const before = (x: T, y: T) => score(x) > score(y) || (score(x) === score(y) && key(x) < key(y));
  return {
    /** The score an entry must reach to enter (−∞ until the list is full). */
    floor: () => (entries.length < capacity ? -Infinity : score(entries[entries.length - 1]!)),
    add(entry: T): void {
      if (capacity <= 0) return;
      let at = entries.length;
      while (at > 0 && before(entry, entries[at - 1]!)) at--;
      if (at >= capacity) return;
      entries.splice(at, 0, entry);
      if (entries.length > capacity) entries.pop();
    },
    entries: (): readonly T[] => entries,
  };
}
