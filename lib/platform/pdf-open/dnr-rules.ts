import { GENERIC_BINARY_TYPES } from './is-pdf-response';
import { DNR_MARKER } from './viewer-url';

/**
 * isPdfResponse() expressed as declarativeNetRequest rules (Chrome ≥ 128 evaluates
 * `responseHeaders` conditions): pure data, so it can be tested without a browser.
 *
 * - content type application/pdf → viewer;
 * - URL path ending in .pdf, content type absent or generic binary → viewer;
 * - Content-Disposition naming a .pdf, content type absent or generic binary → viewer.
 * Only GET main-frame navigations on the portal hosts are redirected, so the viewer's own
 * fetch (an xmlhttprequest) can never loop; "打开原文件" adds a higher-priority allow rule.
 */

export interface HeaderInfo {
  header: string;
  values?: string[];
  excludedValues?: string[];
}

export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'allow' }
    | { type: 'modifyHeaders'; requestHeaders: { header: string; operation: 'set'; value: string }[] };
  condition: {
    regexFilter?: string;
    urlFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    requestDomains?: string[];
    initiatorDomains?: string[];
    resourceTypes: string[];
    requestMethods?: string[];
    tabIds?: number[];
    responseHeaders?: HeaderInfo[];
    excludedResponseHeaders?: HeaderInfo[];
  };
}

/** Ids of the redirect rules (dynamic rules: they survive browser restarts). */
export const REDIRECT_RULE_IDS = [1, 2, 3] as const;
export const REDIRECT_PRIORITY = 1;
/** Allow rules ("open the original") outrank the redirects. */
export const ALLOW_PRIORITY = 10;

/** Header-value patterns (case-insensitive, `*` wildcard) of the generic binary types, with parameters. */
const GENERIC_PATTERNS = GENERIC_BINARY_TYPES.flatMap((t) => [t, `${t};*`]);

/** Domains for requestDomains: "gov.cn" covers every *.gov.cn host; user hosts cover their subdomains. */
export function portalDomains(userHosts: readonly string[]): string[] {
  const clean = userHosts.map((h) => h.trim().toLowerCase().replace(/^\*\./, '')).filter((h) => /^[a-z0-9.-]+$/.test(h) && h.includes('.'));
  return [...new Set(['gov.cn', ...clean])];
}

/** The redirect rules for the viewer at `viewerUrl` (chrome-extension://…/viewer.html). */
export function pdfRedirectRules(viewerUrl: string, userHosts: readonly string[]): DnrRule[] {
  const requestDomains = portalDomains(userHosts);
  const redirect = { type: 'redirect' as const, redirect: { regexSubstitution: `${viewerUrl}${DNR_MARKER}\\0` } };
  const base = { requestDomains, resourceTypes: ['main_frame'], requestMethods: ['get'] };
  const notSpecific: HeaderInfo[] = [{ header: 'content-type', excludedValues: GENERIC_PATTERNS }];
  return [
    {
      id: REDIRECT_RULE_IDS[0],
      priority: REDIRECT_PRIORITY,
      action: redirect,
      condition: { ...base, regexFilter: '^https?://.*$', responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }] },
    },
    {
      id: REDIRECT_RULE_IDS[1],
      priority: REDIRECT_PRIORITY,
      action: redirect,
      // The path (before ? and #) ends in .pdf; RE2 syntax, matched case-insensitively.
      condition: { ...base, regexFilter: '^https?://[^?#]*\\.pdf([?#].*)?$', isUrlFilterCaseSensitive: false, excludedResponseHeaders: notSpecific },
    },
    {
      id: REDIRECT_RULE_IDS[2],
      priority: REDIRECT_PRIORITY,
      action: redirect,
      condition: {
        ...base,
        regexFilter: '^https?://.*$',
        // Quoted, unquoted and RFC 5987 (%2Epdf) names; the value pattern is case-insensitive.
        responseHeaders: [{ header: 'content-disposition', values: ['*.pdf', '*.pdf"*', '*.pdf;*', '*.pdf *', '*%2epdf', '*%2epdf;*', '*%2epdf"*'] }],
        excludedResponseHeaders: notSpecific,
      },
    },
  ];
}

/** "打开原文件": let this tab load this URL as it is (session rule, outranks the redirects). */
export function bypassRule(id: number, tabId: number, url: string): DnrRule {
  return {
    id,
    priority: ALLOW_PRIORITY,
    action: { type: 'allow' },
    condition: { urlFilter: `|${url.replace(/[|^]/g, (c) => encodeURIComponent(c))}|`, resourceTypes: ['main_frame'], tabIds: [tabId] },
  };
}

/**
 * The viewer's fetch of a PDF carries a Referer from the PDF's portal (anti-hotlinking checks
 * look at it). Scoped to requests the extension itself makes from that viewer tab.
 */
export function refererRule(id: number, extensionId: string, tabId: number, fileUrl: string, referer: string): DnrRule {
  const host = new URL(fileUrl).hostname;
  return {
    id,
    priority: ALLOW_PRIORITY,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: referer }] },
    condition: { requestDomains: [host], initiatorDomains: [extensionId], resourceTypes: ['xmlhttprequest', 'other'], tabIds: [tabId] },
  };
}
