/**
 * Release fields (领域) that sit in one industry family: a demand filed under 储能 is
 * close to an achievement filed under 新能源 even when the labels differ.
 */
const FIELD_FAMILIES: readonly (readonly string[])[] = [
  ['新能源', '储能', '光伏', '氢能', '能源', '电力'],
  ['人工智能', '信息技术', '电子信息', '集成电路', '汽车电子'],
  ['智能制造', '机器人', '机械', '矿山机械', '航空', '无人机'],
  ['新材料', '表面工程', '冶金', '化工'],
  ['生物医药', '医疗器械', '医疗', '生物技术'],
  ['现代农业', '生物技术', '食品'],
  ['船舶', '海洋工程'],
  ['安全生产', '安全', '矿山机械'],
  ['节能环保', '电力', '化工'],
  ['汽车', '汽车电子', '新能源'],
  ['建筑', '土木', '交通'],
];

export type FieldRelation = 'shared' | 'related' | 'unrelated';

export interface FieldOverlap {
  readonly relation: FieldRelation;
  /** The fields both sides name (or, when related, the demand-side fields that are close). */
  readonly fields: readonly string[];
}

function related(a: string, b: string): boolean {
  return FIELD_FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

/** How the two sides' fields relate: a shared field, a field of the same family, or neither. */
export function fieldOverlap(demandFields: readonly string[], achievementFields: readonly string[]): FieldOverlap {
  const shared = demandFields.filter((field) => achievementFields.includes(field));
  if (shared.length > 0) return { relation: 'shared', fields: shared };
  const close = demandFields.filter((field) => achievementFields.some((other) => related(field, other)));
  return close.length > 0 ? { relation: 'related', fields: close } : { relation: 'unrelated', fields: [] };
}
