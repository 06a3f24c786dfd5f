import type { ChunkSignOff } from '../parse/chunkModel';
import { parseSignOffLines } from './signOffFormat';

/**
 * Reads a review stamp or approval block (an HTML node from offset `from` to `to` of a chunk's
 * text) from its source lines, the indentation of its first line removed from every line.
 * Returns the fields of a ChunkSignOff and the block's extent (whole lines, no terminator).
 */
export function readSignOffBlock(text: string, from: number, to: number): Omit<ChunkSignOff, 'range' | 'heading'> & { readonly start: number; readonly end: number } {
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const indent = text.slice(start, from);
  let end = to;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const lines = text.slice(start, end).split(/\r\n|\n|\r/);
  if (!/^[ \t]*$/.test(indent) || !lines.every((line) => line === '' || line.startsWith(indent))) {
    return { problem: 'every line of the block must keep the indentation of its first line', start, end };
  }
  const parsed = parseSignOffLines(lines.map((line) => line.slice(line === '' ? 0 : indent.length)));
  if (!parsed.ok) return { problem: parsed.problem, start, end };
  return { ...('stamp' in parsed ? { stamp: parsed.stamp } : { approval: parsed.approval }), start, end };
}
