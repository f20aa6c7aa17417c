import type { Report } from '../engine/report/schema';
import { arithmeticOf, headlineOf } from './headline';
import type { Lang } from './i18n';
import { ruleTitle } from './rules';

/**
 * A report whose findings speak another language (the CLI's --lang en): each message becomes the
 * view model's headline and arithmetic in that language, with the rule's description; the figures
 * and every other field stay as they are. Chinese is the checks' own wording: returned unchanged.
 */
export function inLanguage(report: Report, lang: Lang): Report {
  if (lang === 'zh') return report;
  return {
    ...report,
    findings: report.findings.map((finding) => {
      const arithmetic = arithmeticOf(finding, lang);
      const message = `${headlineOf(finding, lang)}.${arithmetic ? ` ${arithmetic}.` : ''} [${ruleTitle(finding.rule, lang)}]`;
      return { ...finding, message };
    }),
  };
}
