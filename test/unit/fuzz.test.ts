import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIdMatcher, parseDocument, WorkspaceIndex, type DocModel, type Finding, type Range } from '../../src/core/api';
import { RetainingChunkCache, safeParse } from '../../src/core/parsing';
import { pick, seededRandom } from './random';

const repo = join(__dirname, '..', '..');
const paths = ['prfaq/one-click-checkout.md', 'design/checkout-service.md', 'design/saved-addresses.md'];
const originals = paths.map((path) => ({ uri: `file:///ex/${path}`, text: readFileSync(join(repo, 'examples', path), 'utf8') }));
const ids = createIdMatcher();
const TOKENS = ['---', '---js', '# ', '## ', '### CHK-1: ', '- ', '- **CHK-9** ', '`', '```', '~~~', '<!--', '-->', '<!-- owner: @x -->', 'Covers:', 'Covers: CHK-2, CHK-404', '[x](#chk-1)', '> ', '|a|b|\n|-|-|', '**', '_', '\\', '&amp;', 'feat~x~1', 'waived:', '  CHK-3: x', 'owners: [', '\t', '\r\n', '\r', '\u0000', '\uFFFD', '😀', 'ẞ'];

function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      lines.splice(at, 1 + Math.floor(random() * 3));
      break;
    case 1:
      lines.splice(at, 0, ...lines.slice(at, at + 1 + Math.floor(random() * 3)));
      break;
    case 2: {
      const other = Math.floor(random() * lines.length);
      [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
      break;
    }
    case 3: {
      const line = lines[at] ?? '';
      const column = Math.floor(random() * (line.length + 1));
      lines[at] = line.slice(0, column) + pick(random, TOKENS) + line.slice(column);
      break;
    }
    case 4: {
      const bytes = Array.from({ length: 1 + Math.floor(random() * 8) }, () => String.fromCharCode(Math.floor(random() * 0xffff)));
      const line = lines[at] ?? '';
      const column = Math.floor(random() * (line.length + 1));
      lines[at] = line.slice(0, column) + bytes.join('') + line.slice(column);
      break;
    }
    default:
      lines[at] = (lines[at] ?? '').slice(0, Math.floor(random() * (lines[at] ?? '').length));
  }
  return lines.join('\n');
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((line) => line.length);
}

function assertInside(range: Range, lengths: number[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} of ${lengths.length}`);
    assert.ok(p.character >= 0 && p.character <= (lengths[p.line] ?? 0), `${what}: character ${p.character} of ${lengths[p.line]}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: range ends before it starts`);
}

function snapshot(index: WorkspaceIndex): unknown {
  return {
    docs: index.documents(),
    findings: index.documents().map((doc) => index.findings(doc.uri)),
    status: index.requirementIds().sort().map((id) => [id, index.status(id), index.coverage(id).length, index.references(id).length]),
  };
}

describe('fuzzing the core with mutated example documents', function () {
  this.timeout(120_000);

  it('never throws, keeps every range inside its document, and replace-then-remove leaves the index as it was', () => {
    const random = seededRandom(7_20261125);
    const index = new WorkspaceIndex();
    for (const original of originals) {
      const model = safeParse(original, { ids, maxFileSize: 2_000_000 });
      assert.ok(model);
      index.set(model);
    }
    const baseline = snapshot(index);
    let mutations = 0;
    let analysed = 0;
    for (const original of originals) {
      const cache = new RetainingChunkCache();
      let text = original.text;
      for (let step = 0; step < 700; step++, mutations++) {
        // Mutations accumulate for a while, then start again from the original document.
        text = mutate(step % 40 === 0 ? original.text : text, random);
        // parseDocument itself, not the never-throwing wrapper: an exception fails the test.
        const model = parseDocument({ uri: original.uri, text }, { ids, maxFileSize: 2_000_000, chunkCache: cache }) as DocModel | undefined;
        cache.sweep();
        if (!model) continue;
        analysed++;
        assert.ok(!model.findings.some((f) => f.code === 'parse-failed'), `${original.uri} step ${step}: ${JSON.stringify(model.findings)}`);
        const lengths = lineLengths(text);
        const ranges: Array<[Range, string]> = [
          ...model.requirements.flatMap((r): Array<[Range, string]> => [[r.idRange, `requirement ${r.id}`], [r.range, 'requirement line']]),
          ...model.covers.map((c): [Range, string] => [c.range, `cover ${c.id}`]),
          ...model.mentions.map((m): [Range, string] => [m.range, `mention ${m.id}`]),
          ...model.sections.map((s): [Range, string] => [s.range, `section ${s.heading}`]),
          ...model.waivers.map((w): [Range, string] => [w.range, `waiver ${w.id}`]),
        ];
        // Replace the document in the index, check all findings, then put the original back.
        const mutatedUri = `${original.uri}.mutant.md`;
        index.set({ ...model, uri: mutatedUri, findings: model.findings.map((f) => ({ ...f, uri: mutatedUri })) });
        const findings: Finding[] = index.allFindings();
        for (const f of findings.filter((f) => f.uri === mutatedUri)) ranges.push([f.range, `finding ${f.code}`]);
        for (const [range, what] of ranges) assertInside(range, lengths, `${original.uri} step ${step} ${what}`);
        index.delete(mutatedUri);
      }
    }
    assert.ok(mutations >= 2_000);
    assert.ok(analysed > mutations * 0.6, `${analysed} of ${mutations} mutants were still PR/FAQs or design docs`);
    assert.deepEqual(snapshot(index), baseline, 'adding then removing mutants left the index as it was');
  });
});
