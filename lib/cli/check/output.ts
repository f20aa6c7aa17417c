import { findingsCsvHeader, findingsCsvRows } from '../../engine/report/format-findings-csv';
import { formatReportMarkdown } from '../../engine/report/format-markdown';
import { formatReportText } from '../../engine/report/format-text';
import type { Report } from '../../engine/report/schema';
import { formatSummaryText, type DocumentRow, type RunInfo } from './summary';

/**
 * What `check` prints on stdout, written as documents finish, in the order they were given
 * (ndjson: as they finish).
 *
 * - text: one document → its report; several → the batch summary at the end;
 * - md: the reports, separated by rules;
 * - json: one document → its report@1; several → an array of report@1, streamed element by
 *   element, byte for byte what JSON.stringify(array, null, 2) prints;
 * - ndjson: one report@1 per line, in the order the documents are done;
 * - csv: one row per finding (lib/engine/report/format-findings-csv.ts), the header first.
 */
export type Format = 'text' | 'json' | 'md' | 'ndjson' | 'csv';

export interface Output {
  report(report: Report): void;
  end(rows: DocumentRow[], run: RunInfo): void;
}

export function createOutput(format: Format, single: boolean, write: (text: string) => void): Output {
  let count = 0;
  switch (format) {
    case 'text':
      return {
        report: (report) => {
          if (single) write(formatReportText(report));
        },
        end: (rows, run) => {
          if (!single) write(formatSummaryText(rows, run));
        },
      };
    case 'md':
      return {
        report: (report) => write(`${count++ ? '\n---\n\n' : ''}${formatReportMarkdown(report)}`),
        end: () => {},
      };
    case 'json':
      return {
        report: (report) => {
          const json = JSON.stringify(report, null, 2);
          if (single) write(`${json}\n`);
          else write(`${count++ ? ',\n' : '[\n'}${json.replace(/^/gm, '  ')}`);
        },
        end: () => {
          if (!single && count) write('\n]\n');
        },
      };
    case 'ndjson':
      return { report: (report) => write(`${JSON.stringify(report)}\n`), end: () => {} };
    case 'csv':
      write(findingsCsvHeader());
      return { report: (report) => write(findingsCsvRows(report)), end: () => {} };
  }
}
