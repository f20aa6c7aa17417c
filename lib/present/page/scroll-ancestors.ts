/**
 * The ancestors of an element that clip it (overflow other than visible): their scrolling
 * moves the element without moving the document, and their edges hide it.
 */
export function scrollableAncestors(element: Element): Element[] {
  const view = element.ownerDocument?.defaultView;
  if (!view?.getComputedStyle) return [];
  const out: Element[] = [];
  const root = element.ownerDocument.documentElement;
  const body = element.ownerDocument.body;
  for (let el = element.parentElement; el && el !== root && el !== body; el = el.parentElement) {
    const style = view.getComputedStyle(el);
    if (clips(style.overflowX) || clips(style.overflowY)) out.push(el);
  }
  return out;
}

function clips(overflow: string): boolean {
  return overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip';
}
