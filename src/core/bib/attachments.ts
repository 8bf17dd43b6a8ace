// The `file` field of a BibTeX entry: the files attached to it, as Zotero, Better BibTeX,
// JabRef and bibutils write them — `Description:path:mime type` items separated by `;` (`:`
// and `;` inside a path escaped with `\`), or bare paths.
import { resolveLocation } from '../corpus/references';

const ESCAPED = /\\([\\:;])/g;

/** The paths a `file` field names, in order, unescaped; relative ones are the writer's, as given. */
export function attachmentPaths(field: string): string[] {
  const paths: string[] = [];
  for (const item of splitUnescaped(field, ';')) {
    const parts = splitUnescaped(item, ':').map((p) => p.replace(ESCAPED, '$1'));
    let path: string;
    if (parts.length >= 3) path = parts.length > 3 && /^[A-Za-z]$/.test(parts[1]) ? `${parts[1]}:${parts[2]}` : parts[1];
    else if (parts.length === 2 && /^[A-Za-z]$/.test(parts[0])) path = `${parts[0]}:${parts[1]}`;
    else path = parts.join(':');
    path = path.trim();
    if (path) paths.push(path);
  }
  return paths;
}

function splitUnescaped(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
      continue;
    }
    if (c === separator) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** The attached file Grounded indexes for an entry: its first PDF, else its first file of a format Grounded reads. */
export function indexedAttachment(locations: readonly string[], reads: (location: string) => boolean): string | undefined {
  return locations.find((l) => /\.pdf$/i.test(l) && reads(l)) ?? locations.find(reads);
}

/** A path segment encoded as VS Code's `Uri.toString()` encodes it (all but `A-Za-z0-9-._~`). */
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Where an attached file is, named as the bibliography is: a path against a path, a `file:` URI
 * (as VS Code writes it) against a URI. `file` is relative to the bibliography's folder, absolute,
 * or a `file:` URI of its own.
 */
export function attachmentLocation(bibliography: string, file: string): string {
  if (!bibliography.startsWith('file://')) return resolveLocation(bibliography, file);
  if (file.startsWith('file://')) return file;
  const drive = /^([A-Za-z]):[\\/]/.exec(file);
  if (file.startsWith('/') || drive) {
    const parts = file.replace(/\\/g, '/').split('/');
    if (drive) parts[0] = `${drive[1].toLowerCase()}:`;
    return `file://${drive ? '/' : ''}${parts.map(encodeSegment).join('/')}`;
  }
  return resolveLocation(bibliography, file.split(/[\\/]/).map(encodeSegment).join('/'));
}
