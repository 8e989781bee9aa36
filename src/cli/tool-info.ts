import packageJson from '../../package.json';

/** How the tool names itself in reports (SARIF driver, JSON header, Markdown footer). */
export const TOOL = {
  name: 'fallacy-lens',
  displayName: 'Fallacy Lens',
  version: packageJson.version,
  informationUri: packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''),
} as const;
