import { WORDS } from '../notifications/words.ts';
import { MILESTONE_KINDS, SIDES, STAGES, type MilestoneKind, type Side, type Stage } from '../domain/vocabulary.ts';

// The programme's words (stages, contract types, decline categories…) are the shared ones of
// notifications/words.ts, so chat and email say the same. Here: reading them back from what people type.

/** Every spelling a person may type for a milestone kind, in either language ("付款", "payment"). */
export const MILESTONE_KIND_WORDS: Readonly<Record<string, MilestoneKind>> = Object.fromEntries(
  MILESTONE_KINDS.flatMap((kind) => [
    [kind, kind],
    [WORDS.zh.milestoneKind[kind], kind],
    [WORDS.en.milestoneKind[kind].toLowerCase(), kind],
  ]),
);

/** Every spelling of a side ("高校", "university"). */
export const SIDE_WORDS: Readonly<Record<string, Side>> = Object.fromEntries(
  SIDES.flatMap((side) => [
    [side, side],
    [WORDS.zh.side[side], side],
    [WORDS.en.side[side].toLowerCase(), side],
  ]),
);

/** A stage from its id or either language's name ("review", "审核", "已完成"), or null. */
export const stageFromWord = (word: string): Stage | null => {
  const wanted = word.trim().toLowerCase();
  return STAGES.find((stage) => stage === wanted || WORDS.zh.stage[stage] === wanted || WORDS.en.stage[stage].toLowerCase() === wanted) ?? null;
};
