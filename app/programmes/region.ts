/** A region's name without its administrative suffix, so 辽宁, 辽宁省 and 辽宁省 (typed with spaces) agree. */
export const regionStem = (region: string): string =>
  region
    .replace(/\s+/g, '')
    .replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '')
    .toLowerCase();

/** Whether two ways of writing a region name the same one. */
export const sameRegion = (a: string, b: string): boolean => {
  const stem = regionStem(a);
  return stem !== '' && stem === regionStem(b);
};
