import type { Position, Range } from '../model';
import type { Location } from './types';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `position` is inside `range`, both ends included (a cursor right after an ID is on it). */
export function containsPosition(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Whether `inner` lies within `outer`. */
export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function compareLocations(a: Location, b: Location): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

/** Locations without repeats, sorted by URI and then position. */
export function sortedUniqueLocations<T extends Location>(locations: Iterable<T>): T[] {
  const seen = new Map<string, T>();
  for (const location of locations) {
    const key = `${location.uri}#${rangeKey(location.range)}`;
    if (!seen.has(key)) seen.set(key, location);
  }
  return [...seen.values()].sort(compareLocations);
}
