/**
 * Copies text: the Clipboard API where the page allows it (https, focused), else a hidden
 * textarea and execCommand — many portals are plain http, where the API is missing.
 */
export async function copyText(root: Document | ShadowRoot, text: string): Promise<boolean> {
  const doc = root instanceof Document ? root : root.ownerDocument;
  const view = doc.defaultView;
  try {
    if (view?.isSecureContext && view.navigator.clipboard) {
      await view.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no focus, no permission): try the old way.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0;';
  (root instanceof Document ? root.body : root).append(area);
  area.select();
  let ok = false;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
