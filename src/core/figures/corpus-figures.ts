// The figures of a corpus grouped by what they count, so a writer sees at a glance where
// sources agree and where they do not (94,000 troops in two sources, 100,000 in one).
import { sourceFigures, type SourceFigure } from '../check/source-figures';
import { sourceEvidence } from '../evidence/source-index';
import { contentStems } from '../evidence/words';
import type { Source } from '../model';
import type { FigureKind } from './figure';
import { overlaps } from './figure';

/** Kinds worth comparing across sources; dates, years and ordinals mostly name events. */
const GROUPED_KINDS: ReadonlySet<FigureKind> = new Set(['count', 'money', 'percent', 'duration']);
/** A name in more than this share of a corpus's sources says nothing of what one is about. */
const COMMON_NAME_SHARE = 0.3;
/** ...and in a large corpus, in more than this share ("UK", "BBC" in a year of news). */
const COMMON_NAME_SHARE_LARGE = 0.05;
/** Names two sources must share to be about the same subject. */
const SHARED_NAMES = 2;
/** Content words two sentences must share to state the same fact. */
const SAME_FACT_WORDS = 3;
/** Titles are capitalised but name no one in particular. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'ladi', 'dame', 'prof', 'presid', 'minist', 'prime', 'chancellor', 'secretari', 'chief', 'general']);
/** Words that stand where a counted noun would and count nothing ("he said two", "there were three"). */
const NOT_COUNTED = new Set(['he', 'she', 'it', 'they', 'we', 'you', 'i', 'there', 'those', 'these', 'this', 'that', 'one', 'which', 'who', 'what', 'them', 'him', 'her', 'his', 'its', 'their', 'our']);
/** A name as the text writes it, for its stem. */
const DISPLAY = new Map<string, string>();
// A modal or forecast word before the figure in its clause: "may launch an offensive involving 175,000".
const PROJECTION = /\b(could|may|might|would|will|expected|projected|forecasts?|planned|plans?|potentially|possible|as many as)\b[^,;:.]*$/i;
const PROJECTION_REACH_WORDS = 12;

export interface FigurePlace {
  key: string;
  paragraph: number;
  /** The sentence that states the figure, and the figure's range in it. */
  sentence: string;
  /** Where that sentence is in the paragraph's text. */
  sentenceStart: number;
  sentenceEnd: number;
  start: number;
  end: number;
  /** The figure as the source writes it ("over 94,000"). */
  text: string;
  /** The interval the wording allows ("over 94,000" reaches past 94,000). */
  min: number;
  max: number;
  projection: boolean;
}

export interface FigureValue {
  /** The number as written, qualifiers aside ("94,000"). */
  value: string;
  min: number;
  max: number;
  places: FigurePlace[];
  /** Distinct sources that state this value. */
  keys: string[];
  projection: boolean;
}

export interface FigureGroup {
  /** What is counted ("troops"), with the kind and unit. */
  label: string;
  kind: FigureKind;
  unit?: string;
  values: FigureValue[];
  /** Two sources state values that cannot both be true (projections aside). */
  disagree: boolean;
  mentions: number;
  /** The name its sources share most, when the corpus has several subjects ("Ukraine"). */
  subject?: string;
  /** Identifies the group among those with the same label (one per subject). */
  id: string;
}

