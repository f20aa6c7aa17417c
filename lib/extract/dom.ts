import { stripBidiControls } from '../engine/bound-source';

/**
 * The small DOM vocabulary extraction needs. Only what the CLI's small DOM (html-node.ts) also
 * implements — node types, parent/child/sibling links, localName, getAttribute/hasAttribute,
 * textContent, documentElement/head — and nothing that needs layout: the same code runs in the
 * content script and in the CLI (test/e2e/dom-parity.test.ts compares them).
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Never visible as page text, or not text at all. */
const SKIPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
  'input',
]);

/**
 * Elements that start a new line of text. Without layout we cannot know what CSS does, so this
 * follows the default style sheet; inline elements (span, font, b, a…) join with no space, which
 * is what keeps Word's "1,0" + "25.50" one number.
 */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Word styles are long ("font-size:9.0pt;font-family:宋体;mso-…"); most hold none of these words.
const HIDDEN_HINT = /none|hidden|collapse/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const BOLD_STYLE = /(?:^|;)\s*font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b/i;
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/g;

export function tagOf(el: Element): string {
  // localName is already lower case for HTML elements in both engines (Word's "o:p" included);
  // lower-casing every element again costs more than the rest of a cell's walk.
  return el.localName ?? '';
}

export function isBlockTag(tag: string): boolean {
  return BLOCKS.has(tag);
}

export function isHeadingTag(tag: string): boolean {
  return HEADINGS.has(tag);
}

/** Elements whose subtree contributes no text: not rendered, hidden inline, or our own overlay. */
export function isSkipped(el: Element, tag: string): boolean {
  if (SKIPPED.has(tag) || tag.startsWith('budget-lens-')) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && style !== '' && HIDDEN_HINT.test(style) && HIDDEN_STYLE.test(style);
}

export function isBoldElement(el: Element, tag: string): boolean {
  if (tag === 'b' || tag === 'strong') return true;
  const style = el.getAttribute('style');
  return style !== null && style !== '' && BOLD_STYLE.test(style);
}

/**
 * Whitespace and &nbsp; runs become one space; full-width characters stay as they are. Bidi
 * controls go: a page's U+202E must not reverse the text Budget Lens quotes back to the user.
 */
export function collapse(text: string): string {
  return stripBidiControls(text).replace(COLLAPSIBLE, ' ').trim();
}

/**
 * Pre-order walk without recursion (deeply nested markup must not exhaust the stack) and
 * without materialising child lists. `enter` returns false to skip an element's subtree;
 * `leave` is called for every element whose subtree was entered.
 */
export function walk(start: Node, enter: (node: Node) => boolean, leave: (el: Element) => void): void {
  let node: Node | null = start;
  while (node) {
    const descend = enter(node);
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend && node.nodeType === ELEMENT_NODE) leave(node as Element);
    while (node !== start && !node.nextSibling) {
      node = node.parentNode;
      if (!node) return;
      if (node.nodeType === ELEMENT_NODE) leave(node as Element);
    }
    if (node === start) return;
    node = node.nextSibling;
  }
}

/** What a text walk met besides text: a visible nested table makes the outer one layout. */
export interface TextWalkNotes {
  table: boolean;
}

/**
 * Visible text of a cell or caption: `<br>` and block children count as a space, inline children
 * join with no space, whitespace collapsed and trimmed.
 */
export function visibleText(root: Element, notes?: TextWalkNotes): string {
  // Most CMS cells hold only text: one native call instead of a walk.
  if (!root.firstElementChild) return collapse(root.textContent ?? '');
  let text = '';
  walk(
    root,
    (node) => {
      if (node.nodeType === TEXT_NODE) {
        text += node.nodeValue ?? '';
        return false;
      }
      if (node.nodeType !== ELEMENT_NODE) return false;
      if (node === root) return true;
      const el = node as Element;
      const tag = tagOf(el);
      if (isSkipped(el, tag)) return false;
      if (tag === 'table' && notes) {
        notes.table = true;
        return false;
      }
      if (tag === 'br' || isBlockTag(tag)) text += ' ';
      return true;
    },
    (el) => {
      if (el !== root && isBlockTag(tagOf(el))) text += ' ';
    },
  );
  return collapse(text);
}
