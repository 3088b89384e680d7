/**
 * The ingredients of the engine, each of which can be switched off to measure its
 * worth (bench/matching-eval.ts runs one ablation per flag). Production uses the defaults.
 */
export interface EngineConfig {
  /** jieba word segmentation with the domain lexicon; off: character bigrams. */
  readonly wordSegmentation: boolean;
  /** Character bigrams beside the words, at reduced weight: partial overlaps (矿浆 / 浆体) a segmenter splits apart. */
  readonly characterBigrams: boolean;
  /** The head of each ranking reordered by a single-character view of the texts, blended in equally (rerank.ts). */
  readonly characterRerank: boolean;
  /**
   * In the character view, a character the subject writes again and again weighs more (saturating like a
   * document's repeats): a plain-words demand names its problem by repeating it (冲, 磨, 粘), not by a rare term.
   */
  readonly characterRepeats: boolean;
  /**
   * A word both sides share whole counts once: the sub-words and character bigrams inside it add nothing
   * more for that document (they still count where it shares only them).
   */
  readonly overlapCountsOnce: boolean;
  /** Title and keywords weigh more than the body (BM25F by repetition). */
  readonly fieldWeighting: boolean;
  /** Shared concepts of the concept map add to relevance. */
  readonly conceptMatching: boolean;
  /** Shared concepts count only as far as the pair's words back them: a lone concept link is not a match. */
  readonly conceptNeedsWords: boolean;
  /** A shared concept both sides name with the same terms counts half: their words are already counted (concept-index.ts). */
  readonly conceptBridging: boolean;
  /** Queries gain the other language's terms of the concepts they mention. */
  readonly queryExpansion: boolean;
  /** Shared or related release fields (领域). */
  readonly fieldOverlap: boolean;
  /** Penalty for pairs without a common cooperation mode. */
  readonly modeFit: boolean;
  /** Penalty for achievements below the maturity the demand needs. */
  readonly maturityFit: boolean;
  /** Same-region tie-break. */
  readonly regionPreference: boolean;
  /** Penalty (and flag) when one side only finds the problem and the other only acts on it. */
  readonly solutionType: boolean;
  /** Confidence measured against the subject's background relevance over the whole pool. */
  readonly backgroundCalibration: boolean;
  /** Confidence also needs absolute evidence: a small fit never looks convincing, however low the background. */
  readonly absoluteEvidence: boolean;
  /** A demand needing more maturity than the pool's demands typically do gets proportionally less confidence. */
  readonly maturityPrior: boolean;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  wordSegmentation: true,
  characterBigrams: true,
  characterRerank: true,
  characterRepeats: true,
  overlapCountsOnce: true,
  fieldWeighting: true,
  conceptMatching: true,
  conceptNeedsWords: true,
  conceptBridging: true,
  queryExpansion: true,
  fieldOverlap: true,
  modeFit: true,
  maturityFit: true,
  regionPreference: true,
  solutionType: true,
  backgroundCalibration: true,
  absoluteEvidence: true,
  maturityPrior: true,
};
