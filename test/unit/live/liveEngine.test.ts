import { strict as assert } from 'node:assert';
import { createIdMatcher, createInProcessParser, OFFLOAD_CHARS, TYPING_DEBOUNCE_MS, CHANGE_COALESCE_MS, type Config, type IndexChange } from '../../../src/core/api';
import { extractChunk, type ChunkModel } from '../../../src/core/parsing';
import { drain, FakeWorkspace, startEngine } from './fakes';

/** A PR/FAQ whose one requirement's title tells which text the index holds. */
function prfaq(title: string, id = 'CHK-1'): string {
  return `---\ntype: prfaq\ntitle: Checkout\n---\n## Commitments\n- ${id} ${title}\n`;
}

/** A PR/FAQ of one chunk (no H1/H2) over OFFLOAD_CHARS: any edit re-parses all of it. */
function largePrfaq(title: string): string {
  const filler = 'The checkout keeps every order in one table and retries payment twice. '.repeat(Math.ceil((OFFLOAD_CHARS * 1.5) / 70));
  return `---\ntype: prfaq\ntitle: Checkout\n---\n### CHK-1 ${title}\n\n${filler}\n`;
}

function title(engine: { index: { get(uri: string): { requirements: ReadonlyArray<{ title: string }> } | undefined } }, uri: string): string | undefined {
  return engine.index.get(uri)?.requirements[0]?.title;
}

