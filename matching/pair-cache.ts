/**
 * Memoizes a function of two lists (fields, modes) by their contents. Pools repeat a
 * few dozen distinct lists, so ranking 1,500 × 1,100 pairs computes each combination once.
 */
export function createListPairCache<L extends string, R extends string, T>(compute: (left: readonly L[], right: readonly R[]) => T) {
  const byLeft = new Map<string, Map<string, T>>();
  return {
    /** Key of a list; compute it once per item and pass it back with the list. */
    key: (list: readonly string[]) => list.join('\u0001'),
    get(left: readonly L[], leftKey: string, right: readonly R[], rightKey: string): T {
      let row = byLeft.get(leftKey);
      if (!row) byLeft.set(leftKey, (row = new Map<string, T>()));
      let value = row.get(rightKey);
      if (value === undefined) row.set(rightKey, (value = compute(left, right)));
      return value;
    },
  };
}
