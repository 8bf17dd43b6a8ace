// Ranks passages for a short query as plain fuse.js ranks them all, running fuse.js on a
// few of them. fuse.js scores a passage by the fewest edits that turn the query into some
// part of its text (and of its source's title), weighted by their lengths. The inverted
// index finds every passage that could match and bounds those edits from below by the
// query words it lacks; candidates are taken best bound first and their bounds tightened
// (the edits counted on the text, then on the title) until no remaining bound can beat the
// results found: a threshold algorithm. fuse.js then scores and orders the finalists.
// Where the words' variants fill many postings ("aid" is in "said"), texts are read with
// fewer edits a word than titles (or none: a word left unread), bounding what they leave out
// by the edits they would take at least; passages untouched by the words read then wait in
// line by length, and only the shortest ever come up to be counted.
import { sortByWords, type DocTable } from './doc-table';
import type { WordExpansions } from './expansions';
import { countedBitapScores, EXACT_SCORE, FUSE_MAX_PATTERN, FUSE_THRESHOLD, keyFactor, maxErrors } from './fuse-scoring';
import type { PostingList } from './postings';
import type { Scratch } from './scratch';
import { STOP_WORDS, tokenize } from './tokenize';
import { PatternDistance } from './vocabulary';

export interface RankedDoc {
  id: number;
  /** fuse.js's score: 0 is a perfect match, 1 none. */
  score: number;
}

/** What the ranking needs of the index. */
export interface RankingIndex {
  readonly table: DocTable;
  postings(term: string): PostingList | undefined;
  /** Numbers of the sources whose title has the term. */
  titleSources(term: string): Iterable<number>;
  /** Vocabulary words within `maxEdits` edits of `word` (as a substring). */
  expansions(word: string, maxEdits: number): WordExpansions;
  /** Working arrays for every passage and source, all zero. */
  scratch(): Scratch;
}

/**
 * Edits a query word may take in the vocabulary at most, besides fuse.js's share of its length:
 * beyond that nearly every word is a match, and short words (which letter trigrams cannot
 * find) would be too.
 */
const MAX_WORD_EDITS = 4;
// How far a candidate's text bound has been tightened.
const TEXT_ESTIMATE = 0; // from the query words it has
const TEXT_EXACT = 1; // edits counted on its text
/** Posting entries a query reads for the texts before it lowers allowances to read fewer. */
const POSTINGS_BUDGET = 20_000;
/** Of the query's length, the edits that passages with none of the words read must still need. */
const UNTOUCHED_SHARE = 0.2;
/**
 * Passages with none of the words read that a ranking may count before it gives up and reads
 * every word (a query that few passages match would otherwise count them all).
 */
const UNTOUCHED_CAP = 3000;

/**
 * The best `limit` passages for `query` in fuse.js's order, or undefined when the query is
 * not one fuse.js matches as a whole (longer than its pattern limit, or only stop words).
 * `sources` marks the source numbers to search, when not all.
 */
export function rankLikeFuse(index: RankingIndex, query: string, limit: number, sources?: Uint8Array): RankedDoc[] | undefined {
  const pattern = query.toLowerCase();
  if (!pattern.trim() || pattern.length > FUSE_MAX_PATTERN) return undefined;
  const words = [...new Set(tokenize(query).map((t) => t.term))].filter((t) => !STOP_WORDS.has(t));
  if (words.length === 0) return undefined;
  for (const readLess of [true, false]) {
    const run = new RankingRun(index, query, pattern, words, sources, readLess);
    try {
      const ranked = run.rank(limit);
      if (ranked) return ranked;
    } finally {
      run.release();
    }
  }
  return undefined;
}

class RankingRun {
  private readonly table: DocTable;
  private readonly m: number;
  private readonly allowed: number;
  private readonly distance: PatternDistance;
  private readonly scratch: Scratch;
  private readonly touched: number[] = [];
  private readonly titled: number[] = [];
  /**
   * Candidates of untitled sources, by the fewest edits their words allow, each group ordered
   * by length: their bound depends on those two alone, so they wait outside the heap until
   * their bound may come first.
   */
  private readonly groups: Int32Array[] = [];
  private readonly groupNext: number[] = [];
  /** Sources whose title matches, best first. */
  private titleOrder: number[] = [];
  /**
   * With texts read at lower allowances than titles: the edits every passage the words read
   * did not touch takes at least (those wait in line by word count, from `untouchedNext` in
   * table.byWords()); Infinity when such passages cannot match.
   */
  private untouchedErrors = Infinity;
  private untouchedNext = 0;
  private untouchedCounted = 0;

