import { describe, expect, it } from 'vitest';
import { fileOfViewerUrl, viewerUrlFor } from '../../../../lib/platform/pdf-open/viewer-url';

const BASE = 'chrome-extension://abc/viewer.html';

describe('viewer URLs', () => {
  it('round-trips file URLs with queries and fragments', () => {
    const file = 'http://www.hetang.gov.cn/download.do?id=7&t=a b#page=2';
    const url = viewerUrlFor(BASE, file);
    expect(fileOfViewerUrl(url)).toBe(new URL(file).href);
  });

  it('never carries a referer: the linking page is kept by the background per tab (issue 15)', () => {
    const url = viewerUrlFor(BASE, 'http://a.gov.cn/download.do?id=7');
    expect(url).toBe(`${BASE}?file=${encodeURIComponent('http://a.gov.cn/download.do?id=7')}`);
    expect(new URL(url).searchParams.has('referer')).toBe(false);
  });

  it('reads the raw form declarativeNetRequest produces', () => {
    expect(fileOfViewerUrl(`${BASE}?DNR:http://www.hetang.gov.cn/download.do?id=7#x`)).toBe('http://www.hetang.gov.cn/download.do?id=7#x');
  });

  it('refuses everything but http(s), and no file at all', () => {
    expect(fileOfViewerUrl(viewerUrlFor(BASE, 'file:///etc/passwd'))).toBeNull();
    expect(fileOfViewerUrl(viewerUrlFor(BASE, 'chrome-extension://abc/popup.html'))).toBeNull();
    expect(fileOfViewerUrl(`${BASE}?file=`)).toBeNull();
    expect(fileOfViewerUrl(BASE)).toBeNull();
    expect(fileOfViewerUrl(`${BASE}?file=%%%`)).toBeNull();
  });
});
