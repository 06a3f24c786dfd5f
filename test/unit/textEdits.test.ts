import { strict as assert } from 'node:assert';
import { applyTextEdits, LineIndex, type TextEdit } from '../../src/core/api';
import { TextLines } from '../../src/core/language/textLines';
import { eolOf } from '../../src/core/text/textEdit';
import { pick, seededRandom } from './random';

const at = (line: number, character: number) => ({ line, character });

describe('text edits: one TextEdit, one line-ending rule', () => {
  it('the line break of a text is its first one, "\\n" without any', () => {
    assert.equal(eolOf('a\r\nb\nc'), '\r\n');
    assert.equal(eolOf('a\rb\r\n'), '\r');
    assert.equal(eolOf('a\nb\r\n'), '\n');
    assert.equal(eolOf('no break'), '\n');
    assert.equal(eolOf(''), '\n');
    for (const text of ['a\r\nb', 'a\rb', 'a\nb', 'x']) assert.equal(new TextLines(text).eol, eolOf(text), 'TextLines.eol is the same rule');
  });

  it('applies non-overlapping edits computed against one text, in any order given', () => {
    const text = 'one\ntwo\r\nthree';
    const edits: TextEdit[] = [
      { range: { start: at(2, 0), end: at(2, 5) }, newText: 'THREE' },
      { range: { start: at(0, 0), end: at(0, 3) }, newText: '1' },
      { range: { start: at(1, 3), end: at(1, 3) }, newText: '!' },
    ];
    assert.equal(applyTextEdits(text, edits), '1\ntwo!\r\nTHREE');
    assert.equal(applyTextEdits(text, [...edits].reverse()), '1\ntwo!\r\nTHREE');
    assert.equal(applyTextEdits(text, []), text);
  });

  it('insertions at one position land in the order given', () => {
    const edits: TextEdit[] = ['a', 'b', 'c'].map((newText) => ({ range: { start: at(0, 1), end: at(0, 1) }, newText }));
    assert.equal(applyTextEdits('XY', edits), 'XabcY');
  });

  it('a position past the last line is the end of the text', () => {
    assert.equal(applyTextEdits('a\nb', [{ range: { start: at(5, 0), end: at(5, 0) }, newText: '\nc' }]), 'a\nb\nc');
  });

  it('seeded: random non-overlapping edits equal splicing them one by one from the end', () => {
    const random = seededRandom(0x7e17);
    const pieces = ['a', 'b', ' ', '\n', '\r\n', '\r', 'é', '😀', ''];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pick(random, pieces)).join('');
      const lines = new LineIndex(text);
      // Cut points on UTF-16 offsets, never inside a \r\n (a position there has no line/character).
      const cuts = [...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * (text.length + 1))))]
        .filter((offset) => !(text[offset - 1] === '\r' && text[offset] === '\n'))
        .sort((a, b) => a - b);
      const spans: Array<[number, number]> = [];
      for (let i = 0; i + 1 < cuts.length; i += 2) spans.push([cuts[i] as number, random() < 0.3 ? (cuts[i] as number) : (cuts[i + 1] as number)]);
      const edits = spans.map(([start, end]) => ({ range: { start: lines.position(start), end: lines.position(end) }, newText: pick(random, pieces) + pick(random, pieces) }));
      let expected = text;
      for (let i = spans.length - 1; i >= 0; i--) {
        const [start, end] = spans[i] as [number, number];
        expected = expected.slice(0, start) + (edits[i] as TextEdit).newText + expected.slice(end);
      }
      const shuffled = edits.map((edit) => ({ edit, key: random() })).sort((a, b) => a.key - b.key).map(({ edit }) => edit);
      assert.equal(applyTextEdits(text, shuffled), expected, JSON.stringify({ text, spans }));
    }
  });
});
