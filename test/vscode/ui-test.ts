/**
 * What a person sees, driven through Chromium against code-server with the packaged .vsix
 * installed: the finding in the Problems panel, its hover, and its quick fix from the lightbulb
 * menu. Screenshots go to test-results/; the hover one also becomes docs/images/hover.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface UiTestOptions {
  baseUrl: string;
  workspace: string;
  resultsDir: string;
  readmeImage: string;
}

const FILE = 'fetch-no-timeout.ts';

export async function runUiTest(page: Page, options: UiTestOptions): Promise<void> {
  const shot = async (name: string) => page.screenshot({ path: path.join(options.resultsDir, `ui-${name}.png`) });
  try {
    await page.goto(`${options.baseUrl}/?folder=${encodeURIComponent(options.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await page.waitForTimeout(2_000);

    // Open the file the way a person would: from the explorer.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^src$/ }).click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).click();
    await page.waitForSelector('.monaco-editor .view-lines:has-text("loadUser")', { timeout: 30_000 });

    // The warning reaches the Problems panel as text.
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'no-timeout' });
    await problem.first().waitFor({ timeout: 60_000 });
    const problemText = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
    if (!/timeout/i.test(problemText)) throw new Error(`Problems panel shows no timeout warning: ${problemText}`);
    await shot('problems');

    // Hover the squiggle: the fallacy and the fix show up.
    const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
    await squiggle.waitFor({ timeout: 30_000 });
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('the warning squiggle has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:has-text("Fallacy 2")');
    await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(500);
    await shot('hover');
    fs.mkdirSync(path.dirname(options.readmeImage), { recursive: true });
    fs.copyFileSync(path.join(options.resultsDir, 'ui-hover.png'), options.readmeImage);

    // Quick fix from the lightbulb menu (Ctrl+. with the cursor on the finding).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(0, 0);
    const lightbulb = page.locator('.monaco-editor .lightBulbWidget').first();
    await lightbulb.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(500);
    await lightbulb.click({ force: true });
    const fixItem = page.locator('.action-widget .monaco-list-row', { hasText: /AbortSignal\.timeout|timeout/i }).first();
    await fixItem.waitFor({ timeout: 30_000 });
    await shot('quick-fix-menu');
    // The preferred fix is the focused first entry; the menu takes the key (its pointer block eats clicks).
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines:has-text("AbortSignal.timeout")', { timeout: 30_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'no-timeout' }).first().waitFor({ state: 'detached', timeout: 30_000 });
    await shot('after-fix');
  } catch (error) {
    await shot('failure').catch(() => undefined);
    throw error;
  }
}
