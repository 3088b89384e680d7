import { formatInstant } from '../notifications/format.ts';
import type { Language } from '../notifications/content.ts';

/** A moment in Beijing time, as the notifications write it. */
export const formatTime = (iso: string | number | Date, language: Language): string => formatInstant(new Date(iso).getTime(), language);
