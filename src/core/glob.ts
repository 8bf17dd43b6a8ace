// Glob patterns as VS Code settings write them (`**`, `*`, `?`, `{a,b}`, `[abc]`), matched
// against `/`-separated relative paths. The watcher and the CLI need the same answers.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { re += '(?:'; inGroup++; }
    else if (c === '}' && inGroup) { re += ')'; inGroup--; }
    else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else { re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = close; }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}$`, 'i');
  cache.set(glob, compiled);
  return compiled;
}

export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return globs.some((g) => globToRegExp(g).test(path));
}

/**
 * Does a file `rel` (relative to its workspace folder, `/`-separated) match the corpus globs?
 * An exclude that names a folder (`**\/drafts`) excludes what is in it, as VS Code's do.
 */
export function matchesCorpus(rel: string, include: readonly string[], exclude: readonly string[]): boolean {
  if (!matchesAny(rel, include) || matchesAny(rel, exclude)) return false;
  for (let slash = rel.indexOf('/'); slash > 0; slash = rel.indexOf('/', slash + 1)) if (matchesAny(rel.slice(0, slash), exclude)) return false;
  return true;
}
