/**
 * The head of a ranking is reordered by a second view of the text: BM25 over single characters,
 * with no segmentation and no concept map. Words and concepts find the head; among its members
 * the two views count equally. The character view holds where the other one breaks
 * on text written by other hands: plain words against paper language (冲烂 / 冲击损伤, 看漏 / 漏检)
 * share characters even where a segmenter cuts them into different words and no concept links them.
 * It only reorders a head the words already chose: over a whole pool, shared characters mostly
 * find items of the same trade (the plain bigram baseline's weakness).
 */

/** How many of a subject's best candidates the character view reorders. */
export const RERANK_HEAD = 40;
/** Share of a head member's relevance carried by the character view. */
export const CHARACTER_SHARE = 0.5;

/** Each score's place, best first (0 for the highest; equal scores share the better place). */
function placesOf(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((x, y) => y - x);
  return scores.map((score) => sorted.indexOf(score));
}

/**
 * Head members' relevances with the character view blended in. The view speaks by place, not by
 * score: the member it puts k-th is given the head's k-th best relevance, so the blend needs no
 * common scale between two kinds of score, and the head's relevances (and so its confidences)
 * keep their spread: a true match the characters rank second is not pulled down toward a distractor.
 */
export function blendedRelevances(relevances: readonly number[], characterScores: readonly number[]): number[] {
  const bestFirst = [...relevances].sort((x, y) => y - x);
  const places = placesOf(characterScores);
  return relevances.map((relevance, i) => (1 - CHARACTER_SHARE) * relevance + CHARACTER_SHARE * bestFirst[places[i]!]!);
}
