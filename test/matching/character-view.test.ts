import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCharacterIndex } from '../../matching/character-index.ts';
import { blendedRelevances, CHARACTER_SHARE } from '../../matching/rerank.ts';
import { characterTokens } from '../../matching/text/characters.ts';
import { expectMoreTrueMatchesFirstThanWithout } from './ingredient-worth.ts';

describe('the character view', () => {
  it('reads single Han characters and whole Latin words, without punctuation', () => {
    expect(characterTokens('泵叶轮，HVOF涂层')).toEqual(['泵', '叶', '轮', 'hvof', '涂', '层']);
  });

  it('meets plain words and paper language through the characters they share, rarer characters weighing more', () => {
    const index = createCharacterIndex(['含固浆体冲击损伤的覆层', '泵站节能改造', '奶牛发情识别', '泵的变频调速'].map(characterTokens));
    const query = index.query(characterTokens('泵里的轮子被矿浆冲烂了'), true);
    const scores = [0, 1, 2, 3].map((doc) => index.score(query, doc));
    expect(scores[0]).toBeGreaterThan(0); // 浆, 冲
    expect(scores[2]).toBe(0);
    // 泵 is in two documents, 浆 and 冲 in one each.
    expect(scores[0]).toBeGreaterThan(scores[1]!);
  });

  it('weighs a character the text repeats more, though less than in proportion', () => {
    // 冲 and 泵 are each in one document of the same length, so they weigh alike when written once.
    const index = createCharacterIndex(['冲击', '泵站', '奶牛', '蜂蜜'].map(characterTokens));
    const text = characterTokens('冲烂了又冲坏了，还得冲，泵');
    const once = index.query(text, false);
    expect(index.score(once, 0)).toBeCloseTo(index.score(once, 1), 12);
    const repeated = index.query(text, true);
    const ratio = index.score(repeated, 0) / index.score(repeated, 1);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(3);
  });

  it('reorders a head without lifting any member above the best relevance the words found, or changing the total', () => {
    const distinctScores = (length: number) => fc.uniqueArray(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: length, maxLength: length });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((length) => fc.tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: length, maxLength: length }), distinctScores(length))),
        ([relevances, characterScores]) => {
          const blended = blendedRelevances(relevances, characterScores);
          const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
          expect(Math.max(...blended)).toBeLessThanOrEqual(Math.max(...relevances) + 1e-12);
          expect(sum(blended)).toBeCloseTo(sum(relevances), 9);
        },
      ),
    );
  });

  it('moves a member the characters put first halfway to the head’s best relevance', () => {
    const blended = blendedRelevances([0.8, 0.6, 0.4], [1, 2, 9]);
    expect(blended[2]).toBeCloseTo((1 - CHARACTER_SHARE) * 0.4 + CHARACTER_SHARE * 0.8);
    expect(blended[0]).toBeCloseTo((1 - CHARACTER_SHARE) * 0.8 + CHARACTER_SHARE * 0.4);
    expect(blended[1]).toBeCloseTo(0.6);
  });

  it('puts more true matches first on the dev set and on plain words without a family’s knowledge when repeats weigh more', () => {
    expectMoreTrueMatchesFirstThanWithout({ characterRepeats: false });
  });
});
