import { describe, expect, it } from 'vitest';
import { createConceptIndex, sharedCredit } from '../../matching/concept-index.ts';
import { CONCEPT_MAP } from '../../matching/concepts/index.ts';
import { createConceptDetector } from '../../matching/concepts/detect.ts';
import { expectMoreTrueMatchesFirstThanWithout } from './ingredient-worth.ts';

const terms = (...list: string[]) => new Set(list);

describe('a shared concept counts as far as it links different words', () => {
  it('gives a concept named alike on both sides half its weight, one named differently all of it', () => {
    expect(sharedCredit(2, terms('回收'), terms('回收'), true)).toBeCloseTo(1);
    expect(sharedCredit(2, terms('磨损'), terms('耐磨涂层'), true)).toBeCloseTo(2);
    // One term of three in common: a third of the naming is shared.
    expect(sharedCredit(2, terms('磨损', '冲蚀'), terms('磨损', '耐磨涂层'), true)).toBeCloseTo(2 * (1 - 0.5 / 3));
    expect(sharedCredit(2, terms('回收'), terms('回收'), false)).toBe(2);
  });

  it('ranks an item that names the demand’s problem in the other language above one that repeats its words', () => {
    const detect = createConceptDetector(CONCEPT_MAP);
    const demand = detect('渣浆泵叶轮磨损严重');
    const repeats = detect('叶轮磨损的统计');
    const answers = detect('耐磨涂层');
    expect(repeats.has('wear') && answers.has('wear') && demand.has('wear')).toBe(true);
    const index = createConceptIndex([repeats, answers], [demand, repeats, answers], true);
    const [forRepeats, forAnswers] = index.score(new Map([['wear', demand.get('wear')!]]));
    expect(forAnswers!).toBeGreaterThan(forRepeats!);
  });

  it('puts true matches first more often than counting every shared concept in full, on the dev set and on plain words without a family’s knowledge', () => {
    expectMoreTrueMatchesFirstThanWithout({ conceptBridging: false });
  });
});
