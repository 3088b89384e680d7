import { describe, expect, it } from 'vitest';
import { createBm25Index, plainQuery } from '../../matching/bm25.ts';
import { createAnalyzer } from '../../matching/analyze.ts';
import { CONCEPT_MAP } from '../../matching/concepts/index.ts';
import { conceptTerms, createConceptDetector } from '../../matching/concepts/detect.ts';
import { fieldOverlap } from '../../matching/features/fields.ts';
import { requiredMaturity } from '../../matching/features/maturity.ts';
import { sharedModes } from '../../matching/features/modes.ts';
import { DEFAULT_ENGINE_CONFIG } from '../../matching/config.ts';
import { achievement } from './fixtures.ts';
import { expectMoreTrueMatchesFirstThanWithout } from './ingredient-worth.ts';
import { createWordTokenizer } from '../../matching/text/segmenter.ts';

describe('word segmentation', () => {
  const tokenize = createWordTokenizer(conceptTerms(CONCEPT_MAP));

  it('keeps domain terms whole, emits their sub-words, and drops boilerplate', () => {
    const tokens = tokenize('我公司希望采用高铬铸铁和耐磨涂层');
    expect(tokens).toContain('高铬铸铁');
    expect(tokens).toContain('耐磨涂层');
    expect(tokens).toContain('涂层');
    expect(tokens).not.toContain('我公司');
    expect(tokens).not.toContain('希望');
  });

  it('cuts ordinary text as jieba alone does, with the map’s terms and with four times as many', () => {
    const plain = createWordTokenizer([]);
    const manyMore = Array.from(
      { length: 20_000 },
      (_, i) => `域${String.fromCharCode(0x4e00 + (i % 5000))}${String.fromCharCode(0x9000 + Math.floor(i / 5000))}`,
    );
    const grown = createWordTokenizer([...conceptTerms(CONCEPT_MAP), ...manyMore]);
    for (const text of ['海上养鱼的网被划破了好几天才知道', '平均每车每班误停十余次', '想靠软件和日常开船的办法']) {
      expect(tokenize(text)).toEqual(plain(text));
      expect(grown(text)).toEqual(plain(text));
    }
    expect(grown('高铬铸铁叶轮磨损')).toContain('高铬铸铁');
  });

  it('normalizes full-width Latin letters', () => {
    expect(tokenize('ＷＣ涂层')).toEqual(['wc', '涂层']);
  });
});

describe('BM25', () => {
  const index = createBm25Index([
    ['叶轮', '磨损'],
    ['叶轮', '泵'],
    ['电池', '低温'],
    ['电池', '正极'],
    ['电池', '负极'],
  ]);

  it('scores documents that contain the query terms, rarer terms higher', () => {
    const scores = index.score(plainQuery(['磨损', '电池']));
    expect(scores[0]).toBeGreaterThan(scores[2]!); // 磨损 (1 doc) outweighs 电池 (3 docs)
    expect(scores[1]).toBe(0);
  });

  it("weights expansion terms below the query's own words", () => {
    const full = index.score(new Map([['磨损', 1]]))[0]!;
    const expanded = index.score(new Map([['磨损', 0.35]]))[0]!;
    expect(expanded).toBeCloseTo(full * 0.35);
  });

  it('explains which query terms a document matched, largest contribution first', () => {
    expect(index.matchedTerms(plainQuery(['叶轮', '磨损', '电池']), 0)).toEqual(['磨损', '叶轮']);
  });
});

