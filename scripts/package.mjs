// Packages grounded.vsix from a staging folder that holds only what the extension uses:
// bundles without source maps (the maps are not shipped, so nothing may point at them), the
// manifest without what serves only a checkout (the CLI's `bin`, scripts, dependencies that
// the bundles already contain), the media the extension and its manifest name, the licence,
// and a README made for the Extensions view's details page: what someone who installed the
// extension reads, without the sections about a checkout. That page shows only `https:` and
// `data:` images, and an extension not yet published has no https home for its screenshots;
// data: URIs would add a third to the package for pictures of the workbench the reader is in,
// whose walkthrough already shows them (its screenshots ship). So the details README has no
// images, and relative links become their text; README.md keeps its screenshots for the
// repository page. vsce runs without --no-rewrite-relative-links: with no repository it
// refuses any relative link left, so one cannot slip into the package.
//
// Usage: node scripts/package.mjs [--out PATH]   (default: grounded.vsix in the checkout)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './bundles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Fields of package.json for the checkout only. */
const CHECKOUT_ONLY = ['bin', 'scripts', 'dependencies', 'devDependencies', 'allowScripts'];
/** Sections of README.md about a checkout of the repository (setting it up, the CLI, the language server, building, benchmarks). */
const CHECKOUT_SECTIONS = ['Quick start', 'The CLI, for CI', 'Other editors: the language server', 'Install in desktop VS Code', 'Development', 'Performance'];

/** README.md for the details page: no checkout sections, no images but https: and data: ones, no relative links. */
export function detailsReadme(markdown) {
  const local = /!\[[^\]]*\]\((?!https:|data:)[^)]*\)/g;
  const sections = markdown.split(/^(?=## )/m).filter((s) => !CHECKOUT_SECTIONS.some((title) => s.startsWith(`## ${title}\n`)));
  return sections
    .join('')
    .replace(new RegExp(`^[ \\t]*(?:${local.source}[ \\t]*)+\\r?\\n`, 'gm'), '')
    .replace(local, '')
    .replace(/(?<!!)\[([^\]]+)\]\((?!https?:|mailto:|#)[^)]*\)/g, '$1')
    .replace(/\n{3,}/g, '\n\n');
}

/** The media the package needs: all but the screenshots that only README.md shows. */
function copyMedia(staging, manifestText) {
  cpSync(join(root, 'media'), join(staging, 'media'), { recursive: true });
  const screenshots = join(staging, 'media', 'screenshots');
  for (const name of readdirSync(screenshots)) if (!manifestText.includes(`media/screenshots/${name}`)) rmSync(join(screenshots, name));
}

export async function packageExtension(out = join(root, 'grounded.vsix')) {
  const staging = mkdtempSync(join(tmpdir(), 'grounded-package-'));
  try {
    process.chdir(root);
    await buildExtension({ outDir: join(staging, 'dist'), sourcemap: false });
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const field of CHECKOUT_ONLY) delete manifest[field];
    const manifestText = JSON.stringify(manifest, null, 2);
    writeFileSync(join(staging, 'package.json'), `${manifestText}\n`);
    copyMedia(staging, manifestText);
    cpSync(join(root, 'LICENSE'), join(staging, 'LICENSE'));
    writeFileSync(join(staging, 'README.md'), detailsReadme(readFileSync(join(root, 'README.md'), 'utf8')));
    const vsce = createRequire(join(root, 'package.json')).resolve('@vscode/vsce/vsce');
    const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', resolve(out)], { cwd: staging, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`vsce package failed (exit ${run.status})`);
    return resolve(out);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  await packageExtension(at > 0 ? process.argv[at + 1] : undefined);
}
