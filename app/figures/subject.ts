import type { PrismaClient } from '../../lib/prisma.ts';
import { regionStem, sameRegion } from '../programmes/region.ts';
import { listProgrammes } from '../programmes/store.ts';
import { ENTERPRISE_CATEGORY_NAMES } from '../../domain/enterprise.ts';
import type { FiguresRequest } from './report.ts';

/** What one word of `统计 …` asks for: a programme, or a filter over the national figures. */
export type Subject = { readonly programme: string } | { readonly filter: NonNullable<FiguresRequest['filter']> };

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The enterprise category a word names: its value, or its name in either language (专精特新 for 专精特新企业). */
export const categoryNamed = (word: string, values: readonly string[]): string | undefined => {
  const names = ENTERPRISE_CATEGORY_NAMES as Readonly<Record<string, { zh: string; en: string }>>;
  return values.find((value) => {
    const name = names[value];
    return same(value, word) || (name !== undefined && (same(name.zh, word) || same(name.en, word) || same(name.zh.replace(/企业$/, ''), word)));
  });
};

/** A category's name in a language, or the stored value when it has none. */
export const categoryLabel = (value: string | null, language: 'zh' | 'en'): string => {
  if (value === null) return language === 'zh' ? '未填' : 'not given';
  return (ENTERPRISE_CATEGORY_NAMES as Readonly<Record<string, { zh: string; en: string }>>)[value]?.[language] ?? value;
};

/**
 * Reads the word after 统计: a programme by code, name or region (辽宁 → the programme covering
 * 辽宁省), a university by name, an industry, an enterprise category, or a region without a
 * programme of its own. Null when it is none of these.
 */
export const resolveSubject = async (prisma: PrismaClient, word: string): Promise<Subject | null> => {
  const programmes = await listProgrammes(prisma);
  const programme =
    programmes.find((p) => same(p.code, word) || same(p.name, word)) ??
    programmes.find((p) => p.regions.some((r) => sameRegion(r, word))) ??
    programmes.find((p) => regionStem(p.name) !== '' && regionStem(p.name).startsWith(regionStem(word)) && regionStem(word).length >= 2);
  if (programme) return { programme: programme.code };
  const university = await prisma.organisation.findFirst({
    where: { kind: 'university', OR: [{ id: word }, { name: word }] },
    select: { id: true, name: true },
  });
  if (university) return { filter: { kind: 'universityId', value: university.id, label: university.name } };
  const industry = await prisma.partnership.findFirst({ where: { industry: word }, select: { industry: true } });
  if (industry) return { filter: { kind: 'industry', value: industry.industry, label: industry.industry } };
  const categories = await prisma.$queryRaw<
    { value: string }[]
  >`SELECT DISTINCT "enterpriseCategory"::text AS value FROM "Organisation" WHERE "enterpriseCategory" IS NOT NULL`;
  const category = categoryNamed(
    word,
    categories.map((c) => c.value),
  );
  if (category) return { filter: { kind: 'category', value: category, label: categoryLabel(category, 'zh') } };
  const regions = await prisma.partnership.findMany({ distinct: ['region'], select: { region: true } });
  const region = regions.find((r) => sameRegion(r.region, word));
  if (region) return { filter: { kind: 'region', value: region.region, label: region.region } };
  return null;
};