describe('a word shared whole counts once', () => {
  const index = createBm25Index([
    ['耐磨涂层', '耐磨', '涂层'], // the whole word, with the sub-words search mode emits beside it
    ['耐磨', '涂层'], // only the pieces, apart
    ['电池', '正极'],
    ['电池', '负极'],
  ]);
  const query = plainQuery(['耐磨涂层', '耐磨', '涂层']);
  const coveredBy = new Map([
    ['耐磨', ['耐磨涂层']],
    ['涂层', ['耐磨涂层']],
  ]);

  it('pays a document sharing the whole word for the word alone, and one sharing only the pieces for the pieces', () => {
    const whole = index.score(plainQuery(['耐磨涂层']));
    const pieces = index.score(plainQuery(['耐磨', '涂层']));
    const once = index.score(query, coveredBy);
    expect(once[0]).toBeCloseTo(whole[0]!);
    expect(once[1]).toBeCloseTo(pieces[1]!);
    expect(index.score(query)[0]).toBeCloseTo(whole[0]! + pieces[0]!);
  });

  it('finds the sub-words and the character bigrams inside each of a text’s own words', () => {
    const analysis = createAnalyzer(DEFAULT_ENGINE_CONFIG).achievement(achievement({ id: 'COATING', title: '耐磨涂层', keywords: [], summary: '耐磨涂层' }));
    expect(analysis.coveredBy.get('涂层')).toEqual(['耐磨涂层']);
    const bigramInside = [...analysis.coveredBy].find(([term]) => term.endsWith('磨涂'));
    expect(bigramInside?.[1]).toEqual(['耐磨涂层']);
    expect(createAnalyzer({ ...DEFAULT_ENGINE_CONFIG, overlapCountsOnce: false }).achievement(achievement({ id: 'COATING' })).coveredBy.size).toBe(0);
  });

  it('puts more true matches first on the dev set and on plain words without a family’s knowledge than paying for every piece', () => {
    expectMoreTrueMatchesFirstThanWithout({ overlapCountsOnce: false });
  });
});

describe('concept map', () => {
  const detect = createConceptDetector(CONCEPT_MAP);
  const concepts = CONCEPT_MAP.industries.flatMap((industry) => industry.concepts);

  it("is versioned, covers the programme's industries, and has unique ids and usable terms", () => {
    expect(CONCEPT_MAP.version).toMatch(/^\d{4}\.\d{2}-\d+$/);
    expect(CONCEPT_MAP.industries.length).toBeGreaterThanOrEqual(14);
    expect(new Set(concepts.map((c) => c.id)).size).toBe(concepts.length);
    for (const concept of concepts) {
      expect(concept.symptoms.length, concept.id).toBeGreaterThan(0);
      expect(concept.methods.length, concept.id).toBeGreaterThan(0);
      for (const term of [...concept.symptoms, ...concept.methods]) expect(term.length, term).toBeGreaterThan(1);
    }
  });

  it('links a production symptom and a research method to the same concept', () => {
    const symptom = detect('叶轮被矿浆冲刷，磨损严重');
    const method = detect('超音速火焰喷涂碳化钨涂层');
    expect(symptom.get('wear')?.symptoms).toContain('磨损');
    expect(method.get('wear')?.methods).toContain('碳化钨');
  });

  it('finds nothing in a text without domain terms', () => {
    expect(detect('今天天气很好').size).toBe(0);
  });
});

describe('fields, modes and maturity', () => {
  it('distinguishes shared, related and unrelated fields', () => {
    expect(fieldOverlap(['冶金', '节能环保'], ['冶金'])).toEqual({ relation: 'shared', fields: ['冶金'] });
    expect(fieldOverlap(['储能'], ['新能源']).relation).toBe('related');
    expect(fieldOverlap(['现代农业'], ['集成电路']).relation).toBe('unrelated');
  });

  it('finds the cooperation modes both sides accept', () => {
    expect(sharedModes(['转让', '技术服务'], ['许可', '技术服务'])).toEqual(['技术服务']);
    expect(sharedModes(['转让'], ['合作开发'])).toEqual([]);
  });

  it('needs more maturity from buyers than from co-developers, and more still for production-ready asks', () => {
    expect(requiredMaturity(['转让'], '希望改进')).toBe(6);
    expect(requiredMaturity(['合作开发'], '希望改进')).toBe(4);
    expect(requiredMaturity(['转让'], '要求可直接投产，有工程实例')).toBe(8);
    expect(requiredMaturity(['转让'], '需有中试以上验证')).toBe(7);
  });
});
