/**
 * Builds the throw-away workspace the suites run in: a copy of test/fixtures/vscode/workspace
 * made into a git repository whose `feature` branch has one committed and one untracked change
 * against `main`, plus a git-ignored file (created here: a .gitignore inside the fixture would
 * hide it from this repository as well).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'vscode');

/** What the review suites expect of the prepared workspace. */
export const EXPECTED_REVIEW = {
  workspace: { files: 11, findings: 7, filesWithFindings: 7 },
  changedFiles: { files: 2, findings: 1, filesWithFindings: 1 },
};

export function prepareWorkspace(directory: string, fixtures = FIXTURES): void {
  fs.cpSync(path.join(fixtures, 'workspace'), directory, { recursive: true });
  fs.mkdirSync(path.join(directory, 'ignored'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'ignored', 'ignored.ts'), "export const ignored = (): Promise<Response> => fetch('https://ignored.example.com/');\n");
  fs.writeFileSync(path.join(directory, '.gitignore'), 'ignored/\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Fallacy Lens Tests', '-c', 'user.email=tests@fallacy-lens.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: directory,
      stdio: 'pipe',
    });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'base');
  git('checkout', '--quiet', '-b', 'feature');
  fs.copyFileSync(path.join(fixtures, 'changes', 'new-feature.ts'), path.join(directory, 'src', 'new-feature.ts'));
  git('add', 'src/new-feature.ts');
  git('commit', '--quiet', '--message', 'feature');
  fs.copyFileSync(path.join(fixtures, 'changes', 'scratch.ts'), path.join(directory, 'src', 'scratch.ts'));
}
