/**
 * HTML parsers that keep their open elements in an array shifted at the front (htmlparser2, under
 * linkedom in the CLI) take quadratic time on tens of thousands of unclosed nested elements: a
 * hostile page of 50,000 `<div><span>` takes minutes. Browsers do not build such trees either:
 * Chromium's parser stops nesting at depth 512 and adds deeper elements as siblings. This
 * pre-pass does much the same on the markup: past `maxDepth`, opening tags (and their closing
 * tags) are dropped, their text kept — except table structure, kept up to twice the depth, so a
 * budget table under a hostile pile of wrappers is still read. Pages within the depth are
 * returned unchanged.
 */

export const MAX_HTML_DEPTH = 512;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound']);
/** Elements an opening tag of the same kind closes (unclosed `<p>`, `<li>`, `<td>` … do not nest). */
const SELF_CLOSING_KIN: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  thead: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  tbody: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  tfoot: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
};
const TABLE_TAGS = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** How far down the stack a closing tag or an implied close looks for its element. */
const LOOKBACK = 16;

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;

interface Open {
  name: string;
  kept: boolean;
}

/** Runs the tokens through a small stack; `onTag` receives each tag's fate. Returns the depth reached. */
function scan(html: string, maxDepth: number, onTag?: (start: number, end: number, keep: boolean) => void): number {
  const stack: Open[] = [];
  let kept = 0;
  let deepest = 0;
  const popTo = (i: number) => {
    for (let k = i; k < stack.length; k += 1) if (stack[k]!.kept) kept -= 1;
    stack.length = i;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[3]?.toLowerCase();
    if (!name) continue;
    if (m[2] === '/') {
      let keep = true;
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - LOOKBACK); i -= 1) {
        if (stack[i]!.name === name) {
          keep = stack[i]!.kept;
          popTo(i);
          break;
        }
      }
      onTag?.(m.index, m.index + m[0].length, keep);
      continue;
    }
    if (VOID.has(name) || m[4] === '/') continue;
    const kin = SELF_CLOSING_KIN[name];
    if (kin) {
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - 3); i -= 1) {
        if (kin.includes(stack[i]!.name)) {
          popTo(i);
          break;
        }
      }
    }
    // Past the depth, table structure is still kept (extraction reads it), up to twice the depth.
    const keep = kept < maxDepth || (TABLE_TAGS.has(name) && kept < 2 * maxDepth);
    stack.push({ name, kept: keep });
    if (keep) kept += 1;
    deepest = Math.max(deepest, kept, keep ? 0 : maxDepth + 1);
    onTag?.(m.index, m.index + m[0].length, keep);
  }
  return deepest;
}

export function flattenDeepNesting(html: string, maxDepth = MAX_HTML_DEPTH): string {
  // Cheap test first: a page with fewer tags than the limit cannot be too deep.
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= maxDepth; i = html.indexOf('<', i + 1)) tags += 1;
  if (tags <= maxDepth || scan(html, maxDepth) <= maxDepth) return html;
  const parts: string[] = [];
  let at = 0;
  scan(html, maxDepth, (start, end, keep) => {
    if (keep) return;
    parts.push(html.slice(at, start));
    at = end;
  });
  parts.push(html.slice(at));
  return parts.join('');
}