  constructor(
    private readonly index: RankingIndex,
    private readonly query: string,
    private readonly pattern: string,
    private readonly words: string[],
    private readonly sources: Uint8Array | undefined,
    private readonly readLess: boolean,
  ) {
    this.table = index.table;
    this.m = pattern.length;
    this.allowed = maxErrors(this.m);
    this.distance = new PatternDistance(pattern);
    this.scratch = index.scratch();
  }

  /** fuse.js's factor for a text or title with this many edits (1: no match). */
  private factor(errors: number, words: number, equal: boolean): number {
    return errors > this.allowed ? 1 : keyFactor(equal ? 0 : Math.max(EXACT_SCORE, errors / this.m), words);
  }

  /** No edit found yet: a text as long as the query may even equal it, fuse.js's best score. */
  private textBound(errors: number, id: number): number {
    return this.factor(errors, this.table.words[id], errors === 0 && this.table.chars[id] === this.m);
  }

  private titleFactor(source: number): number {
    return this.scratch.titleMatches[source] ? this.scratch.titleFactor[source] : 1;
  }

  /**
   * How many edits each query word may take in the vocabulary. A passage with none of the
   * words then needs more edits than fuse.js allows, so the index may pass it by; the edits
   * go where they add the fewest posting entries to read.
   */
  private allowances(): Array<{ expansions: WordExpansions; allowance: number; textAllowance: number }> {
    const infos = this.words.map((w) => {
      const max = Math.min(this.allowed, Math.floor(FUSE_THRESHOLD * w.length), MAX_WORD_EDITS);
      return { expansions: this.index.expansions(w, max), allowance: 0, max, textAllowance: 0 };
    });
    for (let missing = infos.length; missing <= this.allowed; missing++) {
      let cheapest: (typeof infos)[number] | undefined;
      let cheapestCost = Infinity;
      for (const i of infos) {
        const cost = i.allowance < i.max ? i.expansions.postingsUpTo[i.allowance + 1] - i.expansions.postingsUpTo[i.allowance] : Infinity;
        if (cost < cheapestCost) [cheapest, cheapestCost] = [i, cost];
      }
      if (!cheapest) break;
      cheapest.allowance++;
    }
    for (const i of infos) i.textAllowance = i.allowance;
    if (this.readLess) this.lowerTextAllowances(infos);
    return infos;
  }

  /**
   * Takes the texts' allowances down (-1: the word's postings are not read), the costliest
   * step first, while the postings to read pass the budget and passages with none of the
   * words read would still need a fifth of the query in edits.
   */
  private lowerTextAllowances(infos: Array<{ expansions: WordExpansions; textAllowance: number }>): void {
    const postings = (i: (typeof infos)[number], allowance: number) => (allowance < 0 ? 0 : i.expansions.postingsUpTo[allowance]);
    const minUntouched = Math.max(1, Math.ceil(UNTOUCHED_SHARE * this.m));
    let total = infos.reduce((sum, i) => sum + postings(i, i.textAllowance), 0);
    let untouched = infos.reduce((sum, i) => sum + i.textAllowance + 1, 0);
    while (total > POSTINGS_BUDGET && untouched > minUntouched) {
      let costliest: (typeof infos)[number] | undefined;
      let saving = 0;
      for (const i of infos) {
        const step = i.textAllowance < 0 ? 0 : postings(i, i.textAllowance) - postings(i, i.textAllowance - 1);
        if (step > saving) [costliest, saving] = [i, step];
      }
      if (!costliest) break;
      costliest.textAllowance--;
      total -= saving;
      untouched--;
    }
  }

