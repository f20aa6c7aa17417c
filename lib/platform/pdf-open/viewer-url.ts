/**
 * The viewer's address. Manual opens (context menu, popup) build `viewer.html?file=<encoded>`;
 * declarativeNetRequest cannot percent-encode, so its redirects produce `viewer.html?DNR:<raw url>`
 * (the pdf.js extension's scheme). The viewer reads both and rewrites the second into the first.
 */

export const VIEWER_PATH = '/viewer.html';
export const DNR_MARKER = '?DNR:';

/** `referer`: the page the PDF was linked from (context menu), sent along when the viewer fetches it. */
export function viewerUrlFor(viewerBase: string, file: string, referer?: string): string {
  return `${viewerBase}?file=${encodeURIComponent(file)}${referer ? `&referer=${encodeURIComponent(referer)}` : ''}`;
}

/**
 * The PDF address a viewer URL carries, or null (no file: the viewer shows its drop zone).
 * Only http(s) addresses are accepted: the viewer must never fetch extension or file URLs it was handed.
 */
export function fileOfViewerUrl(viewerHref: string): string | null {
  const marker = viewerHref.indexOf(DNR_MARKER);
  let file: string | null;
  if (marker >= 0) {
    file = viewerHref.slice(marker + DNR_MARKER.length);
  } else {
    try {
      file = new URL(viewerHref).searchParams.get('file');
    } catch {
      return null;
    }
  }
  return httpUrl(file);
}

/** The linking page a manual open recorded (never in the DNR form, whose raw URL may hold anything). */
export function refererOfViewerUrl(viewerHref: string): string | null {
  if (viewerHref.includes(DNR_MARKER)) return null;
  try {
    return httpUrl(new URL(viewerHref).searchParams.get('referer'));
  } catch {
    return null;
  }
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
