/**
 * Runs the same extension-host suites under @vscode/test-electron, for contributors whose machine
 * can download VS Code (`node out/test/vscode/run-electron.js` after build-tests). CI uses
 * code-server instead (scripts/vscode-e2e/run.sh), where the download host is unreachable.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './fixture-workspace';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  // The suites edit files and write settings: they get a copy of the fixture workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fallacy-lens-electron-'));
  prepareWorkspace(workspace);
  await runTests({
    version: '1.99.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome'],
    extensionTestsEnv: { FALLACY_LENS_TEST_SUMMARY: path.join(root, 'test-results', 'vscode-electron.json') },
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
