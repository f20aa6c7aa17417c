/**
 * npm run rules:doc — writes docs/rules.md from the rule catalogue (lib/engine/checks/catalogue.ts)
 * and the check registry (lib/engine/checks/index.ts). `--check` only says whether the committed
 * file is current (test/lib/engine/checks/catalogue.test.ts does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAMILIES, RULES, RULE_IDS } from '../lib/engine/checks/catalogue';
import type { Family, RuleId } from '../lib/engine/checks/catalogue';
import { CHECKS } from '../lib/engine/checks';
import { GROUP_LABEL } from '../lib/engine/report/groups';

const FAMILY_TITLES: Record<Family, string> = {
  sum: '表内勾稽 — arithmetic inside one table (rulebook §2.4, §3.1, §3.2)',
  perf: '绩效表 — performance forms (rulebook §3.5)',
  label: '编码与名称 — codes and names (rulebook §2)',
  cross: '表间勾稽 — identities between tables (rulebook §3.3)',
  doc: '表格齐全 — the document as a set of tables (rulebook §1)',
  text: '文字 — the narrative, against itself and the tables (rulebook §3.4)',
};

export const RULES_DOC = fileURLToPath(new URL('../docs/rules.md', import.meta.url));

function checksOf(rule: RuleId): string {
  return CHECKS.filter((check) => check.rules.includes(rule)).map((check) => `\`${check.name}\``).join(', ') || '—';
}

export function rulesMarkdown(): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from lib/engine/checks/catalogue.ts by `npm run rules:doc`. Do not edit by hand. -->',
    '',
    `Every rule id a report may carry (${RULE_IDS.length} rules). A finding's \`category\` and its group in the popup come from this`,
    'catalogue; its severity never exceeds the level given here, and a finding that rests on a doubtful reading is at',
    'most a warning (docs/architecture.md, "Evidence and reading caps"). Rulebook sections refer to docs/rulebook.md.',
    '',
    '| Rule | Category | Popup group | At most | Check | Rulebook |',
    '|---|---|---|---|---|---|',
  ];
  for (const id of RULE_IDS) {
    const rule = RULES[id];
    out.push(`| [\`${id}\`](#${id.replace(/\./g, '')}) | ${rule.category} | ${GROUP_LABEL[rule.group]} | ${rule.severity} | ${checksOf(id)} | ${rule.rulebook.join(', ')} |`);
  }
  for (const family of FAMILIES) {
    out.push('', `## ${family}: ${FAMILY_TITLES[family]}`);
    for (const id of RULE_IDS.filter((r) => RULES[r].family === family)) {
      const rule = RULES[id];
      out.push('', `### ${id}`, '', `${rule.zh}。`, '', `${rule.en}.`);
    }
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = rulesMarkdown();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(RULES_DOC, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error('docs/rules.md is out of date: run npm run rules:doc');
      process.exit(1);
    }
    console.log('docs/rules.md is current');
  } else {
    writeFileSync(RULES_DOC, text);
    console.log(`wrote docs/rules.md (${RULE_IDS.length} rules)`);
  }
}
