// Plain data shared by every part of the core. Offsets are UTF-16 code-unit offsets
// (as JavaScript strings and VS Code count them) into the original file text.

/** Bibliographic metadata of a source, in the spirit of CSL-JSON. */
export interface SourceMeta {
  /** Citation key, valid in pandoc syntax without braces (e.g. `putin-biden-talks`). */
  key: string;
  title: string;
  /** Publisher or container title (newspaper, site). */
  publisher?: string;
  /** Publication date as ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  issued?: string;
  url?: string;
  /** A DOI (`10.1234/abc`), where the source or its bibliography entry gives one. */
  doi?: string;
  authors?: string[];
}

/** A sentence within a paragraph; offsets are relative to the paragraph's `text`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** A paragraph of cleaned source text. `index` is 1-based: the locator `para. N`. */
export interface Paragraph {
  index: number;
  text: string;
  /** Range of the paragraph in the original file (for HTML, the range of its element). */
  start: number;
  end: number;
  sentences: Sentence[];
  /** The page it starts on, in sources cited by page (PDF). */
  page?: number;
  /** The page it ends on, when it goes on over a page break. */
  lastPage?: number;
  /**
   * For a passage cut from a longer block (the sentences of an unbroken text), where that block
   * starts in the file: passages of one block are one paragraph to the evidence engine's context.
   */
  block?: number;
}

/** `reference`: an entry of the writer's bibliography with no attached text (cited, never checked). */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'reference';

/**
 * How a source's passages are cited: `para. N` where the source has paragraphs, `p. N` for
 * pages, and no locator for a text with no breaks (its passages are sentences no reader counts).
 */
export type LocatorKind = 'paragraph' | 'page' | 'none';

/** One indexed article. */
export interface Source {
  meta: SourceMeta;
  /** Where the file lives, as the host names it (a path or a URI string). */
  location: string;
  format: SourceFormat;
  paragraphs: Paragraph[];
  /** Absent for `paragraph`. */
  locators?: LocatorKind;
  /** For a bibliography entry with no text (`reference`): where the entry is written. */
  entry?: EntryPlace;
}

/** An entry's place in the bibliography file that holds it (offsets into that file). */
export interface EntryPlace {
  location: string;
  start: number;
  end: number;
}

/** A problem found while loading a source; the source may still be usable. */
export interface LoadProblem {
  location: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  /** Offset range in the file, when the problem has a place. */
  start?: number;
  end?: number;
  /** The same place as zero-based [startLine, startColumn, endLine, endColumn]. */
  lineRange?: [number, number, number, number];
}
