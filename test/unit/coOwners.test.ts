import { strict as assert } from 'node:assert';
import {
  buildReport,
  coOwnedByMe,
  coOwnerPeople,
  coOwnersLabel,
  CO_OWNER_ROLES,
  commonFolder,
  documentRelativePath,
  hasMine,
  isCoOwnerRole,
  missingCoOwnerRoles,
  myOwnerEntry,
  ownersAsWritten,
  ownersLabel,
  parseIdentity,
  peopleInRole,
  relativePath,
  renderMarkdown,
  renderText,
  requirementIsMine,
  roleAbbreviation,
  roleName,
  sectionAt,
  sectionOwnedByMe,
  workspacePeople,
} from '../../src/core/api';
import { workspaceLabel } from '../../src/core/language';
import { indexFiles, md, mustParse } from './helpers';

/** Owner roles named like properties every object inherits. */
const HOSTILE_ROLES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const hostile = md`
  ---
  type: prfaq
  title: Hostile roles
  owners:
    pm: "@priya"
    engineer: "@marco"
    __proto__: "@proto"
    constructor: "@ctor"
    toString: "@str"
    hasOwnProperty: "@own"
    valueOf: "@value"
  ---
  # Hostile roles

  - CHK-1 Something.
`;

/** What an inherited property would print in place of a role. */
const LEAKS = /\[object Object\]|native code|function /;

