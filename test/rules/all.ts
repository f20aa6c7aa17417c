import type { RuleCase } from './case';
import { sumCases } from './sum';
import { perfCases } from './perf';
import { labelCases } from './label';
import { crossCases } from './cross';
import { docCases } from './doc';
import { textCases } from './text';

/** Every rule case, family by family (one file per family). */
export const ALL_CASES: RuleCase[] = [...sumCases, ...perfCases, ...labelCases, ...crossCases, ...docCases, ...textCases];
