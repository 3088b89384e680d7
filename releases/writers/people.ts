import type { SheetRecords } from '../sheets/index.ts';
import { valueKey } from '../text.ts';
import { inBatches, stableId, unchanged, type Writer } from './context.ts';

/**
 * People, known by their Lark open_id, else their email. An empty optional cell leaves what the
 * directory has (an address added since, a language the person chose); a new person gets the defaults.
 */
export const writePeople: Writer<SheetRecords['people']> = async (records, { tx, organisations, progress }) => {
  const openIds = records.flatMap((r) => (r.larkOpenId ? [r.larkOpenId] : []));
  const emails = records.flatMap((r) => (r.email ? [r.email] : []));
  const stored = await tx.person.findMany({
    where: { OR: [{ larkOpenId: { in: openIds } }, { email: { in: emails, mode: 'insensitive' } }] },
    select: { id: true, name: true, role: true, organisationId: true, email: true, larkOpenId: true, language: true, channel: true, fields: true },
  });
  const byOpenId = new Map(stored.flatMap((p) => (p.larkOpenId ? [[p.larkOpenId, p] as const] : [])));
  const byEmail = new Map(stored.flatMap((p) => (p.email ? [[p.email.toLowerCase(), p] as const] : [])));

  const creates = [];
  let changed = 0;
  for (const record of records) {
    const organisationId = record.organisation ? organisations.get(valueKey(record.organisation))!.id : null;
    const given = {
      name: record.name,
      role: record.role,
      organisationId,
      ...(record.email ? { email: record.email } : {}),
      ...(record.larkOpenId ? { larkOpenId: record.larkOpenId } : {}),
      ...(record.language ? { language: record.language } : {}),
      ...(record.channel ? { channel: record.channel } : {}),
      ...(record.fields?.length ? { fields: [...record.fields] } : {}),
    };
    const known = (record.larkOpenId && byOpenId.get(record.larkOpenId)) || (record.email && byEmail.get(record.email.toLowerCase())) || undefined;
    if (!known) {
      creates.push({ id: stableId('person', record.larkOpenId ?? record.email ?? record.name), language: 'zh' as const, channel: 'both' as const, ...given });
      continue;
    }
    if (!unchanged(known, given)) {
      await tx.person.update({ where: { id: known.id }, data: given });
      changed++;
    }
    progress(1);
  }
  await inBatches(creates, (batch) => tx.person.createMany({ data: batch }), progress);
  return changed + creates.length;
};
