import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { writeFiles as write } from './support';

const repo = join(__dirname, '..', '..');
const owners = 'owners:\n  pm: "@priya"\n  engineer: "@marco"\n';
const prfaq = `---\ntype: prfaq\ntitle: Checkout\n${owners}---\n# Checkout\n\n## Commitments\n- CHK-1 Buy with one click.\n- CHK-2 Cancel within 30 minutes.\n`;
const design = `---\ntype: design\ntitle: Service\n${owners}prfaq: ../prfaq/checkout.md\n---\n# Service\n\n## Orders\nCovers: CHK-1\n`;

/** A run that takes longer than this hung (a FIFO read blocks forever). */
const HANG_MS = 15_000;

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('prfaq-trace check never hangs and never throws the report away', function () {
  this.timeout(120_000);
  let tmp: string;
  let cli: string;

  function run(args: string[], cwd: string) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: HANG_MS });
    assert.notEqual((result.error as NodeJS.ErrnoException | undefined)?.code, 'ETIMEDOUT', `prfaq-trace ${args.join(' ')} hung`);
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
  }

  /** A usage or configuration error: exit 2, one line on stderr (no stack trace), nothing on stdout. */
  function assertOneLineError(result: ReturnType<typeof run>, pattern: RegExp): void {
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n').filter((line) => !/^Run "prfaq-trace( \w+)? --help"/.test(line));
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] as string, pattern);
  }

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-robust-'));
    // A private bundle (dist/ is shared with other runs): the CLI and its parse worker side by side.
    const out = join(tmp, 'bin');
    const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', define: { PRFAQ_TRACE_VERSION: '"test"' } } as const;
    buildSync({ ...common, entryPoints: [join(repo, 'src/cli/main.ts')], outfile: join(out, 'cli.js') });
    buildSync({ ...common, entryPoints: [join(repo, 'src/node/parseWorker.ts')], outfile: join(out, 'parseWorker.js') });
    cli = join(out, 'cli.js');
  });

  // rm, not rmSync: it removes folders deeper than PATH_MAX (rmSync stops at ENAMETOOLONG).
  after(() => execFileSync('rm', ['-rf', tmp]));

  describe('special files', () => {
    it('refuses a FIFO as .prfaq-trace.json or --config with one line, without blocking', () => {
      const root = write(join(tmp, 'fifo-config'), { 'prfaq/checkout.md': prfaq });
      mkfifo(join(root, '.prfaq-trace.json'));
      assertOneLineError(run(['check', '.', '--workers', '0'], root), /\.prfaq-trace\.json: a named pipe \(FIFO\), not a regular file$/);
      mkfifo(join(root, 'other.json'));
      assertOneLineError(run(['check', 'prfaq', '--config', 'other.json', '--workers', '0'], root), /other\.json: a named pipe \(FIFO\), not a regular file$/);
    });

    it('refuses a FIFO or a device as a path argument with one line, not a stack trace', () => {
      const root = write(join(tmp, 'fifo-path'), { 'prfaq/checkout.md': prfaq });
      mkfifo(join(root, 'pipe.md'));
      assertOneLineError(run(['check', 'pipe.md', '--workers', '0'], root), /^prfaq-trace: cannot check pipe\.md: it is a named pipe \(FIFO\), not a file or folder$/);
      assertOneLineError(run(['check', '/dev/null', '--workers', '0'], root), /cannot check (\.\.\/)*dev\/null: it is a device, not a file or folder$/);
    });

    it('refuses a FIFO as the file or path of the other verbs (number, review, approve) without blocking', () => {
      const root = write(join(tmp, 'fifo-verbs'), { 'prfaq/checkout.md': prfaq });
      mkfifo(join(root, 'pipe.md'));
      assertOneLineError(run(['number', 'pipe.md', '--prefix', 'CHK'], root), /^prfaq-trace number: cannot read pipe\.md: a named pipe \(FIFO\), not a regular file$/);
      assertOneLineError(run(['review', 'pipe.md', '--as', '@jun'], root), /^prfaq-trace review: cannot check pipe\.md: it is a named pipe \(FIFO\), not a file or folder$/);
      assertOneLineError(run(['approve', 'pipe.md', '--as', '@priya'], root), /pipe\.md/);
    });

    it('never opens a FIFO inside a scanned folder, even one a kind glob names', () => {
      const root = write(join(tmp, 'fifo-inside'), { 'prfaq/checkout.md': prfaq, '.prfaq-trace.json': '{ "prfaqGlobs": ["prfaq/**"] }' });
      mkfifo(join(root, 'prfaq', 'pipe.md'));
      const result = run(['check', '.', '--workers', '0', '--fail-on', 'none'], root);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /checkout\.md/);
    });

    it('says a symbolic link loop is one, not "no such file or folder"', () => {
      const root = join(tmp, 'loop');
      mkdirSync(root);
      symlinkSync('b', join(root, 'a'));
      symlinkSync('a', join(root, 'b'));
      assertOneLineError(run(['check', 'a', '--workers', '0'], root), /cannot check a: too many levels of symbolic links \(a symbolic link loop\) \(ELOOP\)$/);
      assertOneLineError(run(['check', 'missing', '--workers', '0'], root), /no such file or folder: missing$/);
    });
  });

  describe('configuration', () => {
    it('accepts a UTF-8 byte order mark in .prfaq-trace.json', () => {
      const root = write(join(tmp, 'bom'), { 'prfaq/checkout.md': prfaq, '.prfaq-trace.json': '\uFEFF{ "severities": { "uncovered-requirement": "error" } }' });
      const result = run(['check', '.', '--workers', '0', '--fail-on', 'error'], root);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /error +CHK-1|CHK-1/);
    });

    it('refuses null as the whole configuration', () => {
      const root = write(join(tmp, 'null'), { 'prfaq/checkout.md': prfaq, '.prfaq-trace.json': 'null' });
      assertOneLineError(run(['check', '.', '--workers', '0'], root), /must be a JSON object \(write \{\} for the defaults\), not null$/);
    });

    it('refuses an idPattern that can backtrack catastrophically before reading any document, with any --workers', () => {
      const line = `- ${'A'.repeat(40)}\n`;
      const root = write(join(tmp, 'redos'), { 'prfaq/checkout.md': prfaq + line, '.prfaq-trace.json': '{ "idPattern": "(A+)+B" }' });
      for (const workers of ['0', '1']) {
        const result = run(['check', '.', '--workers', workers], root);
        assertOneLineError(result, /"idPattern" is refused because matching it could take minutes on hostile text: it has a repetition inside a repetition/);
      }
    });

    it('refuses an empty or malformed --workers', () => {
      const root = write(join(tmp, 'workers'), { 'prfaq/checkout.md': prfaq });
      for (const value of ['', '1e1', '-1', '65']) {
        assertOneLineError(run(['check', '.', `--workers=${value}`], root), /^prfaq-trace: --workers must be a whole number from 0 to 64/);
      }
      assert.equal(run(['check', '.', '--workers=0', '--fail-on', 'none'], root).code, 0);
    });
  });

  describe('the model cache', () => {
    it('warns when the cache cannot be saved, still prints the report and exits by the findings', () => {
      const root = write(join(tmp, 'cache-fails'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
      writeFileSync(join(root, 'not-a-folder'), 'x');
      for (const cacheDir of ['not-a-folder', 'not-a-folder/sub']) {
        const result = run(['check', '.', '--workers', '0', '--cache-dir', cacheDir], root);
        assert.equal(result.code, 1, result.stderr); // CHK-2 is uncovered
        assert.match(result.stdout, /CHK-2/);
        assert.match(result.stderr, new RegExp(`^prfaq-trace: warning: could not save the model cache in ${cacheDir}: `));
        assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      }
      const clean = write(join(tmp, 'cache-fails-clean'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design.replace('Covers: CHK-1', 'Covers: CHK-1, CHK-2') });
      writeFileSync(join(clean, 'not-a-folder'), 'x');
      assert.equal(run(['check', '.', '--workers', '0', '--cache-dir', 'not-a-folder'], clean).code, 0);
    });

    it('drops cache entries of the wrong shape or forged, parses those files again and rewrites the cache', () => {
      const root = write(join(tmp, 'cache-forged'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
      const cacheDir = join(root, '.cache');
      const first = run(['check', '.', '--workers', '0', '--cache-dir', cacheDir, '--format', 'json'], root);
      assert.equal(first.code, 1, first.stderr);
      const [file] = readdirSync(cacheDir);
      const path = join(cacheDir, file as string);
      const good = JSON.parse(readFileSync(path, 'utf8')) as { version: string; entries: Array<[string, Record<string, unknown> | null]> };
      assert.equal(good.entries.length, 2);
      // Each run forges both entries (the PR/FAQ's and the design doc's), one way each.
      type Forge = (model: Record<string, unknown>) => unknown;
      const forgeries: ReadonlyArray<readonly [Forge, Forge]> = [
        [() => null, (model) => ({ ...model, requirements: 'CHK-1' })], // null: "not a PR/FAQ or design doc" would hide all its findings
        [(model) => ({ ...model, findings: [{ code: 1 }] }), (model) => ({ ...model, sections: [{ heading: null }] })],
        [(model) => ({ ...model, uri: 'file:///elsewhere.md' }), (model) => ({ ...model, owners: { roles: [{ role: 'pm', people: [7] }] } })],
        [() => 42, () => 'model'],
      ];
      for (const forge of forgeries) {
        writeFileSync(path, JSON.stringify({ ...good, entries: good.entries.map(([key, model], i) => [key, forge[i]?.(model as Record<string, unknown>)]) }));
        const again = run(['check', '.', '--workers', '0', '--cache-dir', cacheDir, '--format', 'json'], root);
        assert.equal(again.code, 1, again.stderr);
        assert.equal(again.stdout, first.stdout, String(forge));
        assert.match(again.stderr, /^prfaq-trace: warning: 2 model cache entries were invalid and parsed again; the cache in .* is rewritten\n$/);
        assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), good, 'the cache is rewritten with valid entries');
      }
      // A cache file that is not JSON, or JSON of the wrong container shape, starts an empty cache.
      for (const garbage of ['{"version":', `{"version":${JSON.stringify(good.version)},"entries":[1,[2,3],"x"]}`]) {
        writeFileSync(path, garbage);
        const again = run(['check', '.', '--workers', '0', '--cache-dir', cacheDir, '--format', 'json'], root);
        assert.equal(again.stdout, first.stdout);
        assert.equal(again.stderr, '');
      }
    });

    it('does not block on a FIFO where the cache file should be', () => {
      const root = write(join(tmp, 'cache-fifo'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
      const cacheDir = join(root, '.cache');
      run(['check', '.', '--workers', '0', '--cache-dir', cacheDir], root);
      const [file] = readdirSync(cacheDir);
      rmSync(join(cacheDir, file as string));
      mkfifo(join(cacheDir, file as string));
      const result = run(['check', '.', '--workers', '0', '--cache-dir', cacheDir], root);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /CHK-2/);
    });
  });

  describe('unreadable files and folders', () => {
    /**
     * Folders made with relative steps (mkdir and cd), so their absolute path can exceed
     * PATH_MAX (4,096): the last folder's path is `length` characters long. Returns its path under `root`.
     */
    function deepFolder(root: string, length: number): string {
      const steps: string[] = [];
      let used = root.length;
      while (used + 1 + 200 < length) {
        steps.push('d'.repeat(200));
        used += 201;
      }
      steps.push('e'.repeat(length - used - 1));
      execFileSync('bash', ['-c', 'mkdir -p "$1" && cd "$1" && shift && for step in "$@"; do mkdir "$step" && cd "$step"; done', '_', root, ...steps]);
      return steps.join('/');
    }

    function writeDeep(root: string, folder: string, name: string, text: string): void {
      execFileSync('bash', ['-c', 'cd "$1" && IFS=/ && for step in $2; do cd "$step"; done && printf "%s" "$3" > "$4"', '_', root, folder, text, name]);
    }

    it('reports a folder it cannot list and a file it cannot read as unreadable-file, and goes on', () => {
      const root = write(join(tmp, 'unreadable'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design.replace('Covers: CHK-1', 'Covers: CHK-1, CHK-2') });
      // A folder whose own path is beyond PATH_MAX cannot be listed ...
      const unlisted = deepFolder(join(root, 'a'), 4200);
      writeDeep(join(root, 'a'), unlisted, 'prfaq.md', prfaq);
      // ... and a file whose path is beyond it cannot be read, though its folder lists it.
      const listed = deepFolder(join(root, 'b'), 4080);
      writeDeep(join(root, 'b'), listed, `${'x'.repeat(60)}.md`, prfaq);
      const result = run(['check', '.', '--workers', '0', '--format', 'json'], root);
      const report = JSON.parse(result.stdout) as { findings: Array<{ code: string; path: string; message: string; severity: string }> };
      const unreadable = report.findings.filter((f) => f.code === 'unreadable-file');
      assert.deepEqual(
        unreadable.map((f) => [f.path.slice(0, 1), f.severity]),
        [
          ['a', 'error'],
          ['b', 'error'],
        ],
        result.stdout,
      );
      assert.match(unreadable[0]?.message ?? '', /^folder could not be listed, its files are not analysed: the path is too long \(ENAMETOOLONG\)$/);
      assert.match(unreadable[1]?.message ?? '', /^could not be read, so it is not analysed: the path is too long \(ENAMETOOLONG\)$/);
      assert.ok(unreadable[1]?.path.endsWith(`${'x'.repeat(60)}.md`));
      assert.equal(result.code, 1, 'the exit code counts them');
      assert.equal(run(['check', '.', '--workers', '0', '--fail-on', 'error'], root).code, 1);
      // The rest of the workspace was analysed: no other finding.
      assert.equal(report.findings.length, 2, result.stdout);
    });

    it('reports a PR/FAQ it cannot read, even when not running as root', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads a file without read permission
      const root = write(join(tmp, 'no-permission'), { 'prfaq/checkout.md': prfaq });
      chmodSync(join(root, 'prfaq/checkout.md'), 0);
      const result = run(['check', '.', '--workers', '0'], root);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /unreadable-file/);
    });
  });

  describe('size', () => {
    it('reports a PR/FAQ too large to read whole as file-too-large from its head, without reading it', () => {
      const root = write(join(tmp, 'huge'), { 'prfaq/checkout.md': prfaq });
      // Sparse files: 5 GB read whole would not fit a Buffer (the document was dropped) nor memory.
      writeFileSync(join(root, 'prfaq/huge.md'), prfaq);
      truncateSync(join(root, 'prfaq/huge.md'), 5 * 1024 ** 3);
      writeFileSync(join(root, 'plain.md'), '# Just markdown\n');
      truncateSync(join(root, 'plain.md'), 5 * 1024 ** 3);
      const result = run(['check', '.', '--workers', '0', '--format', 'json'], root);
      const report = JSON.parse(result.stdout) as { findings: Array<{ code: string; path: string; message: string }> };
      const tooLarge = report.findings.filter((f) => f.code === 'file-too-large');
      assert.deepEqual(tooLarge.map((f) => f.path), ['prfaq/huge.md'], result.stdout);
      assert.match(tooLarge[0]?.message ?? '', /^file is 5368709120 bytes, over the 2000000-byte limit/);
    });
  });
});
