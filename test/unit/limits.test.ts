import { strict as assert } from 'node:assert';
import { buildReport, WorkspaceIndex } from '../../src/core/api';
import type { DocModel, Range } from '../../src/core/model';

const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 5 } });

/** Counts element reads of the arrays it wraps: the work the index does on a model. */
function counting<T>(items: T[], reads: { n: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** A PR/FAQ of `n` heading requirements (each its own section) and a design doc covering half of them. */
function largeWorkspace(n: number, reads: { n: number }): DocModel[] {
  const wrap = <T>(items: T[]) => counting(items, reads);
  const empty = { prfaqLinks: wrap([]), waivers: wrap([]), mentions: wrap([]), anchorLinks: wrap([]), threads: wrap([]), findings: wrap([]), reviewStamps: wrap([]), approvals: wrap([]) };
  const prfaq = {
    ...empty,
    uri: 'file:///w/prfaq/big.md',
    kind: 'prfaq',
    title: 'Big',
    owners: { roles: [], range: at(0) },
    fingerprint: 'f',
    lineCount: n + 1,
    sections: wrap(Array.from({ length: n }, (_, i) => ({ heading: `R-${i} x`, level: 2, slug: `r-${i}-x`, range: at(i), endLine: i, owners: [], parent: -1, fingerprint: 's' }))),
    requirements: wrap(
      Array.from({ length: n }, (_, i) => ({
        id: `R-${i}`,
        idRange: at(i),
        range: at(i),
        form: 'heading',
        title: 'x',
        text: 'x',
        anchors: [`r-${i}-x`, `r-${i}`],
        sectionIndex: i,
        fingerprint: 'q',
        type: 'prfaq',
        needs: ['design'],
        tags: [],
        depends: [],
      })),
    ),
    covers: wrap([]),
  } as unknown as DocModel;
  const design = {
    ...empty,
    uri: 'file:///w/design/big.md',
    kind: 'design',
    title: 'Design',
    owners: { roles: [], range: at(0) },
    fingerprint: 'f',
    lineCount: n + 1,
    sections: wrap([{ heading: 'All', level: 2, slug: 'all', range: at(0), endLine: n, owners: [], parent: -1, fingerprint: 's' }]),
    requirements: wrap([]),
    covers: wrap(Array.from({ length: n / 2 }, (_, i) => ({ id: `R-${i}`, range: at(i + 1), sectionIndex: 0, type: 'design' }))),
  } as unknown as DocModel;
  return [prfaq, design];
}

/** Element reads to index the workspace, derive every finding and build the report. */
function indexingWork(n: number): number {
  const reads = { n: 0 };
  const index = new WorkspaceIndex();
  for (const doc of largeWorkspace(n, reads)) index.set(doc);
  const findings = index.allFindings();
  assert.equal(findings.filter((f) => f.code === 'uncovered-requirement').length, n / 2);
  buildReport(index, 'file:///w');
  return reads.n;
}

describe('limits', function () {
  this.timeout(60_000);

  it('indexes one large PR/FAQ in work linear in its size (each requirement is not looked up by scanning all of them)', () => {
    // 80,000 headings took minutes: finding a requirement's definitions scanned every requirement of the document.
    const small = indexingWork(2_000);
    const large = indexingWork(8_000);
    const ratio = large / small;
    // 4 times the document: linear work reads about 4 times as much, quadratic work 16 times.
    assert.ok(ratio < 6, `work grew ${ratio.toFixed(1)} times for 4 times the document (${small} → ${large} reads)`);
  });
});
