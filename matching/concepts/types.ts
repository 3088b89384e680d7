/**
 * A concept bridges the two languages of a partnership: the symptoms an enterprise
 * reports (磨损, 漏检, 能耗高) and the mechanisms and methods a university studies
 * (耐磨涂层, 机器视觉缺陷检测, 余热回收). Terms are plain substrings, at least two
 * characters long, matched on normalized text.
 */
export interface Concept {
  /** Stable identifier, unique across the map, e.g. 'wear'. */
  readonly id: string;
  /** Short Chinese label used in reasons, e.g. '磨损'. */
  readonly label: string;
  /** Production language: how the problem shows up on a shop floor, farm or ward. */
  readonly symptoms: readonly string[];
  /** Research language: mechanisms, materials and methods that address it. */
  readonly methods: readonly string[];
}

/** The concepts of one industry family, with the release fields (领域) they belong to. */
export interface IndustryConcepts {
  readonly industry: string;
  readonly fields: readonly string[];
  readonly concepts: readonly Concept[];
}

export interface ConceptMap {
  /** Bumped whenever a concept or term changes, so rankings can be traced to a map. */
  readonly version: string;
  readonly industries: readonly IndustryConcepts[];
  /**
   * A general thesaurus beside the concepts (word → its synonyms), when one is loaded: queries gain
   * the synonyms of their own words like concept terms. None is shipped (bench/matching-thesaurus.ts).
   */
  readonly synonyms?: ReadonlyMap<string, readonly string[]>;
}