describe('live engine', () => {
  it('keeps an open buffer\'s unsaved text when its file changes on disk', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('on disk') });
    const { engine, clock } = startEngine(ws);
    await engine.ready;
    const buffer = ws.openBuffer('prfaq.md', prfaq('on disk'));
    ws.editBuffer(buffer, prfaq('typed'));
    clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(title(engine, buffer.uri), 'typed');

    ws.writeFile('prfaq.md', prfaq('pulled'));
    await drain();
    assert.equal(title(engine, buffer.uri), 'typed', 'the disk change does not replace unsaved text');

    // Once the buffer is clean (saved, or reverted), the disk is the truth again.
    buffer.isDirty = false;
    ws.writeFile('prfaq.md', prfaq('pulled again'));
    await drain();
    assert.equal(title(engine, buffer.uri), 'pulled again');
  });

  it('keeps unsaved text typed while the file was being read from disk', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('first') });
    const { engine, clock } = startEngine(ws);
    await engine.ready;
    const release = ws.gate('prfaq.md');
    ws.writeFile('prfaq.md', prfaq('pulled'));
    await drain();
    // The read is still pending when the user opens the file and types.
    const buffer = ws.openBuffer('prfaq.md', prfaq('pulled'));
    ws.editBuffer(buffer, prfaq('typed meanwhile'));
    clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(title(engine, buffer.uri), 'typed meanwhile');
    release();
    await drain();
    assert.equal(title(engine, buffer.uri), 'typed meanwhile', 'the late disk read does not win');
  });

  it('never applies a large edit\'s parse once the buffer has moved on (version guard)', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': largePrfaq('first') });
    const releases: Array<() => void> = [];
    const ids = createIdMatcher();
    const extractChunks = (_config: Config, texts: readonly string[]) =>
      new Promise<ChunkModel[]>((resolve) => releases.push(() => resolve(texts.map((text) => extractChunk(text, ids)))));
    const { engine, clock } = startEngine(ws, { extractChunks });
    await engine.ready;
    const buffer = ws.openBuffer('prfaq.md', largePrfaq('first'));
    clock.advance(0);
    releases.shift()?.();
    await drain();
    ws.editBuffer(buffer, largePrfaq('older edit'));
    clock.advance(TYPING_DEBOUNCE_MS);
    ws.editBuffer(buffer, largePrfaq('newer edit'));
    clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(releases.length, 2, 'both edits went to the extractor');
    releases[1]?.();
    await drain();
    assert.equal(title(engine, buffer.uri), 'newer edit');
    releases[0]?.();
    await drain();
    assert.equal(title(engine, buffer.uri), 'newer edit', 'the older edit, extracted last, is dropped');
  });

  it('drops every document under a deleted folder', async () => {
    const ws = new FakeWorkspace({
      'docs/a/one.md': prfaq('one', 'A-1'),
      'docs/a/deep/two.md': prfaq('two', 'A-2'),
      'docs/ab.md': prfaq('sibling', 'B-1'),
      'docs/b/three.md': prfaq('three', 'B-2'),
    });
    const { engine } = startEngine(ws);
    await engine.ready;
    assert.equal(engine.index.size, 4);
    ws.deleteFolder('docs/a');
    await drain();
    assert.deepEqual(engine.index.documents().map((d) => d.uri), [ws.uri('docs/ab.md'), ws.uri('docs/b/three.md')]);
  });

  it('coalesces a burst of events into one parse and one change event', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('start'), 'a.md': prfaq('a', 'A-1'), 'b.md': prfaq('b', 'B-1') });
    const { engine, clock } = startEngine(ws);
    await engine.ready;
    const buffer = ws.openBuffer('prfaq.md', prfaq('start'));
    clock.advance(CHANGE_COALESCE_MS);
    const changes: IndexChange[] = [];
    engine.onDidChange((change) => changes.push(change));
    const readsBefore = buffer.reads;
    // Twenty keystrokes, 20 ms apart: faster than the typing pause.
    for (let i = 1; i <= 20; i++) {
      ws.editBuffer(buffer, prfaq(`typed ${i}`));
      clock.advance(20);
    }
    assert.equal(buffer.reads, readsBefore, 'nothing is parsed while typing goes on');
    // Two files change on disk (a git pull) just before the typing pause ends.
    clock.advance(TYPING_DEBOUNCE_MS - 30);
    ws.writeFile('a.md', prfaq('a changed', 'A-1'));
    ws.writeFile('b.md', prfaq('b changed', 'B-1'));
    await drain();
    clock.advance(10);
    assert.equal(buffer.reads, readsBefore + 1, 'one parse after the pause');
    assert.equal(changes.length, 0, 'views are told after the coalescing window');
    clock.advance(CHANGE_COALESCE_MS);
    assert.equal(changes.length, 1);
    assert.deepEqual([...(changes[0]?.uris ?? [])].sort(), [ws.uri('a.md'), ws.uri('b.md'), buffer.uri].sort());
    assert.equal(title(engine, buffer.uri), 'typed 20');
  });

  it('re-scans when a setting that changes the index changes, or the configuration file does', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('one', 'CHK-1'), 'notes/x.md': prfaq('notes', 'NOTE-1') });
    const { engine } = startEngine(ws);
    await engine.ready;
    assert.equal(ws.configLoads, 1);
    assert.equal(engine.index.size, 2);

    ws.changeSettings(['prfaqTrace.exclude'], { exclude: ['notes/**'] });
    await drain();
    await engine.ready;
    assert.equal(ws.configLoads, 2);
    assert.deepEqual(engine.config.exclude, ['notes/**']);
    assert.deepEqual(engine.index.documents().map((d) => d.uri), [ws.uri('prfaq.md')]);

    ws.writeFile('.prfaq-trace.json', '{}');
    await drain();
    await engine.ready;
    assert.equal(ws.configLoads, 3);
  });

  it('does not re-scan when only a view setting changes', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('one') });
    const { engine } = startEngine(ws);
    await engine.ready;
    ws.changeSettings(['prfaqTrace.me']);
    ws.changeSettings(['prfaqTrace.sectionOwnerLens']);
    ws.changeSettings(['editor.fontSize']);
    await drain();
    assert.equal(ws.configLoads, 1);
    assert.equal(ws.listings, 1);
    assert.equal(engine.state, 'ready');
  });

  it('sends a large edit through the chunk extractor and a small one not', async () => {
    const sectioned = `${prfaq('small')}\n## Appendix\n\n${'Background prose about the checkout. '.repeat(400)}\n`;
    const ws = new FakeWorkspace({ 'large.md': largePrfaq('first'), 'sectioned.md': sectioned });
    const extracted: number[] = [];
    const ids = createIdMatcher();
    const extractChunks = async (_config: Config, texts: readonly string[]) => {
      extracted.push(texts.reduce((sum, text) => sum + text.length, 0));
      return texts.map((text) => extractChunk(text, ids));
    };
    const { engine, clock } = startEngine(ws, { extractChunks });
    await engine.ready;

    const small = ws.openBuffer('sectioned.md', sectioned);
    const large = ws.openBuffer('large.md', largePrfaq('first'));
    clock.advance(0);
    await drain();
    extracted.length = 0;

    ws.editBuffer(small, sectioned.replace('small', 'small edit'));
    clock.advance(TYPING_DEBOUNCE_MS);
    assert.deepEqual(extracted, [], 'an edit of one small section is parsed here');
    assert.equal(title(engine, small.uri), 'small edit');

    ws.editBuffer(large, largePrfaq('large edit'));
    clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(extracted.length, 1);
    assert.ok((extracted[0] ?? 0) > OFFLOAD_CHARS);
    const model = await engine.modelFor(large);
    assert.equal(model?.requirements[0]?.title, 'large edit');
  });

  it('falls back to the file on disk when a buffer with unsaved edits is closed', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('on disk') });
    const { engine, clock } = startEngine(ws);
    await engine.ready;
    const buffer = ws.openBuffer('prfaq.md', prfaq('on disk'));
    ws.editBuffer(buffer, prfaq('never saved'));
    clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(title(engine, buffer.uri), 'never saved');
    ws.closeBuffer(buffer);
    await drain();
    assert.equal(title(engine, buffer.uri), 'on disk');
  });

  it('answers modelFor with the buffer\'s current version, running a pending parse first', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('on disk') });
    const { engine } = startEngine(ws);
    const buffer = ws.openBuffer('prfaq.md', prfaq('on disk'));
    ws.editBuffer(buffer, prfaq('just typed'));
    // No time passes: the debounce has not fired, and the first scan may still be running.
    const model = await engine.modelFor(buffer);
    assert.equal(model?.requirements[0]?.title, 'just typed');
  });

  it('applies dirty buffers over the files a scan reads', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('on disk') });
    const buffer = ws.openBuffer('prfaq.md', prfaq('on disk'));
    buffer.edit(prfaq('unsaved before activation'));
    const { engine } = startEngine(ws);
    await engine.ready;
    assert.equal(title(engine, buffer.uri), 'unsaved before activation');
  });

  it('normalizes every URI once: a differently spelled event reaches the same document', async () => {
    const ws = new FakeWorkspace({ 'my doc.md': prfaq('on disk') });
    const { engine } = startEngine(ws);
    await engine.ready;
    const [doc] = engine.index.documents();
    assert.equal(doc?.uri, 'file:///ws/my%20doc.md');
    ws.files.set('my doc.md', prfaq('changed'));
    // A watcher that spells the space unencoded.
    (ws as unknown as { changed: { fire(uri: string): void } }).changed.fire('file:///ws/my doc.md');
    await drain();
    assert.equal(engine.index.size, 1);
    assert.equal(title(engine, 'file:///ws/my%20doc.md'), 'changed');
    ws.files.delete('my doc.md');
    (ws as unknown as { deleted: { fire(uri: string): void } }).deleted.fire('file:///ws/my doc.md');
    await drain();
    assert.equal(engine.index.size, 0);
  });
});

