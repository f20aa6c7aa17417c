/**
 * The viewer's address. Manual opens (context menu, popup) build `viewer.html?file=<encoded>`;
 * declarativeNetRequest cannot percent-encode, so its redirects produce `viewer.html?DNR:<raw url>`
 * (the pdf.js extension's scheme). The viewer reads both and rewrites the second into the first.
 */

export const VIEWER_PATH = '/viewer.html';
export const DNR_MARKER = '?DNR:';

/**
 * Only the file: the page that linked it (sent as Referer) is kept by the background per tab,
 * never in the address, where any page that can navigate to the viewer could forge it.
 */
export function viewerUrlFor(viewerBase: string, file: string): string {
  return `${viewerBase}?file=${encodeURIComponent(file)}`;
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

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
