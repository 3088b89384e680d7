/** Same province or municipality: easier visits and local programme support. */
export function sameRegion(a: string, b: string): boolean {
  return a.trim() === b.trim();
}
