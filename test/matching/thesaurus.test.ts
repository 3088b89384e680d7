import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONCEPT_MAP, type ConceptMap } from '../../matching/concepts/index.ts';
import { createMatcherWithConfig } from '../../matching/matcher.ts';
import { DEFAULT_ENGINE_CONFIG } from '../../matching/config.ts';
import { readCilin } from '../../matching/eval/thesaurus.ts';
import { achievement, demand } from './fixtures.ts';

describe('a published thesaurus beside the concept map', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'cilin-')), 'CoreSynonym.txt');
  writeFileSync(path, '\uFEFFAa01A01= 人 士 人物 人士\nEd03B01# 涂层 绝缘层\nHj12C01= 翻新 翻修 整修\nAa01A02@ 众人\n');

  it('reads only groups of true synonyms, of words longer than one character', () => {
    const synonyms = readCilin(path);
    expect(synonyms.get('人物')).toEqual(['人士']);
    expect(synonyms.get('翻新')).toEqual(['翻修', '整修']);
    expect(synonyms.has('人')).toBe(false);
    expect(synonyms.has('涂层')).toBe(false);
    expect(synonyms.has('众人')).toBe(false);
  });

  it('lets a demand find a result that names its ask only by a synonym', () => {
    const ask = demand({ id: 'ASK', title: '老旧厂房整修', description: '厂房老化漏雨，希望整修加固，延长使用年限。', fields: ['建筑'] });
    const building = (id: string, title: string, keywords: string[]) =>
      achievement({ id, title, summary: `${title}，已在多个项目应用。`, keywords, fields: ['建筑'] });
    const pool = {
      achievements: [
        building('RENEW', '既有工业建筑翻修与结构加固技术', ['翻修', '结构加固']),
        building('ROOF', '厂房屋面光伏一体化设计', ['光伏屋面', '厂房']),
        building('TILES', '外墙瓷砖空鼓红外检测', ['外墙', '空鼓']),
      ],
      demands: [],
    };
    const topFor = (map: ConceptMap) => createMatcherWithConfig(pool, DEFAULT_ENGINE_CONFIG, map).rankAchievementsFor(ask, { top: 3 });
    const plain = topFor(CONCEPT_MAP);
    const expanded = topFor({ ...CONCEPT_MAP, synonyms: readCilin(path) });
    expect(plain.map((c) => c.id).indexOf('RENEW')).toBeGreaterThan(0);
    expect(expanded[0]!.id).toBe('RENEW');
  });
});
