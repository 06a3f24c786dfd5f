import { strict as assert } from 'node:assert';
import { at, codes, md, mustParse, parse } from './helpers';

describe('frontmatter', () => {
  it('reports invalid YAML at the line of the YAML error', () => {
    const doc = mustParse(md`
      ---
      type: prfaq
      owners:
        pm: "@a"
        engineer: [unclosed
      title: x
      ---
      # Body
    `);
    const invalid = doc.findings.filter((f) => f.code === 'invalid-frontmatter');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0]?.message ?? '', /not valid YAML/);
    assert.ok((invalid[0]?.range.start.line ?? 0) >= 4 && (invalid[0]?.range.start.line ?? 0) <= 6, `line ${invalid[0]?.range.start.line}`);
  });

  it('never executes ---js frontmatter and reports it', () => {
    const marker = '__prfaq_trace_executed__';
    const text = `---js\n{ type: "prfaq", x: (globalThis.${marker} = true) }\n---\n- CHK-1 requirement\n`;
    for (const variant of [text, text.replace('---js', '---javascript'), text.replace('---js', '---JS'), text.replace('---js', '---coffee')]) {
      const doc = mustParse(variant);
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
      assert.deepEqual(codes(doc.findings), ['invalid-frontmatter', 'missing-co-owner']);
      assert.match(doc.findings[0]?.message ?? '', /only YAML frontmatter/);
      assert.deepEqual(doc.requirements.map((r) => r.id), ['CHK-1']);
      assert.deepEqual(doc.mentions, [], 'content of non-YAML frontmatter is not read as markdown');
    }
  });

  it('rejects frontmatter that is a list or a scalar', () => {
    assert.deepEqual(parse('---\n- type: prfaq\n---\n'), undefined, 'no top-level type: not analysed');
    const doc = mustParse('---\ntype: prfaq\n---\n', 'a.md');
    assert.deepEqual(codes(doc.findings), ['missing-co-owner']);
    const list = mustParse('---\n- a\n- b\ntype: prfaq\n---\n');
    assert.ok(codes(list.findings).includes('invalid-frontmatter'));
  });

  it('reports unclosed frontmatter', () => {
    const doc = mustParse('---\ntype: prfaq\ntitle: x\n# Body\n');
    assert.deepEqual(at(doc.findings).slice(0, 1), ['invalid-frontmatter@1:1']);
    assert.match(doc.findings[0]?.message ?? '', /not closed/);
  });

  it('rejects YAML alias bombs quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const doc = mustParse(`---\ntype: prfaq\n${bomb.join('\n')}\n---\n`);
    assert.ok(performance.now() - started < 2000);
    assert.ok(doc.findings.some((f) => f.code === 'invalid-frontmatter' && /alias/.test(f.message)), JSON.stringify(doc.findings));
  });

  it('keeps dates as text and ignores unknown tags without executing them', () => {
    const doc = mustParse('---\ntype: prfaq\ntitle: 2023-01-05\nowners: {pm: a, engineer: b}\nx: !!js/function "function(){}"\n---\n');
    assert.equal(doc.title, '2023-01-05');
  });

  it('reads owners as roles of one or more people, keeping extra roles', () => {
    const doc = mustParse(md`
      ---
      type: prfaq
      owners:
        pm: Priya Raman <priya@example.com>
        engineer: ["@marco", "@jun"]
        designer: "@ana"
      ---
    `);
    assert.deepEqual(doc.owners.roles, [
      { role: 'pm', people: ['Priya Raman <priya@example.com>'] },
      { role: 'engineer', people: ['@marco', '@jun'] },
      { role: 'designer', people: ['@ana'] },
    ]);
    assert.deepEqual(doc.findings, []);
  });

  it('reports a missing co-owner on the owners key, naming the role', () => {
    const doc = mustParse('---\ntype: design\nowners:\n  engineer: "@marco"\n---\n');
    assert.deepEqual(at(doc.findings), ['missing-co-owner@3:1']);
    assert.match(doc.findings[0]?.message ?? '', /owners\.pm/);
    const none = mustParse('---\ntype: design\n---\n');
    assert.deepEqual(at(none.findings), ['missing-co-owner@1:1']);
    assert.match(none.findings[0]?.message ?? '', /owners\.pm and owners\.engineer/);
  });

  it('reports owners of the wrong type', () => {
    const doc = mustParse('---\ntype: prfaq\nowners:\n  pm: 42\n  engineer: ""\n---\n');
    assert.deepEqual(codes(doc.findings), ['invalid-frontmatter', 'invalid-frontmatter', 'missing-co-owner']);
    const scalar = mustParse('---\ntype: prfaq\nowners: alice\n---\n');
    assert.deepEqual(codes(scalar.findings), ['invalid-frontmatter', 'missing-co-owner']);
  });

  it('reads waivers with reasons and the range of each key', () => {
    const doc = mustParse('---\ntype: prfaq\nowners: {pm: a, engineer: b}\nwaived:\n  CHK-6: "Gift wrap moves"\n  not an id: x\n---\n');
    assert.deepEqual(doc.waivers.map((w) => [w.id, w.reason, w.range.start.line, w.range.start.character]), [['CHK-6', 'Gift wrap moves', 4, 2]]);
    assert.deepEqual(at(doc.findings), ['invalid-frontmatter@6:3']);
  });

  it('resolves prfaq: paths, single or listed, relative to the design doc', () => {
    const one = mustParse('---\ntype: design\nprfaq: ../prfaq/checkout.md\n---\n', 'design/a.md');
    assert.deepEqual(one.prfaqLinks.map((l) => [l.path, l.target, l.range.start.line]), [['../prfaq/checkout.md', 'file:///ws/prfaq/checkout.md', 2]]);
    const list = mustParse('---\ntype: design\nprfaq:\n  - ../p/a.md\n  - b%20c.md\n---\n', 'd/x.md');
    assert.deepEqual(list.prfaqLinks.map((l) => [l.target, l.range.start.line]), [
      ['file:///ws/p/a.md', 3],
      ['file:///ws/d/b%20c.md', 4],
    ]);
  });
});
