/**
 * The lessons panel as a person uses it, in code-server with the packaged .vsix installed:
 * F1 → "Fallacy Lens: Open Lessons", the CAP lesson, a quiz answer, the partition scenario, CP
 * versus AP, and a 200 000-trial run timed by the lab itself (written to the results folder for
 * bench/lessons-panel.ts). Screenshots go to the results folder as lessons-*.png; one also becomes
 * docs/images/lessons-panel.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { UiTestOptions } from './ui-test';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The webview's document lives in a nested frame of VS Code's webview host page. */
async function lessonsFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('webview/browser/pre/fake.html')) continue;
      if (await frame.locator('#fl-ui-toc .fl-toc-link').count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no lessons webview frame among ${page.frames().map((f) => f.url()).join(', ')}`);
    await sleep(250);
  }
}

async function counters(frame: Frame): Promise<{ stale: number; failed: number; lost: number; status: string }> {
  const value = async (kind: string) => Number((await frame.locator(`#fl-ui-count-${kind}`).innerText()).replace(/\s/g, ''));
  return { stale: await value('stale'), failed: await value('failed'), lost: await value('lost'), status: await frame.locator('#fl-ui-lab-status').innerText() };
}

async function waitForRun(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => /^Done/.test(document.querySelector('#fl-ui-lab-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
}

export async function runLessonsUiTest(page: Page, options: UiTestOptions): Promise<void> {
  const shot = (name: string) => page.screenshot({ path: path.join(options.resultsDir, `lessons-${name}.png`) });
  try {
    await page.goto(`${options.baseUrl}/?folder=${encodeURIComponent(options.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForTimeout(3_000);

    // F1 → "Fallacy Lens: Open Lessons", as a person would. On a busy machine the palette can open
    // before the extension's commands are registered; a person would close it and try again.
    await page.locator('.part.sidebar', { hasText: 'Fallacy Lens Review' }).waitFor({ timeout: 60_000 });
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 30_000 });
      await page.keyboard.type('Fallacy Lens: Open Lessons');
      const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Lessons' }).first();
      const found = await item.waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (found) break;
      if (attempt === 3) throw new Error('"Fallacy Lens: Open Lessons" is not in the command palette');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2_000);
    }
    await page.keyboard.press('Enter');
    const frame = await lessonsFrame(page);
    await shot('opened');

    // The CAP lesson from the table of contents.
    await frame.click('a[data-toc-lesson="cap"]');
    await frame.locator('#fl-ui-lesson-content h1', { hasText: 'CAP' }).waitFor({ timeout: 30_000 });

    // Answer the first quiz question.
    const quiz = frame.locator('fieldset.fl-quiz').first();
    await quiz.scrollIntoViewIfNeeded();
    await quiz.locator('label').first().click();
    await quiz.locator('.fl-quiz-feedback').filter({ hasText: /Correct|Not quite/ }).waitFor({ timeout: 10_000 });
    await frame.locator('.fl-toc-link[aria-current="page"] .fl-toc-quiz').waitFor({ timeout: 10_000 }); // progress came back from the host
    await shot('quiz');

    // "Try it": the partition scenario opens in the lab, CP first.
    await frame.locator('a[data-scenario="partition-cp-vs-ap"]').first().click();
    await frame.locator('#fl-ui-lab-view:not([hidden])').waitFor({ timeout: 10_000 });
    await waitForRun(frame);
    const cp = await counters(frame);
    console.log(`  CP counters: ${JSON.stringify(cp)}`);
    if (cp.stale + cp.failed === 0) throw new Error(`the partition scenario shows neither stale nor failed requests: ${JSON.stringify(cp)}`);
    if (!(await frame.locator('#fl-ui-knob-behaviour-cp').isChecked())) throw new Error('the scenario did not open with CP selected');
    await frame.locator('#fl-ui-counters').scrollIntoViewIfNeeded();
    await shot('lab-cp');

    // Toggle to AP: the run repeats and the counters move (stale up, failures down).
    await frame.locator('label[for="fl-ui-knob-behaviour-ap"]').click();
    await frame.waitForFunction((before) => {
      const status = document.querySelector('#fl-ui-lab-status')?.textContent ?? '';
      const stale = document.querySelector('#fl-ui-count-stale')?.textContent ?? '';
      return /^Done/.test(status) && stale.replace(/\s/g, '') !== String(before);
    }, cp.stale, { timeout: 60_000 });
    const ap = await counters(frame);
    console.log(`  AP counters: ${JSON.stringify(ap)}`);
    if (!(ap.stale > cp.stale && ap.failed < cp.failed)) throw new Error(`AP should trade failures for stale reads: CP ${JSON.stringify(cp)}, AP ${JSON.stringify(ap)}`);
    await frame.locator('#fl-ui-counters').scrollIntoViewIfNeeded();
    await shot('lab-ap');

    // A 200 000-trial quorum run inside the webview, timed by the lab itself.
    await frame.selectOption('#fl-ui-scenario', 'quorum-basics');
    await frame.waitForFunction(() => /^Done: 200 000 trials/.test(document.querySelector('#fl-ui-lab-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    fs.writeFileSync(path.join(options.resultsDir, 'lessons-webview-run.txt'), await frame.locator('#fl-ui-lab-status').innerText());
    await frame.locator('.fl-diagram').scrollIntoViewIfNeeded();
    await shot('lab-quorum');

    // The picture for the docs: back to the lesson with the lab next to it is too tall; show the CAP lab.
    await frame.selectOption('#fl-ui-scenario', 'partition-cp-vs-ap');
    await waitForRun(frame);
    await frame.locator('#fl-ui-scenario-caption').scrollIntoViewIfNeeded();
    await shot('panel');
    fs.mkdirSync(path.dirname(options.readmeImage), { recursive: true });
    fs.copyFileSync(path.join(options.resultsDir, 'lessons-panel.png'), options.readmeImage);
  } catch (error) {
    await shot('failure').catch(() => undefined);
    throw error;
  }
}

