// The BBC check: how often the figure checks are wrong on real news text. Each sentence of a
// BBC article that has a figure is cited against its own article: any figure finding is false.
// Then one figure of the sentence is changed: a figure-mismatch should follow.
import { checkReport } from '../../src/core/check/check-report';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { extractFigures } from '../../src/core/figures/extract';
import { loadArticles } from '../bench/bbc';

export interface BbcResult {
  articles: number;
  claims: number;
  falseFindings: number;
  changed: number;
  caught: number;
  recall: number;
  falseExamples: string[];
  missedExamples: string[];
}

const EXAMPLES = 20;

export function bbcCheck(dir: string, limit = 300): BbcResult {
  const result: BbcResult = { articles: 0, claims: 0, falseFindings: 0, changed: 0, caught: 0, recall: 0, falseExamples: [], missedExamples: [] };
  loadArticles(dir)
    .slice(0, limit)
    .forEach((text, n) => {
      result.articles++;
      const corpus = new Corpus();
      // BBC rows have no line breaks: one sentence per line gives paragraphs to cite.
      const article = parseArticle(`/bbc/${n}.txt`, text.replace(/\. /g, '.\n'), 'text');
      corpus.upsert({ ...article, meta: { ...article.meta, key: `a${n}` } });
      const source = corpus.all()[0];
      for (const p of source.paragraphs) {
        for (const s of p.sentences) {
          const figures = extractFigures(s.text);
          if (figures.length === 0 || s.text.includes('"')) continue;
          result.claims++;
          const report = `${s.text.replace(/[.]$/, '')} [@${source.meta.key}].`;
          const wrong = checkReport(report, { corpus }).filter((f) => f.code === 'figure-mismatch' || f.code === 'figure-unsupported');
          if (wrong.length) {
            result.falseFindings++;
            if (result.falseExamples.length < EXAMPLES) result.falseExamples.push(`${report}\n    -> ${wrong.map((f) => f.message).join(' | ')}`);
          }
          const figure = figures.find((f) => (f.kind === 'count' || f.kind === 'money' || f.kind === 'percent') && /\d/.test(f.text));
          if (!figure) continue;
          const digits = /\d[\d,.]*/.exec(figure.text)![0];
          const other = String(Math.round(Number(digits.replace(/,/g, '')) * 1.5 + 3));
          result.changed++;
          const mutated = `${s.text.slice(0, figure.start)}${figure.text.replace(digits, other)}${s.text.slice(figure.end).replace(/[.]$/, '')} [@${source.meta.key}].`;
          const found = checkReport(mutated, { corpus });
          if (found.some((f) => f.code === 'figure-mismatch')) result.caught++;
          else if (result.missedExamples.length < EXAMPLES) result.missedExamples.push(`${mutated}\n    -> ${found.map((f) => f.message).join(' | ') || 'nothing'}`);
        }
      }
    });
  result.recall = result.changed ? result.caught / result.changed : 0;
  return result;
}