  /** Bounds every passage's and title's edits by the query words they lack (each costs more than its allowance). */
  private collect(): void {
    const { index, table, allowed, touched, titled } = this;
    const { delta, seenBy, flags: isCandidate, heap, titleDelta, titleSeenBy, titleFactor, titleMatches } = this.scratch;
    const infos = this.allowances().map(({ expansions, allowance, textAllowance }) => ({
      missing: allowance + 1,
      textMissing: textAllowance + 1,
      list: expansions.list,
      count: expansions.countUpTo[allowance],
      textCount: textAllowance < 0 ? 0 : expansions.countUpTo[textAllowance],
    }));
    // Titles take every word at its allowance; texts their own allowances, maybe lower.
    const missingTotal = infos.reduce((sum, i) => sum + i.missing, 0);
    const textMissingTotal = infos.reduce((sum, i) => sum + i.textMissing, 0);
    if (textMissingTotal < missingTotal) this.untouchedErrors = textMissingTotal;
    infos.forEach((info, w) => {
      for (let x = 0; x < info.count; x++) {
        const { term, cost } = info.list[x];
        const list = x < info.textCount ? index.postings(term) : undefined;
        for (let k = list?.start ?? 0, end = list?.end ?? 0; k < end; k++) {
          const id = list!.ids[k];
          if (seenBy[id] === w + 1) continue;
          if (seenBy[id] === 0) touched.push(id);
          seenBy[id] = w + 1;
          delta[id] += cost - info.textMissing;
        }
        for (const n of index.titleSources(term)) {
          if (titleSeenBy[n] === w + 1) continue;
          if (titleSeenBy[n] === 0) titled.push(n);
          titleSeenBy[n] = w + 1;
          titleDelta[n] += cost - info.missing;
        }
      }
    });
    // Titles are short: their edits are counted outright, for those whose words allow a match.
    // Few of them match (36 of 9,428 for "interest rates Bank of England" at 250,000
    // passages): the source's object is looked at only for those that do.
    for (const n of titled) {
      if (missingTotal + titleDelta[n] > allowed || (this.sources && !this.sources[n])) continue;
      const edits = this.distance.in(table.titles[n]);
      const source = edits <= allowed ? table.sources[n] : null;
      if (!source) continue;
      const factor = this.factor(edits, source.titleWords, edits === 0 && this.equalsPattern(source.title));
      if (factor >= 1) continue;
      titleFactor[n] = factor;
      titleMatches[n] = 1;
      this.titleOrder.push(n);
    }
    this.titleOrder.sort((a, b) => titleFactor[a] - titleFactor[b]);

    const untitled: number[][] = Array.from({ length: allowed + 1 }, () => []);
    for (const id of touched) {
      const errors = textMissingTotal + delta[id];
      const n = table.source[id];
      if (errors > allowed || n < 0 || (this.sources && !this.sources[n])) continue;
      isCandidate[id] = 1;
      if (!titleMatches[n]) untitled[errors].push(id);
      else {
        const bound = this.textBound(errors, id);
        heap.push(id, bound * titleFactor[n], TEXT_ESTIMATE);
      }
    }
    heap.heapify();
    for (const ids of untitled) {
      this.groups.push(sortByWords(ids, table.words));
      this.groupNext.push(0);
    }
  }

  /** The group whose next candidate has the best bound, and that bound. */
  private nextUntitled(): { group: number; bound: number } {
    let group = -1;
    let bound = Infinity;
    for (let errors = 0; errors < this.groups.length; errors++) {
      const i = this.groupNext[errors];
      if (i >= this.groups[errors].length) continue;
      // Without edits a text may equal the query: the group's bound allows it.
      const b = this.factor(errors, this.table.words[this.groups[errors][i]], errors === 0);
      if (b < bound) [group, bound] = [errors, b];
    }
    return { group, bound };
  }

  /** The next passage untouched by the words read (skipping those handled otherwise), and its bound; undefined past the cap. */
  private nextUntouched(): { id: number; bound: number } | undefined {
    if (this.untouchedErrors > this.allowed) return { id: -1, bound: Infinity };
    const order = this.table.byWords();
    const { seenBy, titleMatches } = this.scratch;
    for (; this.untouchedNext < order.length; this.untouchedNext++) {
      const id = order[this.untouchedNext];
      const n = this.table.source[id];
      if (seenBy[id] || n < 0 || titleMatches[n] || (this.sources && !this.sources[n])) continue;
      if (++this.untouchedCounted > UNTOUCHED_CAP) return undefined;
      return { id, bound: this.factor(this.untouchedErrors, this.table.words[id], false) };
    }
    return { id: -1, bound: Infinity };
  }

