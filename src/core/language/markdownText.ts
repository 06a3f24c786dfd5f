/**
 * Document text shown in hovers and completion details: escaped so it is always displayed
 * literally, never interpreted (no HTML, links, images or emphasis from a document).
 */

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Escapes every ASCII punctuation character (CommonMark renders `\x` as `x`); line breaks become spaces. */
export function escapeInline(text: string): string {
  return text.replace(PUNCTUATION, (c) => `\\${c}`).replace(/\r\n|\n|\r/g, ' ');
}

/** Escapes a multi-line text, keeping its paragraphs and line breaks (as hard breaks). */
export function escapeBlock(text: string): string {
  return text
    .split(/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)\s*/)
    .map((paragraph) =>
      paragraph
        .split(/\r\n|\n|\r/)
        .map((line) => escapeInline(line.trim()))
        .filter((line) => line !== '')
        .join('  \n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** A link target for markdown: characters that could end or break the destination are percent-encoded. */
export function escapeDestination(uri: string): string {
  return uri.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[label](uri#L<line+1>)`: VS Code opens such a link at that line. */
export function lineLink(label: string, uri: string, line: number): string {
  const base = uri.replace(/#.*$/, '');
  return `[${escapeInline(label)}](${escapeDestination(base)}#L${line + 1})`;
}
