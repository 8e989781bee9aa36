/** The CLI's exit codes, as ESLint's: 0 nothing to report, 1 findings at --fail-on, 2 usage or setup error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
