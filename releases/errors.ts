import type { Language } from './report.ts';

/** A file refused outright (not a spreadsheet, no recognisable headings, too large): nothing in it was read. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(
    message: string,
    readonly language: Language,
  ) {
    super(message);
  }
}
