import { createBm25Index, plainQuery } from '../bm25.ts';
import type { Achievement, Demand } from '../schema.ts';
import { bigramTokens } from '../text/bigrams.ts';
import type { RankedList } from './metrics.ts';

/**
 * The plain baseline: character-bigram BM25 over each achievement's title, keywords
 * and summary, queried with the demand's title and description. No domain knowledge.
 */
export function createBaselineRanker(achievements: readonly Achievement[]): (demand: Demand, top: number) => RankedList {
  const index = createBm25Index(achievements.map((a) => bigramTokens([a.title, a.keywords.join(' '), a.summary].join(' '))));
  return (demand, top) => {
    const scores = index.score(plainQuery(bigramTokens(`${demand.title} ${demand.description}`)));
    const order = achievements.map((_, i) => i).sort((x, y) => scores[y]! - scores[x]! || x - y);
    const best = order.slice(0, top);
    return { ids: best.map((i) => achievements[i]!.id), scores: best.map((i) => scores[i]!) };
  };
}
