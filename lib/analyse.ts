import type { SourceDocument } from './source/types';
import type { Report } from './report/schema';

export interface AnalyseOptions {
  /** Milliseconds spent extracting, recorded in the report's stats. */
  extractMillis?: number;
}

/**
 * The whole pure analysis: SourceDocument in, report@1 out. Runs unchanged in the content
 * script, the PDF viewer, Node and Vitest. (Stub: the engine lands in lib/table + lib/checks.)
 */
export function analyse(doc: SourceDocument, opts: AnalyseOptions = {}): Report {
  const started = performance.now();
  return {
    schema: 'budget-lens/report@1',
    source: doc.source,
    document: { title: doc.title, kind: 'unknown', units: [], ...(doc.pages ? { pages: doc.pages } : {}) },
    tables: [],
    stats: {
      checksRun: 0,
      passed: 0,
      claims: 0,
      millis: { extract: opts.extractMillis ?? 0, analyse: performance.now() - started },
      notChecked: [],
    },
    findings: [],
    changes: [],
  };
}
