const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export interface DecodedText {
  readonly text: string;
  /** False when the bytes were not valid UTF-8 (invalid sequences became U+FFFD). */
  readonly validUtf8: boolean;
}

/** Bytes to text as VS Code shows them: UTF-8, a leading BOM dropped. */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), validUtf8: true };
  } catch {
    return { text: lenient.decode(bytes), validUtf8: false };
  }
}