  /** The best `limit` in fuse.js's order; undefined when too many passages untouched by the words read came into question. */
  rank(limit: number): RankedDoc[] | undefined {
    this.collect();
    const { heap, titleFactor } = this.scratch;
    const found: RankedDoc[] = [];
    const beaten = (score: number, id: number) => {
      if (found.length < limit) return false;
      const last = found[found.length - 1];
      return score > last.score || (score === last.score && id > last.id);
    };
    let nextTitle = 0;
    let untitled = this.nextUntitled();
    let untouched = this.nextUntouched();
    // A title's passages untouched by the words read may have the text edits those passages have at least.
    const untouchedTextBound = this.untouchedErrors <= this.allowed ? this.factor(this.untouchedErrors, 1, false) : 1;
    for (;;) {
      if (!untouched) return undefined;
      // Let in the next untitled candidate, or a title's passages, while their bound may come first.
      const top = heap.size > 0 ? heap.topScore() : Infinity;
      const titleBound = nextTitle < this.titleOrder.length ? titleFactor[this.titleOrder[nextTitle]] * untouchedTextBound : Infinity;
      if (untouched.bound < Infinity && untouched.bound <= top && untouched.bound <= untitled.bound && untouched.bound <= titleBound) {
        heap.reinsert(untouched.id, untouched.bound, TEXT_ESTIMATE);
        this.untouchedNext++;
        untouched = this.nextUntouched();
        continue;
      }
      if (untitled.bound < Infinity && untitled.bound <= top && untitled.bound <= titleBound) {
        const id = this.groups[untitled.group][this.groupNext[untitled.group]++];
        const bound = this.textBound(untitled.group, id);
        heap.reinsert(id, bound, TEXT_ESTIMATE);
        untitled = this.nextUntitled();
        continue;
      }
      if (titleBound < Infinity && titleBound <= top) {
        this.admitTitle(this.titleOrder[nextTitle++]);
        continue;
      }
      if (heap.size === 0 || beaten(heap.topScore(), heap.topId())) break;

      const c = heap.pop();
      const n = this.table.source[c.id];
      if (c.level === TEXT_EXACT) {
        insertSorted(found, { id: c.id, score: c.score }, limit);
        continue;
      }
      // Count the text's edits; the candidate goes back in line with its exact score.
      const text = this.table.text(c.id);
      const textFactor = this.factor(this.distance.in(text), this.table.words[c.id], this.equalsPattern(text));
      const score = textFactor * this.titleFactor(n);
      if (score < 1) heap.reinsert(c.id, score, TEXT_EXACT);
    }
    return this.confirmWithFuse(found);
  }

  private equalsPattern(text: string): boolean {
    return text.length === this.m && text.toLowerCase() === this.pattern;
  }

  /**
   * Passages of a title that are not candidates: the title's factor alone where the words
   * read rule out a text match, else bounded as untouched passages are, to be counted.
   */
  private admitTitle(n: number): void {
    const { flags: isCandidate, seenBy, heap } = this.scratch;
    for (const id of this.table.sources[n]!.docs) {
      if (isCandidate[id] || this.table.source[id] !== n) continue;
      if (!seenBy[id] && this.untouchedErrors <= this.allowed) heap.reinsert(id, this.textBound(this.untouchedErrors, id) * this.titleFactor(n), TEXT_ESTIMATE);
      else heap.reinsert(id, this.titleFactor(n), TEXT_EXACT);
    }
  }

  /** fuse.js's scores of the finalists' texts and titles (see countedBitapScores) put them in its order. */
  private confirmWithFuse(found: RankedDoc[]): RankedDoc[] {
    const sources = found.map((f) => this.table.sources[this.table.source[f.id]]!);
    const textScores = countedBitapScores(this.query, this.distance, found.map((f) => this.table.text(f.id)));
    const titleScores = countedBitapScores(this.query, this.distance, sources.map((s) => s.title));
    const out: RankedDoc[] = [];
    found.forEach((f, i) => {
      const text = textScores[i];
      const title = titleScores[i];
      if (text === undefined && title === undefined) return;
      // As fuse.js multiplies them: the text's factor, then the title's (1 for a key that did not match).
      out.push({ id: f.id, score: keyFactor(text, this.table.words[f.id]) * keyFactor(title, sources[i].titleWords) });
    });
    return out.sort((a, b) => a.score - b.score || a.id - b.id);
  }

  /** Leaves the shared working arrays as it found them. */
  release(): void {
    const { delta, seenBy, flags, heap, titleDelta, titleSeenBy, titleFactor, titleMatches } = this.scratch;
    for (const id of this.touched) delta[id] = seenBy[id] = flags[id] = 0;
    for (const n of this.titled) titleDelta[n] = titleSeenBy[n] = titleFactor[n] = titleMatches[n] = 0;
    heap.clear();
  }
}

function insertSorted(list: RankedDoc[], item: RankedDoc, limit: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1].score > item.score || (list[i - 1].score === item.score && list[i - 1].id > item.id))) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}
