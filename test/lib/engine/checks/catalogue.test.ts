import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES, RULES, RULE_IDS } from '../../../../lib/engine/checks/catalogue';
import { CHECKS } from '../../../../lib/engine/checks';
import { findingSchema } from '../../../../lib/engine/report/schema';
import { RULES_DOC, rulesMarkdown } from '../../../../scripts/rules-doc';
import { ALL_CASES } from '../../../rules/all';

/**
 * The rule catalogue is the one list of rules (like a feature list that must name each feature's
 * test and screenshot): every rule is emitted by a registered check, documented in docs/rules.md
 * (generated, and committed current), and has a failing and a passing case in test/rules/.
 */
describe('the rule catalogue', () => {
  it('names each rule by its family, with both descriptions and a rulebook section', () => {
    for (const id of RULE_IDS) {
      const rule = RULES[id];
      expect(FAMILIES).toContain(rule.family);
      expect(id.startsWith(`${rule.family}.`), id).toBe(true);
      expect(rule.zh.length, id).toBeGreaterThan(4);
      expect(rule.en.length, id).toBeGreaterThan(4);
      expect(rule.rulebook.length, id).toBeGreaterThan(0);
    }
  });

  it('has every rule emitted by a registered check, and no check declaring a rule twice', () => {
    const declared = new Set(CHECKS.flatMap((check) => check.rules));
    expect(RULE_IDS.filter((id) => !declared.has(id))).toEqual([]);
    for (const check of CHECKS) expect(new Set(check.rules).size, check.name).toBe(check.rules.length);
  });

  it('is documented in docs/rules.md, and the committed file is current (npm run rules:doc)', () => {
    const committed = readFileSync(RULES_DOC, 'utf8');
    for (const id of RULE_IDS) expect(committed, id).toContain(`### ${id}`);
    expect(committed).toBe(rulesMarkdown());
  });

  it('has a failing and a passing case for every rule (test/rules/, one file per family)', () => {
    const covered = new Set(ALL_CASES.map((c) => c.rule));
    expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
    for (const c of ALL_CASES) {
      expect(c.fails, c.rule).toBeDefined();
      expect(c.passes, c.rule).toBeDefined();
      expect(c.source.length, c.rule).toBeGreaterThan(3);
    }
  });

  it('cites only sections docs/rulebook.md has', () => {
    const rulebook = readFileSync(new URL('../../../../docs/rulebook.md', import.meta.url), 'utf8');
    const cited = new Set(RULE_IDS.flatMap((id) => RULES[id].rulebook.map((section) => section.replace(/\(.*\)$/, ''))));
    for (const section of cited) expect(rulebook, section).toContain(section.startsWith('§') ? `§${section.slice(1)}` : section);
  });

  it('is the only source of rule ids a report accepts', () => {
    const finding = { id: 'f1', severity: 'error', category: 'sum', message: '…', location: { text: '…' }, related: [] };
    expect(findingSchema.safeParse({ ...finding, rule: 'sum.rows' }).success).toBe(true);
    expect(findingSchema.safeParse({ ...finding, rule: 'sum.invented' }).success).toBe(false);
  });
});
