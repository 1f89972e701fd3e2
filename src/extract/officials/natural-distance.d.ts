// natural ships typings only for its package root, which is slow to load; these are the deep modules used here.
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(source: string, target: string, options?: Record<string, number | boolean>): number;
}
