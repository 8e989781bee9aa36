import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type ProjectConfig, type RuleSeverities } from '../analyzer/config';
import { decodeSource } from '../analyzer/source-file';
import type { ScanArgs } from './args';
import { UsageError } from './usage-error';

/**
 * The configuration a scan runs with: `--config FILE`, else `.fallacy-lens.json` at the project
 * root if there is one, else the defaults; then `--rule` settings, which win everywhere.
 * Throws `ConfigError` (invalid file) or `UsageError` (unreadable file).
 */
export function loadConfig(root: string, cwd: string, args: Pick<ScanArgs, 'config' | 'rules'>): ProjectConfig {
  const file = args.config ? path.resolve(cwd, args.config) : path.join(root, CONFIG_FILE_NAME);
  const config = args.config || existsSync(file) ? parseConfig(readConfigText(file, args.config ?? CONFIG_FILE_NAME), displayName(cwd, file)) : defaultConfig();
  return withCommandLineRules(config, args.rules);
}

/** `--rule` beats the file's rules and overrides alike, so it becomes the last override, for every file. */
function withCommandLineRules(config: ProjectConfig, rules: ScanArgs['rules']): ProjectConfig {
  if (rules.length === 0) return config;
  const severities: RuleSeverities = Object.fromEntries(rules.map(({ rule, severity }) => [rule, severity]));
  return { ...config, overrides: [...config.overrides, { files: ['**'], rules: severities }] };
}

function readConfigText(file: string, asGiven: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read the configuration file ${asGiven}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeSource(bytes);
  if (decoded.skipped || decoded.lossy) throw new UsageError(`The configuration file ${asGiven} is not UTF-8 or UTF-16 text.`);
  return decoded.text;
}

/** Error messages name the file as the user would type it. */
function displayName(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
