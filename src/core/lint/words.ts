/** A word: letters and digits, with inner apostrophes, hyphens and dots ("don't", "one-click", "2.5"). */
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count++;
  return count;
}

/** Sentence ends: . ! ? … (closing quotes or brackets after them) followed by a space or the end. */
const SENTENCE_END = /[.!?…]+["'”’)\]*_]*(?=\s|$)/g;

/** How many sentences a stretch of plain text holds (a text without a final stop is one sentence). */
export function countSentences(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  let count = 0;
  let lastEnd = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(trimmed); match; match = SENTENCE_END.exec(trimmed)) {
    count++;
    lastEnd = match.index + match[0].length;
  }
  return trimmed.slice(lastEnd).trim() === '' ? count : count + 1;
}

/** The first sentence of a stretch of text, with its final stop; the whole text when it has none. */
export function firstSentence(text: string): string {
  SENTENCE_END.lastIndex = 0;
  const match = SENTENCE_END.exec(text);
  return match ? text.slice(0, match.index + match[0].length) : text;
}
