/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, VS Code's SARIF
 * viewer). Locations are relative to %SRCROOT% (the project root); columns count UTF-16 code
 * units and end columns are exclusive, as in our ranges.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { fallacyLabel } from '../../analyzer/fallacies';
import type { Finding, RelatedLocation, Severity, SourceRange } from '../../analyzer/types';
import { TOOL } from '../tool-info';
import { allFindings, allNotes, type Report, type ReportNote, type RuleInfo } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** Weaknesses each rule is about, as code-scanning tags (https://cwe.mitre.org). */
const CWE_TAGS: Partial<Record<string, string[]>> = {
  'no-timeout': ['external/cwe/cwe-400'],
  'insecure-transport': ['external/cwe/cwe-319', 'external/cwe/cwe-295'],
  'unsafe-retry': ['external/cwe/cwe-837'],
  'unvalidated-response': ['external/cwe/cwe-20'],
};

export function formatSarif(report: Report): string {
  const rules = [...report.rules];
  const findings = allFindings(report);
  const fingerprints = fingerprintsOf(findings);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            fullName: TOOL.displayName,
            informationUri: TOOL.informationUri,
            version: TOOL.version,
            semanticVersion: TOOL.version,
            rules: rules.map(sarifRule),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding, i) => sarifResult(finding, rules, fingerprints[i])),
        invocations: [
          {
            executionSuccessful: !report.toolNotes.some((note) => note.kind !== 'worker-crash'),
            toolExecutionNotifications: allNotes(report).map(sarifNotification),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: RuleInfo) {
  const fallacy = fallacyLabel(rule.fallacy);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (${fallacy}.)` },
    helpUri: rule.docsUrl,
    help: { text: `${rule.description}\n${fallacy}. Lesson and fixes: ${rule.docsUrl}` },
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: {
      fallacy,
      tags: [rule.fallacy === 4 ? 'security' : 'reliability', 'fallacies-of-distributed-computing', `fallacy-${rule.fallacy}`, ...(CWE_TAGS[rule.id] ?? [])],
      precision: 'high',
    },
  };
}

function sarifResult(finding: Finding, rules: RuleInfo[], fingerprint: string) {
  const ruleIndex = rules.findIndex((rule) => rule.id === finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [physicalLocation(finding.file, finding.range)],
    ...(finding.related.length > 0 ? { relatedLocations: finding.related.map(relatedLocation) } : {}),
    partialFingerprints: { 'fallacyLens/v1': fingerprint },
    properties: { fallacy: fallacyLabel(finding.fallacy), lesson: finding.lesson },
  };
}

function relatedLocation(related: RelatedLocation, id: number) {
  return { id, ...physicalLocation(related.file, related.range), message: { text: related.message } };
}

function physicalLocation(file: string, range: SourceRange) {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
      region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
    },
  };
}

function sarifNotification(note: ReportNote) {
  return {
    level: sarifLevel(note.severity),
    message: { text: note.message },
    descriptor: { id: note.kind },
    ...(note.file
      ? {
          locations: [
            note.range
              ? physicalLocation(note.file, note.range)
              : { physicalLocation: { artifactLocation: { uri: relativeUri(note.file), uriBaseId: SRCROOT } } },
          ],
        }
      : {}),
  };
}

/**
 * Stable across runs and line moves: the rule, the file, the message and the how-many-th such
 * finding it is. GitHub adds its own line-hash fingerprint on upload.
 */
function fingerprintsOf(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** A relative URI reference: each path segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(root: string): string {
  const uri = pathToFileURL(root).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
