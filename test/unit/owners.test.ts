import { strict as assert } from 'node:assert';
import { assignSectionEdit, isMe, parseIdentity } from '../../src/core/api';
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

  it('inserts after a heading on the last line of a file without a final line break', () => {
    const bare = design('## Last');
    const doc = mustParse(bare);
    const edit = assignSectionEdit(doc, bare, 0, ['@x'], 'add');
    assert.ok(edit);
    assert.ok(applyEdit(bare, edit).endsWith('## Last\n<!-- owner: @x -->\n'));
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
