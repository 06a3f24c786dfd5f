import { strict as assert } from 'node:assert';
import { createInProcessParser, defaultConfig, indexWorkspace, WorkspaceIndex, type WorkspaceFile, type WorkspaceHost } from '../../src/core/api';
import type { FileHead } from '../../src/core/scan/host';
import { HEAD_BYTES } from '../../src/core/scan/indexWorkspace';

const ROOT = 'file:///ws';
const owners = 'owners:\n  pm: "@priya"\n  engineer: "@marco"\n';
const prfaq = `---\ntype: prfaq\n${owners}---\n# Checkout\n\n- CHK-1 Buy with one click.\n`;

interface Entry {
  readonly bytes?: Uint8Array;
  /** A size larger than the bytes held: a huge file of which only the head exists. */
  readonly size?: number;
  readonly error?: string;
  readonly unreadable?: string;
}

/** A host that records what it was asked to read, with heads, errors and unlistable entries. */
function recordingHost(files: Record<string, Entry>): WorkspaceHost & { wholeReads: string[]; headReads: string[] } {
  const wholeReads: string[] = [];
  const headReads: string[] = [];
  const entry = (uri: string): Entry => {
    const found = files[uri.slice(ROOT.length + 1)];
    if (!found || found.error) throw new Error(found?.error ?? 'gone');
    return found;
  };
  return {
    wholeReads,
    headReads,
    async listFiles(): Promise<WorkspaceFile[]> {
      return Object.entries(files).map(([path, e]) => ({ uri: `${ROOT}/${path}`, path, ...(e.unreadable ? { unreadable: e.unreadable } : {}) }));
    },
    async readFile(uri) {
      wholeReads.push(uri.slice(ROOT.length + 1));
      const e = entry(uri);
      if (e.size !== undefined) throw new Error('read whole: out of memory');
      return e.bytes ?? new Uint8Array();
    },
    async readHead(uri, length): Promise<FileHead> {
      headReads.push(uri.slice(ROOT.length + 1));
      const e = entry(uri);
      const bytes = e.bytes ?? new Uint8Array();
      return { head: bytes.subarray(0, length), size: e.size ?? bytes.byteLength };
    },
  };
}

const text = (s: string) => new TextEncoder().encode(s);

async function scan(host: WorkspaceHost, config = defaultConfig): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex();
  await indexWorkspace(host, config, createInProcessParser(config), index);
  return index;
}

describe('scan robustness', () => {
  it('reads only the head of ordinary markdown and of documents over the size limit', async () => {
    const big = new Uint8Array(HEAD_BYTES + 10).fill(0x61);
    const host = recordingHost({
      'README.md': { bytes: big },
      'notes.md': { bytes: text('# Notes\n') },
      'prfaq/huge.md': { bytes: text(prfaq), size: 5 * 1024 ** 3 },
      'prfaq/checkout.md': { bytes: text(prfaq.replace('CHK-1', 'CHK-2')) },
      // Longer than the head (one long line in a code block is cheap to parse).
      'prfaq/long.md': { bytes: text(`${prfaq}\n\`\`\`\n${'x'.repeat(HEAD_BYTES)}\n\`\`\`\n`) },
    });
    const index = await scan(host);
    assert.deepEqual(host.wholeReads, ['prfaq/long.md'], 'only a document within the limit and longer than its head is read whole');
    assert.deepEqual(host.headReads.sort(), ['README.md', 'notes.md', 'prfaq/checkout.md', 'prfaq/huge.md', 'prfaq/long.md']);
    const huge = index.findings(`${ROOT}/prfaq/huge.md`);
    assert.deepEqual(huge.map((f) => f.code), ['file-too-large']);
    assert.match(huge[0]?.message ?? '', /^file is 5368709120 bytes, over the 2000000-byte limit/);
    assert.deepEqual(index.get(`${ROOT}/prfaq/checkout.md`)?.requirements.map((r) => r.id), ['CHK-2']);
  });

  it('gives a document too large to decode file-too-large even from a host that reads files whole', async () => {
    const host = recordingHost({ 'prfaq/big.md': { bytes: new Uint8Array([...text(prfaq), ...new Uint8Array(3_000_000).fill(0x61)]) } });
    delete (host as Partial<WorkspaceHost>).readHead;
    const index = await scan(host);
    assert.deepEqual(index.findings(`${ROOT}/prfaq/big.md`).map((f) => f.code), ['file-too-large']);
  });

  it('reports files and folders it cannot read as unreadable-file, goes on, and clears them once readable', async () => {
    const files: Record<string, Entry> = {
      'prfaq/checkout.md': { bytes: text(prfaq) },
      'prfaq/locked.md': { error: 'permission denied (EACCES)' },
      private: { unreadable: 'folder could not be listed, its files are not analysed: permission denied (EACCES)' },
    };
    const index = await scan(recordingHost(files));
    const unreadable = index.allFindings().filter((f) => f.code === 'unreadable-file');
    assert.deepEqual(
      unreadable.map((f) => [f.uri, f.severity, f.message]),
      [
        [`${ROOT}/prfaq/locked.md`, 'error', 'could not be read, so it is not analysed: permission denied (EACCES)'],
        [`${ROOT}/private`, 'error', 'folder could not be listed, its files are not analysed: permission denied (EACCES)'],
      ],
    );
    assert.ok(index.get(`${ROOT}/prfaq/checkout.md`), 'the rest is analysed');
    // Severities apply to it like any other finding.
    index.setSeverities({ 'unreadable-file': 'warning' });
    assert.equal(index.findings(`${ROOT}/prfaq/locked.md`)[0]?.severity, 'warning');
    // Readable on the next scan (into the same index, as the editor does): the finding goes.
    files['prfaq/locked.md'] = { bytes: text(prfaq.replace('CHK-1', 'CHK-3')) };
    await indexWorkspace(recordingHost(files), defaultConfig, createInProcessParser(defaultConfig), index);
    assert.deepEqual(index.findings(`${ROOT}/prfaq/locked.md`).map((f) => f.code), ['uncovered-requirement']);
    index.clear();
    assert.deepEqual(index.allFindings(), []);
  });
});
