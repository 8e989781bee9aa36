/** `fallacy-lens rules`: the catalog, for people (text) or tools (json). */
import { fallacyLabel } from '../analyzer/fallacies';
import type { CliIo } from './cli-io';
import { ruleCatalog } from './report';

export function runRulesCommand(format: 'text' | 'json', io: Pick<CliIo, 'stdout'>): number {
  const rules = ruleCatalog();
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.flatMap((rule) => [
    `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${fallacyLabel(rule.fallacy)}`,
    `${' '.repeat(idWidth + 2)}${rule.description}`,
    `${' '.repeat(idWidth + 2)}${rule.docsUrl}`,
    '',
  ]);
  io.stdout(`${lines.join('\n')}Severities can be changed in .fallacy-lens.json or with --rule ID=off|info|warning|error.\n`);
  return 0;
}
