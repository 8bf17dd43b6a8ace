import { splitSentences } from './corpus/segment';

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** The paragraph (text between blank lines) around `offset`. */
export function paragraphAt(text: string, offset: number): TextSpan {
  const before = text.lastIndexOf('\n\n', Math.max(0, offset - 1));
  const crlfBefore = text.lastIndexOf('\r\n\r\n', Math.max(0, offset - 1));
  const start = Math.max(before < 0 ? 0 : before + 2, crlfBefore < 0 ? 0 : crlfBefore + 4);
  const afterLf = text.indexOf('\n\n', offset);
  const afterCrlf = text.indexOf('\r\n\r\n', offset);
  const ends = [afterLf, afterCrlf].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : text.length;
  return { text: text.slice(start, end), start, end };
}

/**
 * The sentence around `offset` in a report: the sentence containing it, or the one just
 * before it when the cursor sits after the sentence's end (e.g. typing a citation there).
 */
export function sentenceAt(text: string, offset: number): TextSpan {
  const paragraph = paragraphAt(text, offset);
  const local = offset - paragraph.start;
  const sentences = splitSentences(paragraph.text);
  let index = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i].start <= local) index = i;
    if (sentences[i].start <= local && local <= sentences[i].end) break;
  }
  const chosen = sentences[index];
  if (!chosen) return { text: '', start: offset, end: offset };
  // A citation typed after the full stop ("... troops. [@") belongs to the sentence before it.
  const start = index > 0 && !/\p{L}{2,}.*\p{L}{2,}.*\p{L}{2,}/u.test(chosen.text.replace(/\[[^\]]*\]?|@[\w:.#$%&+?<>~/-]*/g, '')) ? sentences[index - 1].start : chosen.start;
  return { text: paragraph.text.slice(start, chosen.end), start: paragraph.start + start, end: paragraph.start + chosen.end };
}
