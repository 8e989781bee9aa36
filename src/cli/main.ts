// Entry point of the `fallacy-lens` command (bundled as dist/cli.js).
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTerminal: process.stdout.isTTY === true,
  stderrIsTerminal: process.stderr.isTTY === true,
}).then((code) => {
  // exitCode rather than exit(): lets piped stdout drain before the process ends.
  process.exitCode = code;
});
