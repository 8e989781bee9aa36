/** The text `--help` prints: every command, flag and exit code. Kept in step with docs/cli.md. */
export const MAIN_HELP = `fallacy-lens — find network calls that assume the network is reliable, fast and secure

Usage:
  fallacy-lens scan [options] [paths...]   Analyse TypeScript/JavaScript files (default: the current directory)
  fallacy-lens rules [--format text|json]  List the rules, their fallacies and default severities
  fallacy-lens simulate [options]          Run the distributed-systems simulator (see: fallacy-lens simulate --help)
  fallacy-lens help [command]              Show help for a command
  fallacy-lens --version                   Print the version

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, invalid configuration, or internal error
`;

export const SCAN_HELP = `Usage: fallacy-lens scan [options] [paths...]

Analyses .ts .tsx .mts .cts .js .jsx .mjs .cjs files. Directories are walked recursively,
skipping .d.ts files, .gitignore'd paths, node_modules, dist, build, out, coverage, .next and
other build or cache directories, minified bundles and files over maxFileBytes. Files named on
the command line are always analysed unless the configuration's "exclude" names them.
Paths in the report are relative to the project root: the nearest git work tree, else the
current directory.

Output:
  -f, --format NAME        stylish (default), json, sarif, markdown
  -o, --output FILE        Write the report to FILE instead of standard output
      --no-color           No colours (also when NO_COLOR is set or output is not a terminal)
      --color              Colours even when the output is not a terminal
  -q, --quiet              Report errors only: findings and notes below error are dropped
                           (they then cannot fail the run either)

Result:
      --fail-on LEVEL      error, warning (default), info or never: exit 1 when a reported
                           finding is at least this severe

Configuration:
  -c, --config FILE        Configuration file (default: .fallacy-lens.json at the project root,
                           if it exists). Invalid configuration stops the run with exit code 2.
      --rule ID=SEVERITY   Set a rule's severity (off, info, warning, error) everywhere; wins
                           over the configuration file. Repeatable.

Scope:
      --changed-since REF  Report only findings on lines added or changed since the git REF
                           (git diff REF, plus untracked files). All files are still analysed,
                           so facts from other files count.
      --fix                Apply the safe fixes of the reported findings to the files, then
                           report what remains. Files that are not valid UTF-8 are left alone.
  -j, --jobs N             Worker threads (default: one per 50 files, at most one per core)
      --cache              Reuse the previous results when no file, setting or version changed
                           (a content-hash cache; any change re-analyses the project)
      --cache-location F   Cache file (default .fallacy-lens-cache/scan.json at the project root)
      --shard K/N          Report only the K-th of N shares of the files, for N parallel CI jobs;
                           a file's share depends only on its path, and every job still reads
                           the whole repository for cross-file facts
      --parser NAME        auto (default: oxc where its native binding is installed, else
                           typescript-estree), oxc, or typescript-estree; findings are identical

  -h, --help               Show this help

Examples:
  fallacy-lens scan
  fallacy-lens scan src --format sarif --output fallacy-lens.sarif
  fallacy-lens scan --changed-since origin/main --fail-on error
  fallacy-lens scan --rule no-retry=off --rule no-timeout=error
`;

export const RULES_HELP = `Usage: fallacy-lens rules [--format text|json]

Lists every rule with its id, the fallacy it names, its default severity and its documentation.
`;
