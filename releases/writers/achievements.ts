import type { IpRight } from '../../domain/ip.ts';
import type { Transaction } from '../../lib/prisma.ts';
import type { SheetRecords } from '../sheets/index.ts';
import { valueKey } from '../text.ts';
import type { Writer } from './context.ts';
import { writeReleases } from './releases.ts';

/** A right as compared between a row and the database: one string, so the rights compare as a sorted list. */
const rightKey = (right: IpRight): string => `${right.number} ${right.kind} ${right.status}`;
const rightOfKey = (key: string): IpRight => {
  const [number, kind, status] = key.split(' ') as [string, IpRight['kind'], IpRight['status']];
  return { number, kind, status };
};

/** Replaces an achievement's rights with those its row names. */
const writeRights = async (tx: Transaction, achievementId: string, keys: readonly string[]): Promise<void> => {
  await tx.achievementRight.deleteMany({ where: { achievementId } });
  if (keys.length > 0) await tx.achievementRight.createMany({ data: keys.map((key) => ({ achievementId, ...rightOfKey(key) })) });
};

/** Achievements, by release number or else title and university, with their rights. */
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
        rights: record.rights.map(rightKey).sort(),
        // An empty cell leaves the availability as it is: a signed licence may have set it.
        ...(record.availability ? { availability: record.availability } : {}),
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
        (
          await tx.achievement.findMany({
            where: { OR: [{ releaseNumber: { in: [...releaseNumbers] } }, { title: { in: [...titles] } }] },
            include: { rights: { select: { number: true, kind: true, status: true } } },
          })
        ).map(({ rights, ...s }) => ({
          id: s.id,
          releaseNumber: s.releaseNumber,
          title: s.title,
          ownerId: s.universityId,
          data: { ...s, rights: rights.map(rightKey).sort() },
        })),
      create: async (batch) => {
        await tx.achievement.createMany({ data: batch.map(({ rights: _rights, ...achievement }) => achievement) });
        const data = batch.flatMap(({ id, rights }) => rights.map((key) => ({ achievementId: id, ...rightOfKey(key) })));
        if (data.length > 0) await tx.achievementRight.createMany({ data });
      },
      update: async (id, { rights, ...achievement }) => {
        await tx.achievement.update({ where: { id }, data: achievement });
        await writeRights(tx, id, rights);
      },
    },
    context,
  );
};
