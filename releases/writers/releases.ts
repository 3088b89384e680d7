import { inBatches, stableId, unchanged, type WriteContext } from './context.ts';

type Plain = string | number | boolean | null | readonly string[];

/** A release as stored, reduced to what a row can say about it. */
export interface StoredRelease<D> {
  readonly id: string;
  readonly releaseNumber: string | null;
  readonly title: string;
  readonly ownerId: string;
  readonly data: Readonly<Record<keyof D, Plain | undefined>>;
}

/** A release as a row says it. */
export interface RowRelease<D> {
  readonly releaseNumber: string | null;
  readonly title: string;
  readonly ownerId: string;
  readonly data: D;
}

export interface ReleasePlan<D> {
  readonly creates: readonly RowRelease<D>[];
  readonly updates: readonly { readonly id: string; readonly data: D }[];
  readonly unchanged: number;
}

const titleKey = (title: string, ownerId: string): string => JSON.stringify([title, ownerId]);

/**
 * Which rows are new, which change their release and which say what is stored already. A row is
 * its release's by the release number; without a number, by its title and organisation. A numbered
 * row also takes over an unnumbered release of the same title and organisation, which an earlier
 * import of the sheet made before the numbers were filled in.
 */
export const planReleases = <D extends Record<string, Plain>>(rows: readonly RowRelease<D>[], stored: readonly StoredRelease<D>[]): ReleasePlan<D> => {
  const byNumber = new Map(stored.flatMap((s) => (s.releaseNumber ? [[s.releaseNumber, s] as const] : [])));
  const byTitle = new Map<string, StoredRelease<D>[]>();
  for (const s of stored) byTitle.set(titleKey(s.title, s.ownerId), [...(byTitle.get(titleKey(s.title, s.ownerId)) ?? []), s]);
  const claimed = new Set<string>();
  const creates: RowRelease<D>[] = [];
  const updates: { id: string; data: D }[] = [];
  let same = 0;
  for (const row of rows) {
    const sameTitle = (byTitle.get(titleKey(row.title, row.ownerId)) ?? []).filter((s) => !claimed.has(s.id));
    const found = row.releaseNumber ? (byNumber.get(row.releaseNumber) ?? sameTitle.find((s) => s.releaseNumber === null)) : sameTitle[0];
    if (!found || claimed.has(found.id)) {
      creates.push(row);
      continue;
    }
    claimed.add(found.id);
    if (unchanged(found.data, row.data)) same++;
    else updates.push({ id: found.id, data: row.data });
  }
  return { creates, updates, unchanged: same };
};

/** How one release kind is stored: found by release numbers and titles, created in batches, updated by id. */
export interface ReleaseStore<D> {
  /** The prefix of the ids it makes. */
  readonly prefix: string;
  find(releaseNumbers: readonly string[], titles: readonly string[]): Promise<readonly StoredRelease<D>[]>;
  create(rows: readonly (D & { readonly id: string; readonly approvedById?: string })[]): Promise<unknown>;
  update(id: string, data: D & { readonly approvedById?: string }): Promise<unknown>;
}

/** Writes a kind's releases as planned; the person importing becomes the approver of what is created or changed. */
export const writeReleases = async <D extends Record<string, Plain>>(
  rows: readonly RowRelease<D>[],
  store: ReleaseStore<D>,
  { actorId, progress }: Pick<WriteContext, 'actorId' | 'progress'>,
): Promise<number> => {
  const stored = await store.find(
    rows.flatMap((r) => (r.releaseNumber ? [r.releaseNumber] : [])),
    rows.map((r) => r.title),
  );
  const plan = planReleases(rows, stored);
  const approval = actorId ? { approvedById: actorId } : {};
  const idOf = (row: RowRelease<D>) => (row.releaseNumber ? stableId(store.prefix, row.releaseNumber) : stableId(store.prefix, row.title, row.ownerId));
  await inBatches(plan.creates, (batch) => store.create(batch.map((row) => ({ id: idOf(row), ...row.data, ...approval }))), progress);
  for (const update of plan.updates) {
    await store.update(update.id, { ...update.data, ...approval });
    progress(1);
  }
  progress(plan.unchanged);
  return plan.creates.length + plan.updates.length;
};
