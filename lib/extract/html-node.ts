/**
 * HTML text → a small read-only DOM for extraction outside the browser (the CLI, tests, bench).
 * parse5 builds the tree as the HTML standard says, which is the tree Chromium builds: text
 * written between `<table>` and its first `<tr>` ("单位：万元") moves before the table, `<tbody>`
 * is implied, misnested tags are repaired. linkedom does none of that, so the CLI read some pages
 * differently from the extension (test/e2e/dom-parity.test.ts compares the two).
 *
 * The nodes implement only what lib/extract reads (see dom.ts): node types, the parent/child/
 * sibling links, localName, attributes, textContent, and the document's html/head/body. They are
 * typed as the DOM's Document for extractHtml; anything beyond that list is undefined here.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type P5Node = DefaultTreeAdapterTypes.Node;
type P5Parent = DefaultTreeAdapterTypes.ParentNode;

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const DOCUMENT = 9;
const DOCTYPE = 10;

class LightNode {
  parentNode: LightNode | null = null;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  ownerDocument: LightDocument | null = null;

  constructor(
    readonly nodeType: number,
    readonly nodeValue: string | null = null,
  ) {}

  get parentElement(): LightElement | null {
    return this.parentNode instanceof LightElement ? this.parentNode : null;
  }

  get childNodes(): LightNode[] {
    const out: LightNode[] = [];
    for (let node = this.firstChild; node; node = node.nextSibling) out.push(node);
    return out;
  }

  get firstElementChild(): LightElement | null {
    for (let node = this.firstChild; node; node = node.nextSibling) if (node instanceof LightElement) return node;
    return null;
  }

  get textContent(): string | null {
    if (this.nodeType === TEXT || this.nodeType === COMMENT) return this.nodeValue;
    if (this.nodeType !== ELEMENT) return null;
    // Iterative: deeply nested markup must not exhaust the stack.
    let text = '';
    let node: LightNode | null = this.firstChild;
    while (node) {
      if (node.nodeType === TEXT) text += node.nodeValue;
      if (node.firstChild && node.nodeType === ELEMENT) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== this && !node.nextSibling) node = node.parentNode;
      if (!node || node === this) break;
      node = node.nextSibling;
    }
    return text;
  }

  append(child: LightNode): void {
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }
}

class LightElement extends LightNode {
  constructor(
    readonly localName: string,
    private readonly attrs: ReadonlyMap<string, string>,
  ) {
    super(ELEMENT);
  }

  get tagName(): string {
    return this.localName.toUpperCase();
  }

  getAttribute(name: string): string | null {
    return this.attrs.get(name.toLowerCase()) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attrs.has(name.toLowerCase());
  }
}

class LightDocument extends LightNode {
  constructor() {
    super(DOCUMENT);
  }

  get documentElement(): LightElement | null {
    for (let node = this.firstChild; node; node = node.nextSibling) if (node instanceof LightElement) return node;
    return null;
  }

  get head(): LightElement | null {
    return this.childOfRoot('head');
  }

  get body(): LightElement | null {
    return this.childOfRoot('body');
  }

  private childOfRoot(name: string): LightElement | null {
    for (let node = this.documentElement?.firstChild ?? null; node; node = node.nextSibling) {
      if (node instanceof LightElement && node.localName === name) return node;
    }
    return null;
  }
}

/** Parses a whole page (a fragment gets the html/head/body a browser would give it). */
export function parseHtmlDocument(html: string): Document {
  const tree = parse(html);
  const doc = new LightDocument();
  doc.ownerDocument = null;
  // Copy the parse5 tree without recursion; template contents are not part of the page.
  const stack: Array<[P5Parent, LightNode]> = [[tree, doc]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const child of from.childNodes) {
      const node = convert(child, doc);
      if (!node) continue;
      to.append(node);
      if (node instanceof LightElement && 'childNodes' in child && child.childNodes.length) stack.push([child as P5Parent, node]);
    }
  }
  return doc as unknown as Document;
}

function convert(node: P5Node, doc: LightDocument): LightNode | null {
  let out: LightNode;
  if (node.nodeName === '#text') out = new LightNode(TEXT, (node as DefaultTreeAdapterTypes.TextNode).value);
  else if (node.nodeName === '#comment') out = new LightNode(COMMENT, (node as DefaultTreeAdapterTypes.CommentNode).data);
  else if (node.nodeName === '#documentType') out = new LightNode(DOCTYPE);
  else if ('tagName' in node) {
    const attrs = new Map<string, string>();
    // The first of repeated attributes wins, as in the browser (parse5 already drops repeats).
    for (const attr of node.attrs) if (!attr.prefix && !attrs.has(attr.name)) attrs.set(attr.name, attr.value);
    out = new LightElement(node.tagName, attrs);
  } else return null;
  out.ownerDocument = doc;
  return out;
}
