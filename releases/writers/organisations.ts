import type { SheetRecords } from '../sheets/index.ts';
import { valueKey } from '../text.ts';
import { inBatches, stableId, unchanged, type Writer } from './context.ts';

/** Organisations, known by their name: a new name is created, a known one updated when its row says otherwise. */
export const writeOrganisations: Writer<SheetRecords['organisations']> = async (records, { tx, organisations, progress }) => {
  const creates = [];
  let changed = 0;
  for (const record of records) {
    const data = { kind: record.kind, region: record.region, enterpriseCategory: record.enterpriseCategory ?? null, ownership: record.ownership ?? null };
    const known = organisations.get(valueKey(record.name));
    if (!known) {
      const created = { id: stableId('org', record.name), name: record.name, ...data };
      creates.push(created);
      organisations.set(valueKey(record.name), created);
      continue;
    }
    if (!unchanged(known, data)) {
      await tx.organisation.update({ where: { id: known.id }, data });
      organisations.set(valueKey(record.name), { ...known, ...data });
      changed++;
    }
    progress(1);
  }
  await inBatches(creates, (batch) => tx.organisation.createMany({ data: batch }), progress);
  return changed + creates.length;
};
