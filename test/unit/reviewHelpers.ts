import type { Range } from '../../src/core/api';
import { applyEdit } from './helpers';

/** Applies several replacements computed against the same text (last first). */
export function applyEdits(text: string, edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }>): string {
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  return sorted.reduce((current, edit) => applyEdit(current, edit), text);
}
