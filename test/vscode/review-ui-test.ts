/**
 * What the extension-host suites cannot drive, because VS Code answers it only to a person: the
 * status item's warning colour past the time budget, the question before a large review (a modal
 * dialog), and cancelling a review from its progress notification. Runs in code-server with the
 * packaged .vsix installed; screenshots go to the results folder as review-*.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { UiTestOptions } from './ui-test';

/** Enough files that a review lasts long enough to be cancelled by hand. */
const BULK_FILES = 4000;
const CONFIRM_ABOVE = 20;

export async function runReviewUiTest(page: Page, options: Omit<UiTestOptions, 'readmeImage'>): Promise<void> {
  const shot = (name: string) => page.screenshot({ path: path.join(options.resultsDir, `review-${name}.png`) });
  const settingsFile = path.join(options.workspace, '.vscode', 'settings.json');
  const originalSettings = fs.readFileSync(settingsFile, 'utf8');
  const writeSettings = (extra: Record<string, unknown>) =>
    fs.writeFileSync(settingsFile, JSON.stringify({ ...(JSON.parse(originalSettings) as object), ...extra }, null, 2));
  try {
    const bulk = path.join(options.workspace, 'bulk');
    fs.mkdirSync(bulk, { recursive: true });
    for (let i = 0; i < BULK_FILES; i++) {
      fs.writeFileSync(path.join(bulk, `client-${i}.ts`), `export const load${i} = () => fetch('https://api.example.com/items/${i}');\n`);
    }
    // Every analysis is over a 0 ms budget; a review of more than CONFIRM_ABOVE files asks first.
    // VS Code watches the settings file: the window (left by the lessons test) picks the change up.
    writeSettings({ 'fallacyLens.timeBudget': { warn: 0, error: 600_000 }, 'fallacyLens.review.confirmAbove': CONFIRM_ABOVE });
    await page.locator('.part.sidebar', { hasText: 'Fallacy Lens Review' }).waitFor({ timeout: 60_000 });

    await checkStatusItemColour(page, writeSettings, shot);
    await declineLargeReview(page, shot);
    await cancelReview(page, shot);
  } catch (error) {
    await shot('failure').catch(() => undefined);
    throw error;
  } finally {
    fs.writeFileSync(settingsFile, originalSettings);
  }
}

async function checkStatusItemColour(page: Page, writeSettings: (extra: Record<string, unknown>) => void, shot: (name: string) => Promise<unknown>): Promise<void> {
  await openFile(page, 'fetch-no-timeout.ts', 'loadUser');
  const item = page.locator('.statusbar-item', { hasText: /Fallacy Lens: \d+ · \d+ ms/ }).first();
  await item.waitFor({ timeout: 60_000 });
  await waitForKind(item, 'warning', true);
  await shot('status-warning');

  // Back to the default budget: the next analysis (after a keystroke) is well within it.
  writeSettings({ 'fallacyLens.review.confirmAbove': CONFIRM_ABOVE });
  await page.waitForTimeout(1_000);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x');
  await waitForKind(item, 'warning', false);
  await shot('status-normal');
  await page.keyboard.press('Control+Z');
}

/** VS Code marks a status item whose background is `statusBarItem.warningBackground` with the class `warning-kind`. */
async function waitForKind(item: Locator, kind: 'warning', present: boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const classes = (await item.getAttribute('class')) ?? '';
    if (classes.split(/\s+/).includes(`${kind}-kind`) === present) return;
    if (Date.now() > deadline) throw new Error(`the status item ${present ? 'never got' : 'kept'} the ${kind} colour (classes: ${classes})`);
    await item.page().waitForTimeout(250);
  }
}

async function declineLargeReview(page: Page, shot: (name: string) => Promise<unknown>): Promise<void> {
  await runCommand(page, 'Fallacy Lens: Review Workspace');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  const question = (await dialog.innerText()).replace(/\s+/g, ' ');
  if (!/Review [\d,]+ files\?/.test(question)) throw new Error(`the dialog does not ask about the review: ${question}`);
  const total = Number(/Review ([\d,]+) files\?/.exec(question)![1].replace(/,/g, ''));
  if (total <= BULK_FILES) throw new Error(`the dialog counts ${total} files, not the ${BULK_FILES} generated ones and the fixture's`);
  await shot('confirm');
  await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  // Declined: no review runs, so no progress and no summary appear.
  await page.waitForTimeout(3_000);
  if (await page.locator('.notification-toast', { hasText: /reviewing workspace|reviewed \d+ files/ }).count()) {
    throw new Error('a review ran although the question was declined');
  }
}

async function cancelReview(page: Page, shot: (name: string) => Promise<unknown>): Promise<void> {
  await runCommand(page, 'Fallacy Lens: Review Workspace');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.locator('.monaco-button', { hasText: /^Review$/ }).click();
  const progress = page.locator('.notification-toast', { hasText: 'reviewing workspace' }).first();
  await progress.waitFor({ timeout: 30_000 });
  // Let some batches arrive, then cancel as a person would: the notification's Cancel button.
  await page.locator('.notification-toast', { hasText: /\d+ of \d+ files/ }).first().waitFor({ timeout: 60_000 });
  await shot('progress');
  await progress.hover();
  await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
  const summary = page.locator('.notification-toast', { hasText: /Fallacy Lens stopped after \d+ files/ }).first();
  await summary.waitFor({ timeout: 60_000 });
  const text = (await summary.innerText()).replace(/\s+/g, ' ');
  const done = Number(/stopped after (\d+) files/.exec(text)![1]);
  if (!(done > 0 && done < BULK_FILES)) throw new Error(`the review should stop part-way, but: ${text}`);
  await shot('cancelled');
  // What was reviewed before the cancel stays in the Problems panel.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: /client-\d+\.ts/ }).first().waitFor({ timeout: 30_000 });
  // The window never froze: the editor still takes commands.
  await runCommand(page, 'View: Toggle Problems');
}

/** Quick Open into an empty editor area: the lessons panel left open by the test before keeps the focus otherwise. */
async function openFile(page: Page, name: string, showing: string): Promise<void> {
  await page.locator('.part.sidebar .title').first().click();
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 30_000 });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 30_000 });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const text = page.locator('.monaco-editor .view-lines', { hasText: showing }).first();
  await text.waitFor({ timeout: 30_000 });
  await text.click();
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 30_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}
