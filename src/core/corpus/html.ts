import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { SourceMeta } from '../model';
import type { Block } from './clean';
import { metaFromRecord } from './markdown';

type Node = T.ChildNode | T.Document;

// Subtrees that never hold the article's text.
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'head', 'figure', 'canvas', 'video', 'audio', 'object']);
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd', 'dt', 'td', 'th', 'figcaption']);
// class/id words of page furniture (sharing bars, related links, ads, comments).
const FURNITURE = /(^|[\s_-])(comments?|share|sharing|social|related|promo|advert|ads?|sponsor|sidebar|newsletter|subscribe|breadcrumbs?|cookie|banner|menu|nav|footer|masthead|byline-share|outbrain|taboola|recirc|more-stories)([\s_-]|$)/i;

export interface HtmlArticle {
  meta: Partial<SourceMeta>;
  /** The first `<h1>` inside the article, a candidate headline. */
  heading?: Block;
  blocks: Block[];
}

function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function children(node: Node): T.ChildNode[] {
  if ('childNodes' in node) return node.childNodes;
  return [];
}

/** Depth-first walk without recursion, so deeply nested markup cannot overflow the stack. */
function* walk(root: Node, skip: (el: T.Element) => boolean): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node && node !== root && skip(node)) continue;
    yield node;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

function textOf(node: Node): string {
  const parts: string[] = [];
  for (const n of walk(node, (el) => SKIP_TAGS.has(el.tagName))) {
    if (n.nodeName === '#text') parts.push((n as T.TextNode).value);
    else if ('tagName' in n && n.tagName === 'br') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function isFurniture(el: T.Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  const role = attr(el, 'role');
  if (role && /^(navigation|banner|contentinfo|complementary|search|dialog)$/.test(role)) return true;
  if (attr(el, 'aria-hidden') === 'true' || attr(el, 'hidden') !== undefined) return true;
  return FURNITURE.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
}

function readMeta(doc: T.Document): Partial<SourceMeta> {
  const fields: Record<string, unknown> = {};
  let titleTag: string | undefined;
  for (const n of walk(doc, () => false)) {
    if (!('tagName' in n)) continue;
    if (n.tagName === 'title' && !titleTag) titleTag = textOf(n);
    if (n.tagName === 'link' && attr(n, 'rel') === 'canonical' && attr(n, 'href')) fields.URL ??= attr(n, 'href');
    if (n.tagName !== 'meta') continue;
    const name = (attr(n, 'property') ?? attr(n, 'name') ?? '').toLowerCase();
    const content = attr(n, 'content')?.trim();
    if (!content) continue;
    if (name === 'og:title' || name === 'twitter:title' || name === 'citation_title' || name === 'dc.title') fields.title ??= content;
    else if (name === 'og:site_name' || name === 'citation_journal_title' || name === 'dc.publisher') fields['container-title'] ??= content;
    else if (name === 'article:published_time' || name === 'citation_publication_date' || name === 'dc.date' || name === 'date' || name === 'pubdate') fields.issued ??= content;
    else if (name === 'og:url') fields.URL ??= content;
    else if (name === 'citation_doi' || name === 'dc.identifier' && /^(doi:)?10\.\d/.test(content)) fields.DOI ??= content.replace(/^doi:/, '');
    else if (name === 'author' || name === 'article:author' || name === 'citation_author' || name === 'dc.creator') {
      if (!/^https?:/.test(content)) ((fields.author ??= []) as string[]).push(content);
    }
  }
  fields.title ??= titleTag;
  return metaFromRecord(fields);
}

/** The element holding the article: a single <article>, else <main>, else role=main, else <body>. */
function articleRoot(doc: T.Document): Node {
  const articles: T.Element[] = [];
  let main: T.Element | undefined;
  let body: T.Element | undefined;
  for (const n of walk(doc, (el) => SKIP_TAGS.has(el.tagName) && el.tagName !== 'head')) {
    if (!('tagName' in n)) continue;
    if (n.tagName === 'article') articles.push(n);
    else if (!main && (n.tagName === 'main' || attr(n, 'role') === 'main')) main = n;
    else if (n.tagName === 'body') body = n;
  }
  if (articles.length === 1) return articles[0];
  if (articles.length > 1) return articles.reduce((a, b) => (textOf(b).length > textOf(a).length ? b : a));
  return main ?? body ?? doc;
}

/** Link-heavy blocks are navigation, not prose. */
function linkDensity(el: T.Element, text: string): number {
  let linked = 0;
  for (const n of walk(el, () => false)) if ('tagName' in n && n.tagName === 'a') linked += textOf(n).length;
  return text.length ? linked / text.length : 0;
}

export function parseHtmlArticle(html: string): HtmlArticle {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const meta = readMeta(doc);
  const root = articleRoot(doc);
  const blocks: Block[] = [];
  let heading: Block | undefined;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node && node !== root && isFurniture(node)) continue;
    const isBlock = 'tagName' in node && BLOCK_TAGS.has(node.tagName);
    const nested = isBlock && node.tagName !== 'p' && node.tagName !== 'pre' && hasBlockChild(node);
    if (isBlock && !nested) {
      const loc = node.sourceCodeLocation;
      const text = textOf(node);
      if (loc && text && linkDensity(node, text) < 0.6) {
        const block = { text, start: loc.startOffset, end: loc.endOffset };
        if (node.tagName === 'h1') heading ??= block;
        else blocks.push(block);
      }
      continue;
    }
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return { meta, heading, blocks };
}

function hasBlockChild(el: T.Element): boolean {
  for (const n of walk(el, (e) => isFurniture(e))) if (n !== el && 'tagName' in n && BLOCK_TAGS.has(n.tagName)) return true;
  return false;
}
