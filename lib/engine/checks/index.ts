import type { Check } from './types';
import { codeHierarchyCheck } from './code-hierarchy';
import { listTotalsCheck } from './list-totals';
import { columnIdentitiesCheck } from './column-identities';
import { summaryBalanceCheck } from './summary-balance';
import { threePublicCheck } from './three-public';
import { performanceUnitsCheck } from './performance-units';
import { performanceRateCheck } from './performance-rate';
import { performanceCostCapCheck } from './performance-cost-cap';
import { codeLabelsCheck } from './code-labels';
import { crossColumnsCheck } from './cross-columns';
import { crossIncomeCheck } from './cross-income';
import { economicViewsCheck } from './cross-economic';
import { crossTablesCheck } from './cross-tables';
import { documentTablesCheck } from './document-tables';
import { classificationLabelsCheck } from './classification-labels';
import { completionCheck } from './text-completion';
import { changeCheck } from './text-change';
import { sharesCheck } from './text-shares';
import { enumerationsCheck } from './text-enumeration';
import { textVsTableCheck } from './text-vs-table';
import { repeatedFiguresCheck } from './text-repeated';
import { countsCheck } from './text-counts';
import { yearsCheck } from './text-year';
import { placeholdersCheck } from './text-placeholder';
import { percentSignsCheck } from './text-percent-sign';

/**
 * Every check, in the order their findings are listed: the table checks (run on each table with
 * data), then the checks between tables, of the table set, and of the text. Adding a check is
 * one line here (docs/architecture.md, "How to add a check").
 */
export const CHECKS: readonly Check[] = [
  codeHierarchyCheck,
  listTotalsCheck,
  columnIdentitiesCheck,
  summaryBalanceCheck,
  threePublicCheck,
  performanceUnitsCheck,
  performanceRateCheck,
  performanceCostCapCheck,
  codeLabelsCheck,
  crossColumnsCheck,
  crossIncomeCheck,
  economicViewsCheck,
  crossTablesCheck,
  documentTablesCheck,
  classificationLabelsCheck,
  completionCheck,
  changeCheck,
  sharesCheck,
  enumerationsCheck,
  textVsTableCheck,
  repeatedFiguresCheck,
  countsCheck,
  yearsCheck,
  placeholdersCheck,
  percentSignsCheck,
];
