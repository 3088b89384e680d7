import type { PrismaClient } from '../lib/prisma.ts';
import type { NamedRelease, ReleaseKind, ReleaseReference } from './sheet-spec.ts';
import { valueKey } from './text.ts';

/** Releases by kind and each name a row may give them by: id, release number, title. */
export type ReleaseIndex = Map<string, NamedRelease[]>;

const keyOf = (kind: ReleaseKind, name: string): string => `${kind}\u0000${name}`;

export const addRelease = (index: ReleaseIndex, release: NamedRelease): void => {
  for (const name of new Set([release.id, release.releaseNumber, release.title])) {
    if (name !== null) index.set(keyOf(release.kind, name), [...(index.get(keyOf(release.kind, name)) ?? []), release]);
  }
};

export const indexReleases = (releases: readonly NamedRelease[]): ReleaseIndex => {
  const index: ReleaseIndex = new Map();
  for (const release of releases) addRelease(index, release);
  return index;
};

/** What a reference finds: a release of the organisation the row names, only another's, or none. */
export type ReleaseFound = { readonly found: 'own' } | { readonly found: 'other'; readonly owner: string } | { readonly found: 'none' };

/** A release is named exactly as stored (the writer looks it up the same way), and must be the named organisation's. */
export const findRelease = (index: ReleaseIndex, reference: ReleaseReference): ReleaseFound => {
  const named = index.get(keyOf(reference.kind, reference.name)) ?? [];
  if (named.some((release) => valueKey(release.owner) === valueKey(reference.owner))) return { found: 'own' };
  return named[0] ? { found: 'other', owner: named[0].owner } : { found: 'none' };
};

/** The database's releases as rows may name them, for files with rows that do (a signings sheet). */
export const loadReleases = async (prisma: Pick<PrismaClient, 'demand' | 'achievement'>): Promise<NamedRelease[]> => {
  const [demands, achievements] = await Promise.all([
    prisma.demand.findMany({ select: { id: true, releaseNumber: true, title: true, enterprise: { select: { name: true } } } }),
    prisma.achievement.findMany({ select: { id: true, releaseNumber: true, title: true, university: { select: { name: true } } } }),
  ]);
  return [
    ...demands.map((d) => ({ kind: 'demand' as const, id: d.id, releaseNumber: d.releaseNumber, title: d.title, owner: d.enterprise.name })),
    ...achievements.map((a) => ({ kind: 'achievement' as const, id: a.id, releaseNumber: a.releaseNumber, title: a.title, owner: a.university.name })),
  ];
};
