// Hovers and completion documentation as Markdown for LSP clients. Source text is untrusted:
// it is escaped so that no link, HTML or table can come out of it, and renders as typed.
import type { CitationCompletion } from '../service/completions';
import { ENTRY_ONLY_NOTE, type HoverContent, type QuotedPassage } from '../service/hover-content';
import type { IndexState } from '../service/corpus-indexer';

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~<>&]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Untrusted text as Markdown that shows the same text, on one line. */
export function inert(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, (c) => ENTITIES[c] ?? `\\${c}`).replace(/\r?\n/g, ' ');
}

/** `text` inert, with the `bold` ranges in bold. */
export function inertWithBold(text: string, bold: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const r of [...bold].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out += `${inert(text.slice(at, r.start))}**${inert(text.slice(r.start, r.end))}**`;
    at = r.end;
  }
  return out + inert(text.slice(at));
}

/** The line every partial answer ends with while the first scan runs. */
export function incompleteNote(state: IndexState): string {
  if (!state.filesTotal) return '*Grounded is still looking for the sources: this answer may lack some.*';
  return `*Grounded is still indexing the sources (${state.filesRead} of ${state.filesTotal} files read): this answer may lack some.*`;
}

function passageMarkdown(p: QuotedPassage): string {
  const quote = [p.before && inert(p.before), inertWithBold(p.text, p.shared), p.after && inert(p.after)].filter(Boolean).join(' ');
  const where = [`@${inert(p.key)}`, p.locator && inert(p.locator)].filter(Boolean).join(', ');
  return `> ${quote}\n\n${where}${p.best ? ' · best match for this sentence' : ''}`;
}

/** The hover's Markdown; while indexing (`complete` false) an unknown key may only be unread yet. */
export function hoverMarkdown(content: HoverContent, complete: boolean): string {
  if (content.kind === 'quotation') {
    if (content.found.length === 0) return '**Quotation not found**: these words occur in no indexed source.';
    const where = content.found.slice(0, 5).map((f) => inert(f.label)).join(', ');
    return `**Quotation found** in ${where}${content.firstText ? `\n\n> ${inert(content.firstText)}` : ''}`;
  }
  return content.sources
    .map((s) => {
      if (!s.known) return `**Unknown source** ${inert(`@${s.key}`)}: no ${complete ? 'indexed source' : 'source read so far'} has this key.`;
      const head = `**${inert(s.title)}**${s.facts ? `  \n${inert(s.facts)}` : ''}`;
      if (s.entryOnly) return `${head}${s.entryOnly.authors.length ? `  \n${inert(s.entryOnly.authors.join(', '))}` : ''}\n\n${ENTRY_ONLY_NOTE}`;
      if (s.pastEnd) return `${head}\n\n${s.pastEnd}`;
      if (s.passages.length === 0) return `${head}\n\nNo passage of this source shares words with this sentence.`;
      return [head, ...s.passages.map(passageMarkdown)].join('\n\n');
    })
    .join('\n\n---\n\n');
}

export function completionMarkdown(item: CitationCompletion): string {
  return [item.facts && inert(item.facts), item.passage && inert(item.passage)].filter(Boolean).join('\n\n');
}
