import type { FormatName } from '../args';
import type { Palette } from '../colors';
import type { Report } from '../report';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export function formatReport(format: FormatName, report: Report, colors: Palette): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, colors);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'markdown':
      return formatMarkdown(report);
  }
}
