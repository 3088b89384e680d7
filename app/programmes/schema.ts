import { z } from 'zod';

export const PROGRAMME_LEVELS = ['national', 'provincial'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];

/** The six targets a programme is measured against, over its whole period. */
export const TARGET_KEYS = ['universities', 'enterprises', 'experts', 'transformations', 'amountCny', 'dockings'] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];
export type Targets = Partial<Record<TargetKey, number>>;

const Count = z.coerce.number().int().nonnegative();
export const TargetsSchema = z
  .object({
    universities: Count.optional(),
    enterprises: Count.optional(),
    experts: Count.optional(),
    transformations: Count.optional(),
    amountCny: z.coerce.number().nonnegative().max(1e14).optional(),
    dockings: Count.optional(),
  })
  .strict();

const Day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a date');

export const PROGRAMME_CODE = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/;

/** A programme as its office describes it; a provincial one names the regions it covers. */
export const ProgrammeDetailsSchema = z
  .object({
    code: z.string().trim().regex(PROGRAMME_CODE, 'expected a short code such as CN or LN (letters, digits, - and _)'),
    name: z.string().trim().min(1).max(200),
    level: z.enum(PROGRAMME_LEVELS),
    regions: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
    coordinatorIds: z.array(z.string().trim().min(1)).default([]),
    startsOn: Day,
    endsOn: Day,
    parent: z.string().trim().regex(PROGRAMME_CODE).optional(),
    targets: TargetsSchema.default({}),
  })
  .refine((p) => p.startsOn <= p.endsOn, { path: ['endsOn'], message: 'the programme cannot end before it starts' })
  .refine((p) => p.level === 'national' || p.regions.length > 0, { path: ['regions'], message: 'a provincial programme names at least one region' })
  .refine((p) => p.parent !== p.code, { path: ['parent'], message: 'a programme cannot be its own parent' });
export type ProgrammeDetails = z.input<typeof ProgrammeDetailsSchema>;
