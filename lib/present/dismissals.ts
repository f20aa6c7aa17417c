import { z } from 'zod';
import { locationSchema, severitySchema } from '../engine/report/schema';
import type { FindingView } from './view-model';

/**
 * Findings a reader set aside on a document — "不是问题" (not a problem) or "读取有误" (Budget
 * Lens misread the table) — kept locally, hidden on the next visit, listed on the options page,
 * and exportable so misreadings can be sent back to the project. Pure: storage is lib/platform's.
 */

export const dismissalSchema = z.object({
  /** The document (address without its fragment). */
  document: z.string(),
  title: z.string(),
  /** The finding's stable key (rule and place). */
  key: z.string(),
  kind: z.enum(['dismiss', 'misread']),
  at: z.number(),
  rule: z.string(),
  severity: severitySchema,
  headline: z.string(),
  where: z.string(),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  location: locationSchema,
});
export type Dismissal = z.infer<typeof dismissalSchema>;
export const dismissalsSchema = z.array(dismissalSchema);

export function documentOf(source: string): string {
  return source.split('#')[0]!;
}

export function dismissalOf(view: FindingView, kind: Dismissal['kind'], source: string, title: string, at = Date.now()): Dismissal {
  const f = view.finding;
  return {
    document: documentOf(source),
    title,
    key: view.key,
    kind,
    at,
    rule: f.rule,
    severity: f.severity,
    headline: view.headline,
    where: view.where,
    message: f.message,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    location: f.location,
  };
}

/** Adds (or replaces) one; a finding is set aside once per document. */
export function withDismissal(list: readonly Dismissal[], item: Dismissal): Dismissal[] {
  return [...list.filter((d) => !(d.document === item.document && d.key === item.key)), item];
}

export function withoutDismissal(list: readonly Dismissal[], document: string, key: string): Dismissal[] {
  return list.filter((d) => !(d.document === documentOf(document) && d.key === key));
}

/** The keys hidden on one document. */
export function hiddenKeys(list: readonly Dismissal[], source: string): Set<string> {
  const doc = documentOf(source);
  return new Set(list.filter((d) => d.document === doc).map((d) => d.key));
}

/** What a reviewer sends back to the project: every misreading (and dismissal) with what it was about. */
export function exportDismissals(list: readonly Dismissal[], version: string, now = new Date()): string {
  return `${JSON.stringify({ schema: 'budget-lens/dismissals@1', exported: now.toISOString(), version, items: [...list].sort((a, b) => a.at - b.at) }, null, 2)}\n`;
}
