// BBC leads against their bodies: false warnings on real paraphrase. A BBC article opens with a
// headline and a lead sentence that sums up the story; the body then tells it, restating some of
// the lead's figures in other words and giving many other figures of the same kinds. The lead,
// cited against the rest of its own article, is a correct summary sentence written by someone
// else: every figure in it is right. So
// - a figure-mismatch (a warning: "Source says X, not Y") on it is a false warning, and a quick
//   fix offered there would damage correct text;
// - a figure the body never states may rightly be flagged as not in the source (the lead's own
//   news); the naive baseline flags every figure whose text the body lacks.
import { checkReport } from '../../src/core/check/check-report';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { extractFigures } from '../../src/core/figures/extract';
import { loadArticles } from '../bench/bbc';

export interface LeadResult {
  articles: number;
  /** Figures in the leads (headline included). */
  figures: number;
  /** Naive baseline: the figure's text is not in the body. */
  naiveFlags: number;
  /** Grounded: figure-mismatch or figure-unsupported over the figure. */
  flags: number;
  /** Grounded: figure-mismatch over the figure, a false warning. */
  warnings: number;
  /** Quick fixes those warnings offer: each would write a wrong value over a right one. */
  fixes: number;
  /** Figures whose text the body has (the naive rule passes them), flagged by Grounded all the same. */
  flaggedThoughInBody: number;
  examples: string[];
}

const EXAMPLES = Number(process.env.GROUNDED_EVAL_EXAMPLES ?? 20);

export function bbcLeads(dir: string, limit = Infinity): LeadResult {
  const result: LeadResult = { articles: 0, figures: 0, naiveFlags: 0, flags: 0, warnings: 0, fixes: 0, flaggedThoughInBody: 0, examples: [] };
  loadArticles(dir)
    .slice(0, limit)
    .forEach((text, n) => {
      // One sentence per line, as in the BBC check; the first line is the headline run into the lead.
      const lines = text.replace(/\. /g, '.\n').split('\n');
      if (lines.length < 4) return;
      // Quotation marks aside: a quote in the lead is the quote check's business, not the figures'.
      const lead = lines[0].replace(/"/g, '').replace(/[.]$/, '');
      const body = lines.slice(1).join('\n');
      const key = `lead${n}`;
      const corpus = new Corpus();
      const article = parseArticle(`/bbc/${n}.txt`, `Article ${n}\n\n${body}`, 'text');
      corpus.upsert({ ...article, meta: { ...article.meta, key } });
      const report = `${lead} [@${key}].`;
      const found = checkReport(report, { corpus }).filter((f) => f.code === 'figure-mismatch' || f.code === 'figure-unsupported');
      result.articles++;
      for (const figure of extractFigures(lead)) {
        result.figures++;
        const inBody = body.toLowerCase().includes(figure.text.toLowerCase().replace(/[.,]$/, ''));
        if (!inBody) result.naiveFlags++;
        const over = found.filter((f) => f.start < figure.end && figure.start < f.end);
        if (over.length === 0) continue;
        result.flags++;
        if (inBody) result.flaggedThoughInBody++;
        const warning = over.find((f) => f.code === 'figure-mismatch');
        if (!warning) continue;
        result.warnings++;
        if (warning.fixes.length) result.fixes++;
        if (result.examples.length < EXAMPLES) result.examples.push(`"${figure.text}" in: ${lead.slice(0, 200)}\n    -> ${warning.message}`);
      }
    });
  return result;
}