export function groupCorpusFigures(sources: readonly Source[]): FigureGroup[] {
  const all = sources.flatMap((s) => sourceFigures(s)).filter((f) => GROUPED_KINDS.has(f.figure.kind));
  const heads = new Set(all.map((f) => f.figure.counted.at(-1)).filter((h): h is string => !!h && !NOT_COUNTED.has(h)));
  const groups = new Map<string, FigureGroup>();
  const bySentence = new Map<string, SourceFigure[]>();
  for (const f of all) {
    const at = `${f.key}#${f.paragraph.index}#${f.sentenceStart}`;
    bySentence.set(at, [...(bySentence.get(at) ?? []), f]);
  }
  for (const f of all) {
    // A noun another figure of the sentence counts ("two quarters ahead ... to 102.5") is not this one's.
    const countedByOthers = new Set((bySentence.get(`${f.key}#${f.paragraph.index}#${f.sentenceStart}`) ?? []).filter((o) => o !== f).flatMap((o) => o.figure.counted));
    const head = headOf(f, heads, countedByOthers);
    if (!head) continue;
    const id = `${f.figure.kind}|${f.figure.unit ?? ''}|${head}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, label: head, kind: f.figure.kind, unit: f.figure.unit, values: [], disagree: false, mentions: 0 }));
    const place = placeOf(f);
    const value = baseValue(f.figure.text);
    let entry = group.values.find((v) => v.value === value);
    if (!entry) group.values.push((entry = { value, min: f.figure.min, max: f.figure.max, places: [], keys: [], projection: true }));
    entry.min = Math.min(entry.min, f.figure.min);
    entry.max = Math.max(entry.max, f.figure.max);
    entry.places.push(place);
    if (!entry.keys.includes(f.key)) entry.keys.push(f.key);
    entry.projection &&= place.projection;
    group.mentions++;
  }
  const names = sourceNames(sources);
  const bySubject = [...groups.values()].flatMap((g) => splitBySubject(g, names));
  for (const group of bySubject) {
    group.values.sort((a, b) => b.keys.length - a.keys.length || a.min - b.min);
    group.disagree = disagree(group.values, (a, b) => related(names.get(a), names.get(b)));
  }
  return bySubject.sort((a, b) => Number(b.disagree) - Number(a.disagree) || b.mentions - a.mentions || a.label.localeCompare(b.label));
}

/**
 * The names each source speaks of, those that single it out: a name in most sources of a large
 * corpus ("Client", "London") tells nothing of what a source is about.
 */
function sourceNames(sources: readonly Source[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const s of sources) {
    const mine = new Map<string, number>();
    for (const sentence of sourceEvidence(s).sentences) {
      for (const t of sentence.tokens) {
        if (!t.name || TITLES.has(t.lemma)) continue;
        mine.set(t.lemma, (mine.get(t.lemma) ?? 0) + 1);
        if (DISPLAY.size > 100_000) DISPLAY.clear();
        if (!DISPLAY.has(t.lemma)) DISPLAY.set(t.lemma, sentence.text.slice(t.start, t.end).replace(/['’]s$/, ''));
      }
    }
    counts.set(s.meta.key, mine);
    for (const n of mine.keys()) df.set(n, (df.get(n) ?? 0) + 1);
  }
  const common = Math.max(2, sources.length * (sources.length >= 50 ? COMMON_NAME_SHARE_LARGE : COMMON_NAME_SHARE));
  for (const mine of counts.values()) for (const n of [...mine.keys()]) if ((df.get(n) ?? 0) > common && sources.length >= 10) mine.delete(n);
  return counts;
}

/** Two sources speak of the same subject when they share names; sources that name nothing cannot be told apart. */
function related(a: Map<string, number> | undefined, b: Map<string, number> | undefined): boolean {
  if (!a?.size || !b?.size) return !a?.size && !b?.size;
  let shared = 0;
  for (const n of a.keys()) if (b.has(n) && ++shared >= SHARED_NAMES) return true;
  return false;
}

/** One group per subject: figures of unrelated sources are never set side by side. */
function splitBySubject(group: FigureGroup, names: Map<string, Map<string, number>>): FigureGroup[] {
  const keys = [...new Set(group.values.flatMap((v) => v.keys))];
  if (keys.length < 2) return [group];
  const parent = new Map(keys.map((k) => [k, k]));
  const root = (k: string): string => (parent.get(k) === k ? k : root(parent.get(k)!));
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (related(names.get(keys[i]), names.get(keys[j]))) parent.set(root(keys[i]), root(keys[j]));
  const components = new Map<string, string[]>();
  for (const k of keys) components.set(root(k), [...(components.get(root(k)) ?? []), k]);
  if (components.size === 1) return [{ ...group, subject: topName(keys, names) }];
  return [...components.values()].map((members) => {
    const values = group.values
      .map((v) => ({ ...v, places: v.places.filter((p) => members.includes(p.key)), keys: v.keys.filter((k) => members.includes(k)) }))
      .filter((v) => v.places.length > 0);
    const subject = topName(members, names);
    return { ...group, id: `${group.id}|${members[0]}`, subject, values, mentions: values.reduce((n, v) => n + v.places.length, 0) };
  });
}

function topName(keys: readonly string[], names: Map<string, Map<string, number>>): string | undefined {
  const total = new Map<string, number>();
  for (const k of keys) for (const [n, c] of names.get(k) ?? []) if (keys.length === 1 || keys.some((o) => o !== k && names.get(o)?.has(n))) total.set(n, (total.get(n) ?? 0) + c);
  const top = [...total].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return top && (DISPLAY.get(top) ?? top);
}

/** What a figure counts: its own counted word, else the nearest word before it that counts another figure. */
function headOf(f: SourceFigure, heads: ReadonlySet<string>, countedByOthers: ReadonlySet<string>): string | undefined {
  const own = f.figure.counted.at(-1);
  if (own) return NOT_COUNTED.has(own) ? undefined : own;
  const before = f.sentence.slice(0, f.figure.start).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let i = before.length - 1; i >= 0; i--) if (heads.has(before[i]) && !countedByOthers.has(before[i])) return before[i];
  return undefined;
}

function placeOf(f: SourceFigure): FigurePlace {
  const before = f.sentence.slice(0, f.figure.start);
  const clause = before.split(/\s+/).slice(-PROJECTION_REACH_WORDS).join(' ');
  return { key: f.key, paragraph: f.paragraph.index, sentence: f.sentence, sentenceStart: f.sentenceStart, sentenceEnd: f.sentenceStart + f.sentence.length, start: f.figure.start, end: f.figure.end, text: f.figure.text, min: f.figure.min, max: f.figure.max, projection: PROJECTION.test(clause) };
}

/** "over 94,000" and "94,000" state the same number; the qualifier shows in the place. */
function baseValue(text: string): string {
  return text.toLowerCase().replace(/^(?:(?:more|fewer|less) than|over|above|under|below|at least|at most|up to|nearly|almost|about|around|roughly|approximately|some|an estimated|estimated|close to|just over|just under|as many as)\s+(?=\S)/i, '');
}

/** Two sources that speak of the same subject give values that cannot both be true (forecasts aside). */
function disagree(values: readonly FigureValue[], sameSubject: (a: string, b: string) => boolean): boolean {
  const firm = values.flatMap((v) => v.places.filter((p) => !p.projection));
  return firm.some((a, i) => firm.slice(i + 1).some((b) => a.key !== b.key && !overlaps(a, b) && sameSubject(a.key, b.key) && sameFact(a.sentence, b.sentence)));
}

const sentenceLemmas = new Map<string, Set<string>>();

/** Two sentences state the same fact when they share several content words, not only what they count. */
function sameFact(a: string, b: string): boolean {
  const lemmas = (s: string) => {
    let set = sentenceLemmas.get(s);
    if (!set) {
      if (sentenceLemmas.size > 20_000) sentenceLemmas.clear();
      sentenceLemmas.set(s, (set = contentStems(s)));
    }
    return set;
  };
  const [x, y] = [lemmas(a), lemmas(b)];
  let shared = 0;
  for (const l of x) if (y.has(l) && ++shared >= SAME_FACT_WORDS) return true;
  return false;
}
