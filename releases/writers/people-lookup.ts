import type { LarkLookup } from '../report.ts';
import type { SheetRecords } from '../sheets/index.ts';
import type { WriteContext } from './context.ts';

type Person = SheetRecords['people'];

/**
 * After the import committed: the people of the sheet still without a Lark open_id are looked up
 * in the tenant by email and mobile. Those found get their open_id; the others are reached by email
 * (their channel becomes email when the row named none). A failed lookup changes nothing and is
 * reported, never thrown: the import stands.
 */
export const lookUpPeople = async (records: readonly Person[], { tx, lookUp }: WriteContext): Promise<LarkLookup | undefined> => {
  const wanted = new Map(records.flatMap((r) => (!r.larkOpenId && r.email ? [[r.email.toLowerCase(), r] as const] : [])));
  if (!lookUp || wanted.size === 0) return undefined;
  const stored = await tx.person.findMany({
    where: { larkOpenId: null, email: { in: [...wanted.keys()], mode: 'insensitive' } },
    select: { id: true, email: true },
  });
  const people = stored.flatMap((p) => (p.email ? [{ id: p.id, record: wanted.get(p.email.toLowerCase())! }] : []));
  if (people.length === 0) return undefined;
  let matches;
  try {
    matches = await lookUp(people.map(({ record }) => ({ email: record.email, mobile: record.mobile })));
  } catch (error) {
    return { found: 0, emailOnly: people.length, failure: error instanceof Error ? error.message : String(error) };
  }
  const found = people.flatMap(({ id, record }) => {
    const openId = matches.byEmail.get(record.email!.toLowerCase()) ?? (record.mobile ? matches.byMobile.get(record.mobile) : undefined);
    return openId ? [{ id, openId }] : [];
  });
  // An open_id already someone else's in the directory is left to a coordinator to sort out.
  const taken = new Set(
    (await tx.person.findMany({ where: { larkOpenId: { in: found.map((f) => f.openId) } }, select: { larkOpenId: true } })).map((p) => p.larkOpenId),
  );
  const given = found.filter((f) => !taken.has(f.openId));
  for (const { id, openId } of given) await tx.person.update({ where: { id }, data: { larkOpenId: openId } });
  const givenIds = new Set(given.map((f) => f.id));
  const emailOnly = people.filter(({ id }) => !givenIds.has(id));
  const noChannel = emailOnly.filter(({ record }) => !record.channel).map(({ id }) => id);
  if (noChannel.length > 0) await tx.person.updateMany({ where: { id: { in: noChannel } }, data: { channel: 'email' } });
  return { found: given.length, emailOnly: emailOnly.length };
};
