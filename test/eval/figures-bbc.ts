// npm run eval: how often the figure checks are wrong on real news text. Each sentence of
// a BBC article that has a figure is cited against its own article: any figure finding is
// false. Then one figure of the sentence is changed: a figure-mismatch should follow.
import { resolve } from 'node:path';
import { checkReport } from '../../src/core/check/check-report';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { extractFigures } from '../../src/core/figures/extract';
import { bbcNewsDir, loadArticles } from '../bench/bbc';

const repoRoot = resolve(__dirname, '../../..');
const dir = process.argv[2] ?? bbcNewsDir(repoRoot);
const limit = Number(process.argv[3] ?? 300);

let claims = 0;
let falseFindings = 0;
let changed = 0;
let caught = 0;
const examples: string[] = [];
const missed: string[] = [];
loadArticles(dir)
  .slice(0, limit)
  .forEach((text, n) => {
    const corpus = new Corpus();
    // BBC rows have no line breaks: one sentence per line gives paragraphs to cite.
    const article = parseArticle(`/bbc/${n}.txt`, text.replace(/\. /g, '.\n'), 'text');
    corpus.upsert({ ...article, meta: { ...article.meta, key: `a${n}` } });
    const source = corpus.all()[0];
    for (const p of source.paragraphs) {
      for (const s of p.sentences) {
        const figures = extractFigures(s.text);
        if (figures.length === 0 || s.text.includes('"')) continue;
        claims++;
        const report = `${s.text.replace(/[.]$/, '')} [@${source.meta.key}].`;
        const wrong = checkReport(report, { corpus }).filter((f) => f.code === 'figure-mismatch' || f.code === 'figure-unsupported');
        if (wrong.length) {
          falseFindings++;
          if (examples.length < 40) examples.push(`${report}\n    -> ${wrong.map((f) => f.message).join(' | ')}`);
        }
        const figure = figures.find((f) => (f.kind === 'count' || f.kind === 'money' || f.kind === 'percent') && /\d/.test(f.text));
        if (!figure) continue;
        const digits = /\d[\d,.]*/.exec(figure.text)![0];
        const other = String(Math.round(Number(digits.replace(/,/g, '')) * 1.5 + 3));
        changed++;
        const mutated = `${s.text.slice(0, figure.start)}${figure.text.replace(digits, other)}${s.text.slice(figure.end).replace(/[.]$/, '')} [@${source.meta.key}].`;
        const found = checkReport(mutated, { corpus });
        if (found.some((f) => f.code === 'figure-mismatch')) caught++;
        else if (missed.length < 40) missed.push(`${mutated}\n    -> ${found.map((f) => f.message).join(' | ') || 'nothing'}`);
      }
    }
  });
console.log(JSON.stringify({ articles: Math.min(limit, loadArticles(dir).length), claims, falseFindings, falseRate: +(falseFindings / claims).toFixed(4), changed, caught, recall: +(caught / changed).toFixed(4) }, null, 2));
if (examples.length) console.log(`\nFalse findings:\n${examples.join('\n')}`);
if (missed.length && process.env.GROUNDED_EVAL_MISSES) console.log(`\nChanged figures not flagged:\n${missed.join('\n')}`);
