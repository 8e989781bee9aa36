/** The CLI as a function: arguments in, output through `io`, exit code out. Never throws. */
import { ConfigError } from '../analyzer/config';
import { parseArgs } from './args';
import type { CliIo } from './cli-io';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { MAIN_HELP, RULES_HELP, SCAN_HELP } from './help';
import { runRulesCommand } from './rules-command';
import { runScanCommand } from './scan-command';
import { runSimulateCommand } from './simulate-command';
import { TOOL } from './tool-info';
import { UsageError } from './usage-error';


export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        if (command.topic === 'simulate') return runSimulateCommand(['--help'], io);
        io.stdout(command.topic === 'scan' ? SCAN_HELP : command.topic === 'rules' ? RULES_HELP : MAIN_HELP);
        return EXIT_OK;
      case 'version':
        io.stdout(`${TOOL.version}\n`);
        return EXIT_OK;
      case 'rules':
        return runRulesCommand(command.format, io);
      case 'simulate':
        return runSimulateCommand(command.args, io);
      case 'scan':
        return await runScanCommand(command.args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`fallacy-lens: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (io.env.FALLACY_LENS_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr(`fallacy-lens: internal error: ${detail}\nPlease report it with the command line that caused it (FALLACY_LENS_DEBUG=1 adds a stack trace).\n`);
    return EXIT_USAGE;
  }
}
