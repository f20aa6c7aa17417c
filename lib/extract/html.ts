import type { BlockAnchor, SourceDocument, SourceTable, TableAnchor, TextBlock } from '../engine/source';
import {
  ELEMENT_NODE,
  TEXT_NODE,
  collapse,
  isBlockTag,
  isBoldElement,
  isHeadingTag,
  isSkipped,
  tagOf,
  visibleText,
  walk,
} from './dom';
import { readTable } from './html-table';

export interface HtmlExtraction {
  doc: SourceDocument;
  /** Every anchor of `doc` (tables "t0", cells "t0.r2.c5", text blocks "b0") to its element. */
  elements: Map<string, Element>;
}

const BEFORE_LINES = 6;
const AFTER_LINES = 3;
/** A bold line longer than this is an emphasised sentence, not a heading. */
const MAX_BOLD_HEADING = 50;
const DOCUMENT_NODE = 9;
const VISIBLE = /\S/;

/**
 * DOM → SourceDocument, in one walk in reading order. Data tables (at least 2 × 2, containing no
 * other table) become tables; everything else visible becomes text blocks, one per line (a block
 * element's text, or a `<br>`-separated part of it). Runs on Chromium's DOM in the content script
 * and on the parse5 tree of lib/extract/html-node.ts in the CLI, so it uses no layout and only
 * the DOM members dom.ts lists.
 */
export function extractHtml(root: Document | Element, opts: { source: string }): HtmlExtraction {
  const elements = new Map<string, Element>();
  const tables: SourceTable[] = [];
  const blocks: TextBlock[] = [];
  const fallback = fallbackElement(root);
  let seq = 0;

  // The line being collected: text since the last block boundary, and whether all of it is bold.
  let line = '';
  let lineBold = true;
  const blockStack: Element[] = [];
  const boldStack: Element[] = [];
  let headingDepth = 0;
  // Blocks from this index on come after the last table: its `after`, the next table's `before`.
  let sinceTable = 0;
  let lastTable: SourceTable | null = null;
  let firstH1: Element | null = null;

  const flush = () => {
    const text = collapse(line);
    if (text && VISIBLE.test(text)) {
      const element = blockStack[blockStack.length - 1] ?? fallback;
      const listItem = element !== null && tagOf(element) === 'li';
      const heading = headingDepth > 0 || (lineBold && text.length <= MAX_BOLD_HEADING && !listItem);
      const anchor: BlockAnchor = `b${blocks.length}`;
      blocks.push({ anchor, text, kind: heading ? 'heading' : 'paragraph', seq: seq++ });
      if (element) elements.set(anchor, element);
    }
    line = '';
    lineBold = true;
  };

  const closeAfter = () => {
    if (lastTable) lastTable.after = blocks.slice(sinceTable, sinceTable + AFTER_LINES).map((b) => b.text);
  };

  const tryTable = (el: Element): boolean => {
    const anchor: TableAnchor = `t${tables.length}`;
    const read = readTable(el, anchor);
    // A table that holds another table is page layout, and a 1-row or 1-column table is a
    // framed title or note: their cells are text.
    if (!read || read.rows.length < 2 || read.width < 2) return false;
    flush();
    closeAfter();
    const table: SourceTable = {
      anchor,
      rows: read.rows,
      caption: read.caption,
      before: blocks.slice(Math.max(sinceTable, blocks.length - BEFORE_LINES)).map((b) => b.text),
      after: [],
      seq: seq++,
    };
    tables.push(table);
    elements.set(anchor, el);
    for (let r = 0; r < read.rows.length; r += 1) {
      const row = read.rows[r]!;
      const cells = read.cells[r]!;
      for (let c = 0; c < row.length; c += 1) elements.set(row[c]!.anchor, cells[c]!);
    }
    sinceTable = blocks.length;
    lastTable = table;
    return true;
  };

  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      line += text;
      if (boldStack.length === 0 && VISIBLE.test(text)) lineBold = false;
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false;
    const el = node as Element;
    const tag = tagOf(el);
    if (isSkipped(el, tag)) return false;
    if (tag === 'br') {
      flush();
      return false;
    }
    if (tag === 'table' && tryTable(el)) return false;
    if (tag === 'h1') firstH1 ??= el;
    if (isBlockTag(tag)) {
      flush();
      blockStack.push(el);
      if (isHeadingTag(tag)) headingDepth += 1;
    }
    if (isBoldElement(el, tag)) boldStack.push(el);
    return true;
  };
  const leave = (el: Element): void => {
    if (boldStack[boldStack.length - 1] === el) boldStack.pop();
    if (blockStack[blockStack.length - 1] === el) {
      flush();
      blockStack.pop();
      if (isHeadingTag(tagOf(el))) headingDepth -= 1;
    }
  };
  for (const start of startsOf(root)) walk(start, enter, leave);
  flush();
  closeAfter();

  return {
    doc: { source: opts.source, title: titleOf(root) || (firstH1 ? visibleText(firstH1) : ''), tables, blocks },
    elements,
  };
}

/**
 * The element children of a Document (not the Document itself: linkedom gives the doctype no
 * next sibling, and parses a fragment into several top-level elements).
 */
function startsOf(root: Document | Element): Node[] {
  if (root.nodeType !== DOCUMENT_NODE) return [root];
  return Array.from(root.childNodes).filter((node) => node.nodeType === ELEMENT_NODE);
}

/** Where text outside every block element is anchored. */
function fallbackElement(root: Document | Element): Element | null {
  return root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : (root as Element);
}

/** The `<title>` in the head (not `querySelector`: linkedom scans the whole page for it). */
function titleOf(root: Document | Element): string {
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : (root as Element).ownerDocument;
  const head = doc?.documentElement ? doc.head : null;
  for (let node = head?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE && tagOf(node as Element) === 'title') return collapse(node.textContent ?? '');
  }
  return '';
}
