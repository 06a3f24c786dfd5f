// UI smoke test: the packaged extension is installed in a real VS Code workbench, its command is in the
// command palette, and screenshots of the workbench land in SCREENSHOT_DIR.
import * as assert from 'node:assert/strict';
import {
  commandTitle, manifest, openViewContainer, openWorkbench, problemsRows, runCommand, screenshot,
  searchExtensions, treeItem, type Workbench,
} from './workbench';

suite('workbench with the packaged extension', () => {
  let wb: Workbench;
  const displayName = manifest().displayName ?? manifest().name;

  suiteSetup(async () => {
    wb = await openWorkbench('test/fixtures/workspaces/basic');
  });

  suiteTeardown(async () => {
    await wb?.close();
  });

  test('the Extensions view lists the extension as installed', async () => {
    const { page } = wb;
    const rows = await searchExtensions(page, `@installed ${displayName}`);
    const row = rows.filter({ hasText: displayName }).first();
    await row.waitFor({ state: 'visible' });
    const label = (await row.getAttribute('aria-label')) ?? '';
    assert.ok(label.includes(displayName), `row label: ${label}`);
    // The row is drawn again once the extension has activated (it then shows its activation time).
    await row.locator('.activation-status').filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 }).catch(() => undefined);
    await row.waitFor({ state: 'visible' });
    await screenshot(page, 'extensions');
  });

  test('its command runs from the command palette', async () => {
    const { page } = wb;
    await runCommand(page, commandTitle('prfaqTrace.refresh'));
    // A command that is not registered would raise an error notification.
    await page.waitForTimeout(500);
    const errors = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /prfaqTrace|not found/i });
    assert.equal(await errors.count(), 0, 'an error notification appeared');
  });

  test('explorer, editor and Problems panel: workbench screenshot', async () => {
    const { page } = wb;
    await openViewContainer(page, 'Explorer');
    const readme = treeItem(page, 'README.md');
    await readme.waitFor({ state: 'visible' });
    await readme.click();
    await page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'visible' });
    const rows = await problemsRows(page);
    assert.ok((await rows.count()) >= 0);
    // Focus back in the editor, at the start of the file: the focus ring is part of the picture.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('ControlOrMeta+Home');
    const file = await screenshot(page, 'workbench');
    assert.ok(file.endsWith('workbench.png'));
  });
});
