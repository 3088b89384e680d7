import type { PrismaClient } from '../../lib/prisma.ts';
import { listProgrammes, programmeByCode, withDescendants, type ProgrammeRecord } from '../programmes/store.ts';
import { TARGET_KEYS, type Targets } from '../programmes/schema.ts';
import { computeFigures, type FigureFilter, type FigureSet } from './query.ts';
import { programmePeriod, type Period } from './period.ts';

/** A provincial programme's targets, shown beside its regions in the national figures. */
export interface RegionTargets {
  readonly code: string;
  readonly name: string;
  readonly regions: readonly string[];
  readonly targets: Targets;
}

/** The figures of a programme (or of every record when there is none), with the targets to read them against. */
export interface FiguresReport {
  readonly programme: ProgrammeRecord | null;
  readonly period: Period | null;
  /** What a filter kept, as people name it (a university, an industry…). */
  readonly filter: { readonly kind: keyof FigureFilter; readonly value: string; readonly label: string } | null;
  readonly targets: Targets;
  /** Where the targets came from: the database, or PROGRAMME_TARGETS for a national programme without them. */
  readonly targetsFrom: 'programme' | 'environment' | 'none';
  readonly childTargets: readonly RegionTargets[];
  readonly figures: FigureSet;
  readonly computedMs: number;
}

export interface FiguresRequest {
  /** A programme code; without one, the national programme when there is one, else every record. */
  readonly programme?: string;
  /** Without one, the programme's own period (every record when there is no programme). */
  readonly period?: Period | null;
  readonly filter?: { readonly kind: keyof FigureFilter; readonly value: string; readonly label: string } | null;
  /** Targets for a national programme that has none in the database (PROGRAMME_TARGETS). */
  readonly fallbackTargets?: Targets;
  readonly now?: Date;
}

const isRoot = (p: ProgrammeRecord): boolean => p.level === 'national' && p.parentCode === null;

/** The programme `统计` means without one: the national programme. */
export const defaultProgramme = (all: readonly ProgrammeRecord[]): ProgrammeRecord | null =>
  all.find(isRoot) ?? all.find((p) => p.level === 'national') ?? null;

const fill = (own: Targets, fallback: Targets | undefined): { targets: Targets; from: FiguresReport['targetsFrom'] } => {
  if (!fallback || TARGET_KEYS.every((key) => own[key] !== undefined)) return { targets: own, from: Object.keys(own).length ? 'programme' : 'none' };
  const merged: Targets = { ...fallback, ...own };
  return { targets: merged, from: Object.keys(own).length ? 'programme' : 'environment' };
};

/** The programme's figures for a period and filter, by SQL over the records; a national programme rolls up those under it. */
export const composeFigures = async (prisma: PrismaClient, request: FiguresRequest = {}): Promise<FiguresReport> => {
  const started = performance.now();
  const all = await listProgrammes(prisma);
  const programme = request.programme ? await programmeByCode(prisma, request.programme) : defaultProgramme(all);
  const period = request.period !== undefined ? request.period : programme ? programmePeriod(programme.startsOn, programme.endsOn) : null;
  const filter = request.filter ? { [request.filter.kind]: request.filter.value } : {};
  const figures = await computeFigures(prisma, {
    programmeCodes: programme ? withDescendants(all, programme.code) : null,
    includeUnassigned: programme ? isRoot(programme) : false,
    period,
    filter,
    now: request.now ?? new Date(),
  });
  const { targets, from } = programme
    ? fill(programme.targets, isRoot(programme) ? request.fallbackTargets : undefined)
    : { targets: request.fallbackTargets ?? {}, from: request.fallbackTargets ? ('environment' as const) : ('none' as const) };
  const childTargets = programme
    ? all
        .filter((p) => p.code !== programme.code && withDescendants(all, programme.code).includes(p.code))
        .map((p) => ({ code: p.code, name: p.name, regions: p.regions, targets: p.targets }))
    : [];
  return {
    programme,
    period,
    filter: request.filter ?? null,
    targets,
    targetsFrom: from,
    childTargets,
    figures,
    computedMs: Math.round(performance.now() - started),
  };
};
