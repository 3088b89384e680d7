/** A1-style cell addresses. */

export const columnLetters = (column: number): string => {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
};

export const encodeAddress = (column: number, row: number): string => `${columnLetters(column)}${row}`;

/** 'AB12' → column 28, row 12; anything else (a range) → undefined. */
export const decodeAddress = (address: string): { column: number; row: number } | undefined => {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!match) return undefined;
  const column = [...match[1]!].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return { column, row: Number(match[2]) };
};
