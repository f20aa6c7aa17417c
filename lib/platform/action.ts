import { browser } from 'wxt/browser';
import type { Report } from '../engine/report/schema';

const RED = '#c62828';
const AMBER = '#b26a00';

/** The toolbar badge: the error count in red, else the warning count in amber, else nothing. */
export function badgeFor(report: Report | null): { text: string; color: string } {
  if (!report) return { text: '', color: RED };
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) return { text: String(errors), color: RED };
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  if (warnings > 0) return { text: String(warnings), color: AMBER };
  return { text: '', color: RED };
}

export async function setTabBadge(tabId: number, report: Report | null): Promise<void> {
  const { text, color } = badgeFor(report);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab may have closed meanwhile.
  }
}
