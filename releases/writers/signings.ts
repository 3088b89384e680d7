import type { SheetRecords } from '../sheets/index.ts';
import { valueKey } from '../text.ts';
import type { WriteContext, Writer } from './context.ts';

type Signing = SheetRecords['signings'];

/** The release a signing names, looked up as the check found it: by id, release number or title, among its organisation's. */
const subjectId = async ({ tx }: WriteContext, { subject }: Signing, ownerId: string): Promise<string> => {
  const named = { OR: [{ id: subject.name }, { releaseNumber: subject.name }, { title: subject.name }] };
  const found =
    subject.kind === 'demand'
      ? await tx.demand.findFirst({ where: { enterpriseId: ownerId, ...named }, select: { id: true }, orderBy: { id: 'asc' } })
      : await tx.achievement.findFirst({ where: { universityId: ownerId, ...named }, select: { id: true }, orderBy: { id: 'asc' } });
  if (!found) throw new Error(`signings: no ${subject.kind} "${subject.name}", though the check found one`);
  return found.id;
};

/**
 * Signings, each registered at the event by its workflow's sign step once the releases it names are
 * committed: the same path as `event sign`, which finds a contract already registered. A signing
 * whose contract was registered at the event before counts for nothing.
 */
export const writeSignings: Writer<Signing> = async (records, context) => {
  const { tx, organisations, eventId, sign, progress } = context;
  if (records.length === 0) return 0;
  if (!eventId || !sign) throw new Error('signings need the event and a way to register them; the import checks both first');
  let registered = 0;
  for (const record of records) {
    const universityId = organisations.get(valueKey(record.university))!.id;
    const enterpriseId = organisations.get(valueKey(record.enterprise))!.id;
    const id = await subjectId(context, record, record.subject.kind === 'demand' ? enterpriseId : universityId);
    const held = record.subject.kind === 'demand' ? { demandId: id } : { achievementId: id };
    const before = await tx.contract.count({ where: { signedAtEventId: eventId, universityId, enterpriseId, partnership: { eventId, ...held } } });
    await sign(eventId, {
      subject: { kind: record.subject.kind, id },
      universityId,
      enterpriseId,
      type: record.type,
      amountCny: record.amountCny,
      signedOn: record.signedOn,
      ip: record.ip,
    });
    if (before === 0) registered++;
    progress(1);
  }
  return registered;
};
