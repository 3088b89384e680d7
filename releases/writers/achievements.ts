import type { SheetRecords } from '../sheets/index.ts';
import { valueKey } from '../text.ts';
import type { Writer } from './context.ts';
import { writeReleases } from './releases.ts';

/** Achievements, by release number or else title and university. */
export const writeAchievements: Writer<SheetRecords['achievements']> = (records, context) => {
  const { tx, organisations, eventId } = context;
  const rows = records.map((record) => {
    const university = organisations.get(valueKey(record.university))!;
    return {
      releaseNumber: record.releaseNumber ?? null,
      title: record.title,
      ownerId: university.id,
      data: {
        universityId: university.id,
        title: record.title,
        summary: record.summary,
        fields: [...record.fields],
        keywords: [...record.keywords],
        maturity: record.maturity,
        cooperationModes: [...record.cooperationModes],
        region: record.region ?? university.region,
        patents: [...record.patents],
        releaseNumber: record.releaseNumber ?? null,
        contact: record.contact ?? null,
        ...(eventId ? { eventId } : {}),
      },
    };
  });
  return writeReleases(
    rows,
    {
      prefix: 'ach',
      find: async (releaseNumbers, titles) =>
        (await tx.achievement.findMany({ where: { OR: [{ releaseNumber: { in: [...releaseNumbers] } }, { title: { in: [...titles] } }] } })).map((s) => ({
          id: s.id,
          releaseNumber: s.releaseNumber,
          title: s.title,
          ownerId: s.universityId,
          data: s,
        })),
      create: (batch) => tx.achievement.createMany({ data: [...batch] }),
      update: (id, data) => tx.achievement.update({ where: { id }, data }),
    },
    context,
  );
};
