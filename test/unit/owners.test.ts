import { strict as assert } from 'node:assert';
import { assignSectionEdit, isMe, parseIdentity } from '../../src/core/api';
import { parseBody } from './commentFixtures';
import { applyEdit, design, md, mustParse } from './helpers';

const text = design(md`
  ## API
  <!-- owner: @jun -->
  Text.
  ## Data
  More text.
`);

function assign(sectionIndex: number, people: string[], mode: 'add' | 'replace' | 'clear'): string {
  const doc = mustParse(text);
  const edit = assignSectionEdit(doc, text, sectionIndex, people, mode);
  assert.ok(edit);
  return applyEdit(text, edit);
}

describe('section owner assignment', () => {
  it('adds owners to an existing owner comment, keeping the order and skipping duplicates', () => {
    const out = assign(0, ['@sofia', '@jun', 'Dave Lee <dave@example.com>'], 'add');
    assert.match(out, /## API\n<!-- owner: @jun, @sofia, Dave Lee <dave@example.com> -->\nText\./);
    assert.deepEqual(mustParse(out).sections[0]?.owners, ['@jun', '@sofia', 'Dave Lee <dave@example.com>']);
  });

  it('replaces owners', () => {
    const out = assign(0, ['@carol'], 'replace');
    assert.equal(out, text.replace('<!-- owner: @jun -->', '<!-- owner: @carol -->'));
  });

  it('clears owners, removing the comment line', () => {
    const out = assign(0, [], 'clear');
    assert.equal(out, text.replace('<!-- owner: @jun -->\n', ''));
    assert.deepEqual(mustParse(out).sections[0]?.owners, []);
  });

  it('inserts an owner comment right after a heading without one', () => {
    const out = assign(1, ['@ana', '@ben'], 'add');
    assert.match(out, /## Data\n<!-- owner: @ana, @ben -->\nMore text\./);
    const doc = mustParse(out);
    assert.deepEqual(doc.sections[1]?.owners, ['@ana', '@ben']);
    assert.deepEqual(doc.findings, []);
  });

  it('inserts after a heading on the last line of a file without a final line break, and clearing restores the bytes', () => {
    for (const bare of [design('## Last'), design('## Last').replace(/\n/g, '\r\n'), 'Text.\r\r## Last']) {
      const doc = parseBody(bare);
      const edit = assignSectionEdit(doc, bare, 0, ['@x'], 'add');
      assert.ok(edit);
      const assigned = applyEdit(bare, edit);
      assert.match(assigned, /## Last(\r\n|\n|\r)<!-- owner: @x -->$/, 'no final line break added');
      const cleared = assignSectionEdit(parseBody(assigned), assigned, 0, [], 'clear');
      assert.ok(cleared);
      assert.equal(applyEdit(assigned, cleared), bare);
    }
  });

  it('writes a name with dashes so that it cannot end the comment (--->), and reads it back', () => {
    const out = assign(1, ['--->', 'a--b', 'x,y', 'Ana\u2028Lee', 'end-'], 'add');
    const comment = /## Data\n(<!-- owner: .* -->)/.exec(out)?.[1] ?? '';
    assert.equal(comment, '<!-- owner: - - ->, a- -b, x y, Ana Lee, end- -->');
    assert.equal(comment.indexOf('--'), 2, 'no -- inside the comment');
    assert.equal(comment.indexOf('-->'), comment.length - 3, 'only the closing --> ends it');
    assert.deepEqual(mustParse(out).sections[1]?.owners, ['- - ->', 'a- -b', 'x y', 'Ana Lee', 'end-']);
  });

  it('assigns a heading inside a block quote or a list item in its container, once, without splitting it', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['> ## Quoted\n> Quoted text.\n', '> ## Quoted\n> <!-- owner: @ana -->\n> Quoted text.\n'],
      ['- ## Listed\n  Listed text.\n- next\n', '- ## Listed\n  <!-- owner: @ana -->\n  Listed text.\n- next\n'],
      ['1.  ## Wide\n    Text.\n', '1.  ## Wide\n    <!-- owner: @ana -->\n    Text.\n'],
      ['> - ## Deep\n>   Text.\n', '> - ## Deep\n>   <!-- owner: @ana -->\n>   Text.\n'],
      ['-\t## Tabbed\n', '-\t## Tabbed\n    <!-- owner: @ana -->\n'],
    ];
    for (const [body, expected] of cases) {
      const text = design(`# Top\n\n${body}`);
      const doc = mustParse(text);
      const sectionIndex = doc.sections.length - 1;
      const edit = assignSectionEdit(doc, text, sectionIndex, ['@ana'], 'add');
      assert.ok(edit);
      const out = applyEdit(text, edit);
      assert.equal(out, design(`# Top\n\n${expected}`));
      const after = mustParse(out);
      assert.deepEqual(after.sections[sectionIndex]?.owners, ['@ana'], JSON.stringify(out));
      assert.deepEqual(after.findings.filter((f) => /section-owner/.test(f.code)), []);
      // A second assignment rewrites that comment instead of adding another.
      const again = assignSectionEdit(after, out, sectionIndex, ['@ben'], 'add');
      assert.ok(again);
      assert.equal(applyEdit(out, again), out.replace('<!-- owner: @ana -->', '<!-- owner: @ana, @ben -->'));
      const cleared = assignSectionEdit(after, out, sectionIndex, [], 'clear');
      assert.ok(cleared);
      assert.equal(applyEdit(out, cleared), text);
    }
  });

  it('does nothing when the owners do not change', () => {
    const doc = mustParse(text);
    assert.equal(assignSectionEdit(doc, text, 0, ['@jun'], 'add'), undefined);
    assert.equal(assignSectionEdit(doc, text, 1, [], 'clear'), undefined);
  });
});

describe('who am I', () => {
  it('matches owner strings by handle, name or email', () => {
    const me = parseIdentity('Marco Lee <marco@larkspur.example>');
    assert.deepEqual(me, { email: 'marco@larkspur.example', name: 'Marco Lee' });
    assert.ok(isMe(me, 'Marco Lee'));
    assert.ok(isMe(me, 'marco lee <other@x.com>'));
    assert.ok(isMe(me, 'MARCO@larkspur.example'));
    assert.ok(isMe(me, '@marco'), 'a handle matching the email local part');
    assert.ok(!isMe(me, '@marcus'));
    assert.ok(!isMe(me, 'Priya Raman <priya@larkspur.example>'));
    assert.ok(isMe(parseIdentity('@jun'), '@Jun'));
    assert.ok(isMe(parseIdentity('@jun'), 'jun@example.com'));
  });
});
