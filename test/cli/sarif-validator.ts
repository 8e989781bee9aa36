/**
 * A structural check of SARIF 2.1.0 (OASIS standard, §3) for what our logs contain: required
 * properties, value domains, and — because the official schema forbids unknown properties on
 * these objects — the allowed property names. Returns a list of problems (empty when valid).
 */
type Json = Record<string, unknown>;

const ALLOWED: Record<string, string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  reportingDescriptor: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  result: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
  invocation: ['commandLine', 'arguments', 'responseFiles', 'startTimeUtc', 'endTimeUtc', 'exitCode', 'ruleConfigurationOverrides', 'notificationConfigurationOverrides', 'toolExecutionNotifications', 'toolConfigurationNotifications', 'exitCodeDescription', 'exitSignalName', 'exitSignalNumber', 'processStartFailureMessage', 'executionSuccessful', 'machine', 'account', 'processId', 'executableLocation', 'workingDirectory', 'environmentVariables', 'stdin', 'stdout', 'stderr', 'stdoutStderr', 'properties'],
  notification: ['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'],
  reportingDescriptorReference: ['id', 'index', 'guid', 'toolComponent', 'properties'],
};

const LEVELS = ['none', 'note', 'warning', 'error'];

export function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, where: string, what: string): void => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  const object = (value: unknown, kind: string, where: string): value is Json => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${where}: must be an object`);
      return false;
    }
    for (const key of Object.keys(value)) check(ALLOWED[kind].includes(key), where, `unknown property '${key}' on ${kind}`);
    return true;
  };
  const array = (value: unknown, where: string): unknown[] => {
    check(Array.isArray(value), where, 'must be an array');
    return Array.isArray(value) ? value : [];
  };
  const text = (value: unknown, kind: 'message' | 'multiformatMessageString', where: string): void => {
    if (!object(value, kind, where)) return;
    check(typeof value.text === 'string' || (kind === 'message' && typeof value.id === 'string'), where, 'needs text');
  };
  const uri = (value: unknown, where: string, absolute: boolean): void => {
    check(typeof value === 'string', where, 'must be a string');
    if (typeof value !== 'string') return;
    check(!/[\s\\]/.test(value), where, `not a URI reference: ${value}`);
    if (absolute) check(/^[a-z][a-z0-9+.-]*:/.test(value), where, `not an absolute URI: ${value}`);
  };
  const location = (value: unknown, where: string, baseIds: Set<string>): void => {
    if (!object(value, 'location', where)) return;
    if (value.id !== undefined) check(Number.isInteger(value.id) && (value.id as number) >= -1, where, 'id must be an integer >= -1');
    if (value.message !== undefined) text(value.message, 'message', `${where}.message`);
    const physical = value.physicalLocation;
    if (physical === undefined || !object(physical, 'physicalLocation', `${where}.physicalLocation`)) return;
    const artifact = physical.artifactLocation;
    if (object(artifact, 'artifactLocation', `${where}.artifactLocation`)) {
      uri(artifact.uri, `${where}.artifactLocation.uri`, false);
      check(typeof artifact.uri === 'string' && !artifact.uri.startsWith('/'), where, 'uri must be relative to its uriBaseId');
      if (artifact.uriBaseId !== undefined) check(baseIds.has(String(artifact.uriBaseId)), where, `uriBaseId ${String(artifact.uriBaseId)} not in originalUriBaseIds`);
    }
    if (physical.region !== undefined && object(physical.region, 'region', `${where}.region`)) {
      const r = physical.region as Record<string, number>;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        if (r[key] !== undefined) check(Number.isInteger(r[key]) && r[key] >= 1, where, `${key} must be an integer >= 1`);
      }
      check(Number.isInteger(r.startLine), where, 'a text region needs startLine');
      const endLine = r.endLine ?? r.startLine;
      check(endLine >= r.startLine, where, 'endLine before startLine');
      if (endLine === r.startLine && r.endColumn !== undefined) check(r.endColumn >= (r.startColumn ?? 1), where, 'endColumn before startColumn');
    }
  };

  if (!object(log, 'log', 'log')) return problems;
  check(log.version === '2.1.0', 'log.version', 'must be "2.1.0"');
  if (log.$schema !== undefined) uri(log.$schema, 'log.$schema', true);
  for (const [r, run] of array(log.runs, 'log.runs').entries()) {
    const at = `runs[${r}]`;
    if (!object(run, 'run', at)) continue;
    if (run.columnKind !== undefined) check(['utf16CodeUnits', 'unicodeCodePoints'].includes(String(run.columnKind)), at, 'bad columnKind');
    const baseIds = new Set(Object.keys((run.originalUriBaseIds as Json | undefined) ?? {}));
    for (const [id, base] of Object.entries((run.originalUriBaseIds as Json | undefined) ?? {})) {
      if (object(base, 'artifactLocation', `${at}.originalUriBaseIds.${id}`)) {
        uri(base.uri, `${at}.originalUriBaseIds.${id}.uri`, true);
        check(String(base.uri).endsWith('/'), at, 'a base URI must end with /');
      }
    }
    const ruleIds: string[] = [];
    if (object(run.tool, 'tool', `${at}.tool`) && object(run.tool.driver, 'toolComponent', `${at}.tool.driver`)) {
      const driver = run.tool.driver;
      check(typeof driver.name === 'string' && driver.name !== '', `${at}.tool.driver`, 'needs a name');
      if (driver.informationUri !== undefined) uri(driver.informationUri, `${at}.tool.driver.informationUri`, true);
      for (const [i, rule] of array(driver.rules ?? [], `${at}.tool.driver.rules`).entries()) {
        const where = `${at}.tool.driver.rules[${i}]`;
        if (!object(rule, 'reportingDescriptor', where)) continue;
        check(typeof rule.id === 'string', where, 'needs an id');
        ruleIds.push(String(rule.id));
        for (const key of ['shortDescription', 'fullDescription', 'help'] as const) {
          if (rule[key] !== undefined) text(rule[key], 'multiformatMessageString', `${where}.${key}`);
        }
        if (rule.helpUri !== undefined) uri(rule.helpUri, `${where}.helpUri`, true);
        if (rule.defaultConfiguration !== undefined && object(rule.defaultConfiguration, 'reportingConfiguration', `${where}.defaultConfiguration`)) {
          check(LEVELS.includes(String(rule.defaultConfiguration.level)), where, 'bad default level');
        }
      }
      check(new Set(ruleIds).size === ruleIds.length, at, 'duplicate rule ids');
    }
    for (const [i, result] of array(run.results ?? [], `${at}.results`).entries()) {
      const where = `${at}.results[${i}]`;
      if (!object(result, 'result', where)) continue;
      text(result.message, 'message', `${where}.message`);
      if (result.level !== undefined) check(LEVELS.includes(String(result.level)), where, 'bad level');
      if (result.ruleIndex !== undefined) {
        check(Number.isInteger(result.ruleIndex) && (result.ruleIndex as number) >= -1, where, 'ruleIndex must be an integer >= -1');
        check(ruleIds[result.ruleIndex as number] === result.ruleId, where, 'ruleIndex does not point at ruleId');
      }
      for (const [j, loc] of array(result.locations ?? [], `${where}.locations`).entries()) location(loc, `${where}.locations[${j}]`, baseIds);
      for (const [j, loc] of array(result.relatedLocations ?? [], `${where}.relatedLocations`).entries()) location(loc, `${where}.relatedLocations[${j}]`, baseIds);
      if (result.partialFingerprints !== undefined) {
        check(Object.values(result.partialFingerprints as Json).every((v) => typeof v === 'string'), where, 'fingerprints must be strings');
      }
    }
    for (const [i, invocation] of array(run.invocations ?? [], `${at}.invocations`).entries()) {
      const where = `${at}.invocations[${i}]`;
      if (!object(invocation, 'invocation', where)) continue;
      check(typeof invocation.executionSuccessful === 'boolean', where, 'executionSuccessful is required');
      for (const [j, notification] of array(invocation.toolExecutionNotifications ?? [], `${where}.toolExecutionNotifications`).entries()) {
        const nat = `${where}.toolExecutionNotifications[${j}]`;
        if (!object(notification, 'notification', nat)) continue;
        text(notification.message, 'message', `${nat}.message`);
        if (notification.level !== undefined) check(LEVELS.includes(String(notification.level)), nat, 'bad level');
        if (notification.descriptor !== undefined) object(notification.descriptor, 'reportingDescriptorReference', `${nat}.descriptor`);
        for (const [k, loc] of array(notification.locations ?? [], `${nat}.locations`).entries()) location(loc, `${nat}.locations[${k}]`, baseIds);
      }
    }
  }
  return problems;
}
