import { describe, expect, it } from 'vitest';
import { availabilityAfter, rightFromNumber } from '../../domain/ip.ts';
import { readRights } from '../../releases/rights.ts';

const read = readRights(100);

describe('a right read from its number', () => {
  it.each([
    ['ZL202010123456.7', 'invention_patent', 'granted'],
    ['ZL202120654321.X', 'utility_model', 'granted'],
    ['ZL99312345.6', 'design_patent', 'granted'],
    ['202310123456.1', 'invention_patent', 'pending'],
    ['CN112345678A', 'invention_patent', 'pending'],
    ['CN112345678B', 'invention_patent', 'granted'],
    ['CN212345678U', 'utility_model', 'granted'],
    ['2021SR0123456', 'software_copyright', 'granted'],
    ['CNA20191234.5', 'plant_variety', 'granted'],
    ['US10123456B2', 'invention_patent', 'granted'],
  ])('%s is a %s, %s', (number, kind, status) => {
    expect(rightFromNumber(number)).toEqual({ number, kind, status });
  });

  it('is compared as typed in any width, spacing or case', () => {
    expect(rightFromNumber(' zl 2020 1 0123456．7').number).toBe('ZL202010123456.7');
  });
});

describe('a rights cell', () => {
  it('takes each number with the kind and status written beside it, and reads the rest from the number', () => {
    expect(read('ZL202010123456.7（实用新型，失效）、2021SR0123456\n发明专利 202310123456.1 已授权', 'zh')).toEqual({
      ok: true,
      value: [
        { number: 'ZL202010123456.7', kind: 'utility_model', status: 'lapsed' },
        { number: '2021SR0123456', kind: 'software_copyright', status: 'granted' },
        { number: '202310123456.1', kind: 'invention_patent', status: 'granted' },
      ],
    });
    expect(read('ZL202010123456.7、ZL202010123456.7', 'zh')).toEqual({
      ok: true,
      value: [{ number: 'ZL202010123456.7', kind: 'invention_patent', status: 'granted' }],
    });
  });

  it('names a word that is neither a number nor a kind or status, with the closest one', () => {
    expect(read('ZL202010123456.7（发明专力）', 'zh')).toEqual({ ok: false, message: '“发明专力”不是可选值，是否应为“发明专利”？' });
    expect(read('已授权', 'en')).toEqual({ ok: false, message: '"已授权" names no patent or registration number' });
    expect(read(`ZL${'1'.repeat(120)}`, 'en')).toMatchObject({ ok: false, message: expect.stringContaining('longer than 100 characters') as string });
  });
});

describe('what a contract leaves of its achievement', () => {
  it('is transferred by a transfer, exclusively licensed by an exclusive or sole licence, and otherwise unchanged', () => {
    expect(availabilityAfter('transfer', undefined)).toBe('transferred');
    expect(availabilityAfter('licensing', 'exclusive')).toBe('exclusively_licensed');
    expect(availabilityAfter('licensing', 'sole')).toBe('exclusively_licensed');
    expect(availabilityAfter('licensing', 'non_exclusive')).toBeUndefined();
    expect(availabilityAfter('licensing', undefined)).toBeUndefined();
    expect(availabilityAfter('development', undefined)).toBeUndefined();
  });
});
