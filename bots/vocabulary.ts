import { PHRASES } from '../notifications/phrases.ts';
import { SIDES, STAGES, type Side, type Stage } from '../workflows/domain.ts';

// The programme's words (stages, contract types, decline categories…) are the shared ones of
// notifications/phrases.ts, so chat and email say the same. Here: reading them back from what people type.

const KINDS = ['deliverable', 'payment'] as const;

/** Every spelling a person may type for a milestone kind, in either language ("付款", "payment"). */
export const MILESTONE_KIND_WORDS: Readonly<Record<string, (typeof KINDS)[number]>> = Object.fromEntries(
  KINDS.flatMap((kind) => [[kind, kind], [PHRASES.zh.milestoneKind[kind], kind], [PHRASES.en.milestoneKind[kind].toLowerCase(), kind]]),
);

/** Every spelling of a side ("高校", "university"). */
export const SIDE_WORDS: Readonly<Record<string, Side>> = Object.fromEntries(
  SIDES.flatMap((side) => [[side, side], [PHRASES.zh.side[side], side], [PHRASES.en.side[side].toLowerCase(), side]]),
);

/** A stage from its id or either language's name ("review", "审核", "已完成"), or null. */
export const stageFromWord = (word: string): Stage | null => {
  const wanted = word.trim().toLowerCase();
  return STAGES.find((stage) => stage === wanted || PHRASES.zh.stage[stage] === wanted || PHRASES.en.stage[stage].toLowerCase() === wanted) ?? null;
};