describe('co-owners: one home in core/owners', () => {
  describe('owner roles named like Object.prototype members', () => {
    it('are read from the frontmatter as roles, in order, with their people', () => {
      const doc = mustParse(hostile);
      assert.deepEqual(
        doc.owners.roles.map((r) => [r.role, r.people]),
        [['pm', ['@priya']], ['engineer', ['@marco']], ...HOSTILE_ROLES.map((role, i) => [role, [['@proto', '@ctor', '@str', '@own', '@value'][i]]])],
      );
      assert.deepEqual(doc.findings.filter((f) => f.code === 'invalid-frontmatter'), []);
    });

    it('print as themselves in the text report', async () => {
      const index = await indexFiles({ 'prfaq/hostile.md': hostile });
      const text = renderText(buildReport(index, 'file:///ws'));
      const ownersLine = text.split('\n').find((line) => line.includes('@priya'));
      assert.equal(ownersLine, '  PM @priya · Eng @marco · __proto__ @proto · constructor @ctor · toString @str · hasOwnProperty @own · valueOf @value');
      assert.doesNotMatch(text, LEAKS);
    });

    it('print as themselves in the markdown report (escaped, never an inherited value)', async () => {
      const index = await indexFiles({ 'prfaq/hostile.md': hostile });
      const markdown = renderMarkdown(buildReport(index, 'file:///ws'));
      assert.doesNotMatch(markdown, LEAKS);
      for (const role of ['constructor @ctor', 'toString @str', 'hasOwnProperty @own', 'valueOf @value']) assert.ok(markdown.includes(role), role);
      assert.match(markdown, /\\_\\_proto\\_\\_ @proto|__proto__ @proto/);
    });

    it('are JSON report keys of their own', async () => {
      const index = await indexFiles({ 'prfaq/hostile.md': hostile });
      const owners = JSON.parse(JSON.stringify(buildReport(index, 'file:///ws'))).prfaqs[0].owners;
      assert.deepEqual(Object.keys(owners), ['pm', 'engineer', ...HOSTILE_ROLES]);
      assert.deepEqual(owners['__proto__'], ['@proto']);
    });

    it('get tree labels of their own (role nodes and the line of owners)', () => {
      for (const role of HOSTILE_ROLES) {
        assert.equal(roleName(role), role.charAt(0).toUpperCase() + role.slice(1));
        assert.equal(roleAbbreviation(role), role);
        assert.ok(!isCoOwnerRole(role));
      }
      const doc = mustParse(hostile);
      assert.equal(coOwnersLabel(doc), 'PM @priya · Eng @marco');
      assert.doesNotMatch(ownersLabel(doc.owners.roles), LEAKS);
    });

    it('a document naming only such roles has no co-owners, and says so', () => {
      const doc = mustParse(md`
        ---
        type: design
        title: D
        owners:
          constructor: "@ctor"
        ---
        # D
      `);
      assert.deepEqual(missingCoOwnerRoles(doc.owners), ['pm', 'engineer']);
      assert.equal(coOwnersLabel(doc), 'PM — · Eng —');
      assert.deepEqual(peopleInRole(doc, 'toString'), []);
      assert.deepEqual(doc.findings.map((f) => f.code), ['missing-co-owner']);
    });
  });

  describe('roles and labels', () => {
    const doc = mustParse(md`
      ---
      type: prfaq
      title: T
      owners:
        designer: "@ana"
        engineer: ["@marco", "@priya"]
        pm: "@priya"
      ---
      # T
    `);

    it('the co-owner roles are pm and engineer', () => {
      assert.deepEqual(CO_OWNER_ROLES, ['pm', 'engineer']);
      assert.ok(isCoOwnerRole('pm') && isCoOwnerRole('engineer') && !isCoOwnerRole('designer'));
    });

    it('the co-owner label lists pm then engineer, whatever the frontmatter order', () => {
      assert.equal(coOwnersLabel(doc), 'PM @priya · Eng @marco, @priya');
      assert.deepEqual(coOwnerPeople(doc), ['@priya', '@marco']);
    });

    it('the owners line lists every role in frontmatter order', () => {
      assert.equal(ownersLabel(doc.owners.roles), 'designer @ana · Eng @marco, @priya · PM @priya');
      assert.equal(ownersLabel([]), 'no owners');
    });

    it('owners as written, for who-may messages', () => {
      assert.equal(ownersAsWritten(doc.owners.roles), 'designer: @ana; engineer: @marco, @priya; pm: @priya');
      assert.equal(ownersAsWritten([]), 'it names no owners');
      assert.equal(ownersAsWritten(mustParse(hostile).owners.roles).split('; ').slice(2).join('; '), '__proto__: @proto; constructor: @ctor; toString: @str; hasOwnProperty: @own; valueOf: @value');
    });

    it('how owners: writes me', () => {
      assert.equal(myOwnerEntry(doc, parseIdentity('@Priya')), '@priya');
      assert.equal(myOwnerEntry(doc, parseIdentity('@jun')), undefined);
    });

    it('role names for nodes', () => {
      assert.deepEqual(['pm', 'engineer', 'designer'].map(roleName), ['PM', 'Lead engineer', 'Designer']);
    });
  });

  describe('mine, the section at a line, the people of a workspace', () => {
    const text = md`
      ---
      type: design
      title: D
      prfaq: prfaq.md
      owners:
        pm: "@priya"
        engineer: "Marco Lee <marco@example.com>"
      ---
      # Top
      ## API
      <!-- owner: @jun -->
      ### Errors
      Text.
      ## Data
      <!-- owner: @sofia, @jun -->
    `;
    const doc = mustParse(text);

    it('the innermost section holding a line', () => {
      const line = (s: string) => text.split('\n').indexOf(s);
      assert.equal(sectionAt(doc, 0), -1, 'the frontmatter is in no section');
      assert.equal(doc.sections[sectionAt(doc, line('# Top'))]?.heading, 'Top');
      assert.equal(doc.sections[sectionAt(doc, line('Text.'))]?.heading, 'Errors');
      assert.equal(doc.sections[sectionAt(doc, line('<!-- owner: @sofia, @jun -->'))]?.heading, 'Data');
    });

    it('what is mine: co-owned documents, owned sections and what they enclose', () => {
      const jun = parseIdentity('@jun');
      const marco = parseIdentity('marco@example.com');
      const nobody = parseIdentity('@nobody');
      const errors = doc.sections.findIndex((s) => s.heading === 'Errors');
      assert.ok(coOwnedByMe(doc, marco) && !coOwnedByMe(doc, jun));
      assert.ok(!sectionOwnedByMe(doc, errors, jun), 'Errors has no owner comment of its own');
      assert.ok(requirementIsMine(doc, errors, jun), 'the enclosing API section is @jun’s');
      assert.ok(!requirementIsMine(doc, 0, jun));
      assert.ok(requirementIsMine(doc, 0, marco));
      assert.ok(hasMine(doc, jun) && hasMine(doc, marco) && !hasMine(doc, nobody));
    });

    it('the people of a workspace, most mentioned first', () => {
      const other = mustParse(md`
        ---
        type: prfaq
        title: P
        owners:
          pm: "@priya"
          constructor: "@jun"
        ---
        # P
      `, 'prfaq.md');
      assert.deepEqual(workspacePeople([doc, other]), ['@jun', '@priya', '@sofia', 'Marco Lee <marco@example.com>']);
      assert.deepEqual(workspacePeople([]), []);
    });
  });

  describe('path labels in core/text', () => {
    it('a document-relative path: beside, below, above, the document itself', () => {
      assert.equal(documentRelativePath('file:///ws/design/d.md', 'file:///ws/design/e.md'), 'e.md');
      assert.equal(documentRelativePath('file:///ws/design/d.md', 'file:///ws/prfaq/checkout.md'), '../prfaq/checkout.md');
      assert.equal(documentRelativePath('file:///ws/d.md', 'file:///ws/prfaq/a%20b.md'), 'prfaq/a b.md');
      assert.equal(documentRelativePath('file:///ws/a/b/c/d.md', 'file:///ws/x.md'), '../../../x.md');
      assert.equal(documentRelativePath('file:///ws/prfaq/p.md', 'file:///ws/prfaq/p.md'), 'p.md');
    });

    it('agrees with relativePath from the document’s folder', () => {
      const pairs = [
        ['file:///ws/design/d.md', 'file:///ws/prfaq/checkout.md'],
        ['file:///r1/a/d.md', 'file:///r2/b.md'],
        ['file:///ws/d.md', 'file:///ws/d/e.md'],
      ] as const;
      for (const [from, to] of pairs) assert.equal(documentRelativePath(from, to), relativePath(from.replace(/\/[^/]*$/, ''), to));
    });

    it('the common folder of documents', () => {
      assert.equal(commonFolder(['file:///ws/prfaq/a.md', 'file:///ws/design/b.md', 'file:///ws/design/x/c.md']), 'file:///ws');
      assert.equal(commonFolder(['file:///ws/prfaq/a.md']), 'file:///ws/prfaq');
      assert.equal(commonFolder(['file:///ws/prfaqs/a.md', 'file:///ws/prfaq/b.md']), 'file:///ws', 'whole folder names, not prefixes');
      assert.equal(commonFolder([]), undefined);
      assert.equal(commonFolder(['file:///ws/a.md', 'vscode-vfs://github/o/r/b.md']), undefined);
    });

    it('workspace labels are relative to the indexed documents’ common folder', async () => {
      const index = await indexFiles({
        'docs/prfaq/checkout.md': mustText('prfaq'),
        'docs/design/api design.md': mustText('design'),
      });
      assert.equal(workspaceLabel(index, 'file:///ws/docs/prfaq/checkout.md'), 'prfaq/checkout.md');
      assert.equal(workspaceLabel(index, 'file:///ws/docs/design/api%20design.md'), 'design/api design.md');
      assert.equal(workspaceLabel(index, 'file:///ws/other.md'), '../other.md');
    });
  });
});

function mustText(kind: 'prfaq' | 'design'): string {
  return `---\ntype: ${kind}\ntitle: ${kind}\nowners:\n  pm: "@p"\n  engineer: "@e"\n---\n# ${kind}\n`;
}
