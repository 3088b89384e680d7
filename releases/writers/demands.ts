import type { SheetRecords } from '../sheets/index.ts';
import { valueKey } from '../text.ts';
import type { Writer } from './context.ts';
import { writeReleases } from './releases.ts';

/** Demands, by release number or else title and enterprise. */
export const writeDemands: Writer<SheetRecords['demands']> = (records, context) => {
  const { tx, organisations, eventId } = context;
  const rows = records.map((record) => {
    const enterprise = organisations.get(valueKey(record.enterprise))!;
    return {
      releaseNumber: record.releaseNumber ?? null,
      title: record.title,
      ownerId: enterprise.id,
      data: {
        enterpriseId: enterprise.id,
        title: record.title,
        description: record.description,
        fields: [...record.fields],
        keywords: [...record.keywords],
        budgetWan: record.budgetWan ?? null,
        cooperationModes: [...record.cooperationModes],
        region: record.region ?? enterprise.region,
        releaseNumber: record.releaseNumber ?? null,
        contact: record.contact ?? null,
        ...(eventId ? { eventId } : {}),
      },
    };
  });
  return writeReleases(
    rows,
    {
      prefix: 'dem',
      find: async (releaseNumbers, titles) =>
        (await tx.demand.findMany({ where: { OR: [{ releaseNumber: { in: [...releaseNumbers] } }, { title: { in: [...titles] } }] } })).map((s) => ({
          id: s.id,
          releaseNumber: s.releaseNumber,
          title: s.title,
          ownerId: s.enterpriseId,
          // Decimal in the database, a number in the sheet: compared as numbers.
          data: { ...s, budgetWan: s.budgetWan === null ? null : s.budgetWan.toNumber() },
        })),
      create: (batch) => tx.demand.createMany({ data: [...batch] }),
      update: (id, data) => tx.demand.update({ where: { id }, data }),
    },
    context,
  );
};
