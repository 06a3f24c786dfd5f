import { finding, FindingCode } from '../findings';
import type { CommentThread, Finding } from '../model';

/**
 * One finding on each thread whose ID another thread of the same document also has: replies and
 * resolves are addressed by ID, so the editor refuses to change any of them until the IDs differ.
 */
export function duplicateThreadFindings(uri: string, threads: readonly CommentThread[]): Finding[] {
  const lines = new Map<string, number[]>();
  for (const thread of threads) {
    const at = lines.get(thread.id);
    if (at) at.push(thread.range.start.line + 1);
    else lines.set(thread.id, [thread.range.start.line + 1]);
  }
  return threads.flatMap((thread) => {
    const at = lines.get(thread.id) ?? [];
    if (at.length < 2) return [];
    const opener = `<!-- prfaq-thread ${thread.id} ${thread.status}`;
    const start = { line: thread.range.start.line, character: thread.range.start.character + thread.indent.length };
    // The first few other lines: a file with thousands of copies gets short messages, not a quadratic report.
    const others = at.length - 1;
    const first = at.slice(0, 4).filter((line) => line !== thread.range.start.line + 1).slice(0, 3);
    const shown = first.join(', ') + (others > 3 ? ` and ${others - 3} more` : '');
    const where = others === 1 ? `the thread on line ${shown}` : `the threads on lines ${shown}`;
    return [
      finding(
        FindingCode.duplicateCommentThread,
        uri,
        { start, end: { line: start.line, character: start.character + opener.length } },
        `comment thread ID ${thread.id} is also the ID of ${where}: the editor changes none of these threads until each has its own ID (change the ID after "prfaq-thread" in one of them)`,
      ),
    ];
  });
}
