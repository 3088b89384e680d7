import { normalizeText } from '../text/normalize.ts';
import { createTermFinder } from '../text/term-finder.ts';
import type { Concept, ConceptMap } from './types.ts';

/** Which of a concept's terms a text contains, split by language. */
export interface ConceptHit {
  readonly concept: Concept;
  readonly symptoms: readonly string[];
  readonly methods: readonly string[];
}

export type ConceptDetector = (text: string) => ReadonlyMap<string, ConceptHit>;

type TermUse = { readonly concept: Concept; readonly side: 'symptoms' | 'methods' };

/** Every concept of the map, industry by industry. */
export function allConcepts(map: ConceptMap): Concept[] {
  return map.industries.flatMap((industry) => industry.concepts);
}

/** Every term of the map (for the segmenter's dictionary). */
export function conceptTerms(map: ConceptMap): string[] {
  return allConcepts(map).flatMap((concept) => [...concept.symptoms, ...concept.methods]);
}

/** Finds the concepts a text mentions, in either language, with the terms that fired. */
export function createConceptDetector(map: ConceptMap): ConceptDetector {
  const uses = new Map<string, TermUse[]>();
  for (const concept of allConcepts(map)) {
    for (const side of ['symptoms', 'methods'] as const) {
      for (const term of concept[side].map(normalizeText)) {
        uses.set(term, [...(uses.get(term) ?? []), { concept, side }]);
      }
    }
  }
  const findTerms = createTermFinder(uses.keys());
  return (text) => {
    const hits = new Map<string, { concept: Concept; symptoms: string[]; methods: string[] }>();
    // Sorted so hit term order, and hence reasons, never depend on text position quirks.
    for (const term of [...findTerms(text)].sort()) {
      for (const { concept, side } of uses.get(term) ?? []) {
        let hit = hits.get(concept.id);
        if (!hit) hits.set(concept.id, (hit = { concept, symptoms: [], methods: [] }));
        hit[side].push(term);
      }
    }
    return hits;
  };
}