describe('live engine log', () => {
  it('logs a file that cannot be read during a scan, and a cache that cannot be saved', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('fine'), 'locked.md': new Error('EACCES: permission denied') });
    const { engine, logger } = startEngine(ws, {
      createParser: (config) => Object.assign(createInProcessParser(config), { save: () => Promise.reject(new Error('disk full')) }),
    });
    await engine.ready;
    await drain();
    assert.equal(engine.index.size, 1);
    assert.ok(logger.lines.some((line) => /^warn: file:\/\/\/ws\/locked\.md could not be read and is not indexed: EACCES/.test(line)), logger.lines.join('\n'));
    assert.ok(logger.lines.some((line) => /^warn: Could not save the model cache: disk full/.test(line)), logger.lines.join('\n'));
  });
});


describe('live engine events', () => {
  it('keeps telling the other listeners, and logs, when one listener throws', async () => {
    const ws = new FakeWorkspace({ 'prfaq.md': prfaq('one') });
    const { engine, clock, logger } = startEngine(ws);
    const heard: string[] = [];
    engine.onDidChange(() => {
      throw new Error('view broke');
    });
    engine.onDidChange((change) => heard.push(...change.uris));
    await engine.ready;
    clock.advance(CHANGE_COALESCE_MS);
    assert.deepEqual(heard, [ws.uri('prfaq.md')]);
    assert.equal(engine.state, 'ready');
    assert.ok(logger.lines.some((line) => /^error: A view failed to update: Error: view broke/.test(line)), logger.lines.join('\n'));
  });
});
