import { z } from 'zod';

/** The five cooperation modes of 千校万企 releases, cheapest commitment last. */
export const COOPERATION_MODES = ['转让', '许可', '合作开发', '技术服务', '作价入股'] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

const nonEmpty = z.string().trim().min(1);

/** A university achievement (科技成果) as released by a tech-transfer office. */
export const AchievementSchema = z.object({
  id: nonEmpty,
  university: nonEmpty,
  title: nonEmpty,
  summary: nonEmpty,
  fields: z.array(nonEmpty),
  keywords: z.array(nonEmpty),
  maturity: z.number().int().min(1).max(9),
  cooperationModes: z.array(z.enum(COOPERATION_MODES)).min(1),
  region: nonEmpty,
});

/** An enterprise technology demand (技术需求), written in production language. */
export const DemandSchema = z.object({
  id: nonEmpty,
  enterprise: nonEmpty,
  title: nonEmpty,
  description: nonEmpty,
  fields: z.array(nonEmpty),
  budgetWan: z.number().nonnegative(),
  cooperationModes: z.array(z.enum(COOPERATION_MODES)).min(1),
  region: nonEmpty,
});

/** The matching file format (`gold`, the evaluation key, is accepted and ignored). */
export const MatchingInputSchema = z.object({
  achievements: z.array(AchievementSchema),
  demands: z.array(DemandSchema),
  gold: z.unknown().optional(),
});

export type Achievement = z.infer<typeof AchievementSchema>;
export type Demand = z.infer<typeof DemandSchema>;
export type MatchingInput = z.infer<typeof MatchingInputSchema>;
