import { loadConfig } from '../lib/config.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { ImportRefused } from './errors.ts';
import { loadReleaseFile, type ReleaseFile } from './read-file.ts';
import { loadReleases } from './release-directory.ts';
import type { OpenIdLookup } from '../lark/contacts.ts';
import type { ImportReport, LarkLookup, Language, SheetKind } from './report.ts';
import { SHEETS } from './sheets/index.ts';
import { valueKey } from './text.ts';
import { checkTables, type KnownOrganisation } from './validate.ts';
import { wordsFor } from './words.ts';
import { AFTER_COMMIT, followUpsFor, writersFor, type Signer, type WriteContext } from './writers/index.ts';

export type ImportFile = ReleaseFile;

export interface ImportOptions {
  /** The event the releases belong to; it must exist. */
  readonly eventId?: string;
  /** Check only; nothing is written. */
  readonly dryRun?: boolean;
  /** Write the rows without problems even when others have some (by default, any problem writes nothing). */
  readonly validOnly?: boolean;
  readonly language: Language;
  /** The person importing, recorded as the approver of what is created or changed. */
  readonly actorId?: string;
  /** Registers the signings sheet's rows at the event, as `event sign` does; without it, a file with signings is refused. */
  readonly sign?: Signer;
  /** Finds the Lark open_ids of people imported without one, after the import committed; given when a Lark app is configured. */
  readonly lookUp?: OpenIdLookup;
  /** Rows written or found unchanged so far, of the rows to write. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The largest file accepted; IMPORT_MAX_BYTES by default. */
  readonly maxBytes?: number;
}

const loadDirectory = async (prisma: Pick<PrismaClient, 'organisation'>): Promise<Map<string, KnownOrganisation>> =>
  new Map(
    (await prisma.organisation.findMany({ select: { id: true, name: true, kind: true, region: true, enterpriseCategory: true, ownership: true } })).map((o) => [
      valueKey(o.name),
      o,
    ]),
  );

/** Milliseconds the write transaction may take: ample for the rows, at least Prisma's usual 15 s. */
const transactionTimeout = (rows: number): number => Math.max(15_000, rows * 50);

/**
 * Imports a release file (.xlsx or CSV): organisations, people, achievements, demands and signings.
 * Checks every row first; by default any problem writes nothing, with `validOnly` the rows without
 * one are written. Writing happens in one transaction and is idempotent: the same file again changes
 * nothing, and an edited row updates its record. Signings are registered at the event after it
 * commits, each through `sign`, which finds a contract registered before; then people without a
 * Lark open_id are looked up through `lookUp` (the report says how many were found). With `prisma` null,
 * checks what needs no database (organisations only against the file's organisations sheet) and
 * writes nothing.
 * Throws ImportRefused for a file it cannot read at all.
 */
export const importReleases = async (prisma: PrismaClient | null, file: ImportFile, options: ImportOptions): Promise<ImportReport> => {
  const { language } = options;
  const loaded = await loadReleaseFile(file, language, options.maxBytes ?? loadConfig().IMPORT_MAX_BYTES);
  if (prisma && options.eventId && !(await prisma.event.findUnique({ where: { id: options.eventId }, select: { id: true } }))) {
    throw new ImportRefused(wordsFor(language).refused.noEvent(options.eventId), language);
  }
  // Rows registered at the event (signings) name releases, so the database's are loaded for them.
  const atEvent = loaded.tables.some((table) => SHEETS[table.kind].needsEvent && table.rows.length > 0);
  const checked = checkTables(loaded.tables, language, prisma ? await loadDirectory(prisma) : null, {
    ...(prisma && atEvent ? { releases: await loadReleases(prisma) } : {}),
    withoutEvent: !options.eventId,
  });
  const dryRun = prisma === null || (options.dryRun ?? false);
  const written: Record<SheetKind, number> = { organisations: 0, people: 0, achievements: 0, demands: 0, signings: 0 };
  let lookup: LarkLookup | undefined;
  const report = (): ImportReport => ({ rows: checked.rows, valid: checked.valid, errors: checked.problems, written, dryRun, ...(lookup ? { lookup } : {}) });
  if (prisma === null || dryRun || checked.valid === 0 || (checked.problems.length > 0 && !options.validOnly)) return report();
  const inTransaction = checked.accepted.filter((a) => !AFTER_COMMIT.has(a.kind));
  const afterCommit = checked.accepted.filter((a) => AFTER_COMMIT.has(a.kind));
  if (afterCommit.some((a) => a.count > 0) && !options.sign) throw new ImportRefused(wordsFor(language).refused.signingsUnavailable, language);

  let done = 0;
  options.onProgress?.(0, checked.valid);
  const context = (tx: WriteContext['tx'], organisations: WriteContext['organisations']): WriteContext => ({
    tx,
    organisations,
    eventId: options.eventId ?? null,
    actorId: options.actorId ?? null,
    sign: options.sign ?? null,
    lookUp: options.lookUp ?? null,
    progress: (rows) => {
      done += rows;
      options.onProgress?.(done, checked.valid);
    },
  });
  const organisations = await prisma.$transaction(
    async (tx) => {
      const inside = context(tx, await loadDirectory(tx));
      const writers = writersFor(inside);
      for (const accepted of inTransaction) written[accepted.kind] = await accepted.handOver(writers);
      return inside.organisations;
    },
    { timeout: transactionTimeout(checked.valid) },
  );
  const writers = writersFor(context(prisma, organisations));
  for (const accepted of afterCommit) written[accepted.kind] = await accepted.handOver(writers);
  const followUps = followUpsFor(context(prisma, organisations));
  for (const accepted of inTransaction) lookup = (await accepted.handOver(followUps)) ?? lookup;
  return report();
};
