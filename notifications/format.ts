import { SHANGHAI_OFFSET_MS } from '../workflows/working-time.ts';
import type { Language } from './content.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const two = (n: number): string => String(n).padStart(2, '0');

/** The wall clock in Asia/Shanghai (UTC+8 all year) as UTC fields of a shifted Date. */
const shanghai = (instant: number): Date => new Date(instant + SHANGHAI_OFFSET_MS);

const day = (d: Date, language: Language): string =>
  language === 'zh'
    ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
    : `${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** An instant in Beijing time: `2026年12月3日 09:00` / `3 Dec 2026, 09:00 (UTC+8)`. */
export const formatInstant = (instant: number, language: Language): string => {
  const d = shanghai(instant);
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return language === 'zh' ? `${day(d, language)} ${clock}` : `${day(d, language)}, ${clock} (UTC+8)`;
};

/** A calendar date (`YYYY-MM-DD`) as such, or an ISO instant in Beijing time. */
export const formatWhen = (value: string, language: Language): string =>
  DATE_ONLY.test(value) ? day(new Date(`${value}T00:00:00Z`), language) : formatInstant(Date.parse(value), language);

/** An amount in CNY: 万元 from ten thousand up in Chinese, yuan with separators in English. */
export const formatAmount = (amountCny: number, language: Language): string =>
  language === 'zh'
    ? amountCny >= 10_000
      ? `${(amountCny / 10_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} 万元`
      : `${amountCny.toLocaleString('en-US')} 元`
    : `CNY ${amountCny.toLocaleString('en-US')}`;

/** A moment (ISO text, epoch milliseconds or a Date) in Beijing time, as the notifications write it. */
export const formatTime = (iso: string | number | Date, language: Language): string => formatInstant(new Date(iso).getTime(), language);

/** Who took a step: the person, and the coordinator who recorded it for them when one did; `system` for timers and the engine. */
export const actedBy = (entry: { readonly by: string | null; readonly recordedBy?: string | undefined }, language: Language): string => {
  const by = entry.by ?? 'system';
  if (!entry.recordedBy) return by;
  return language === 'zh' ? `${by}（${entry.recordedBy} 代为记录）` : `${by} (recorded by ${entry.recordedBy})`;
};
