#!/usr/bin/env bash
# Sets up everything Grounded's jobs need on a fresh machine, idempotently and cached:
# npm packages, Debian packages (Chromium, ripgrep, pandoc), and code-server (a real
# VS Code 1.100.3 server) in a cache outside the checkout. Fast when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
CACHE="${GROUNDED_CACHE:-$HOME/.cache/grounded}"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
say() { printf '[setup] %s\n' "$*"; }

# 1. npm packages of the project, reinstalled only when the lock file changes.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.grounded-lock-hash ] || [ "$(cat node_modules/.grounded-lock-hash)" != "$lock_hash" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.grounded-lock-hash
fi

# 2. Debian packages: the browser for UI tests, ripgrep for VS Code's search, pandoc for citation
#    tests, unzip for the package tests (they read the .vsix), qpdf to encrypt a PDF for the PDF tests,
#    bibutils (ris2xml, xml2bib) to write .bib files with Zotero-style file fields for the bibliography tests,
#    neovim (0.7, its built-in LSP client) and Emacs with eglot and markdown-mode for the language
#    server's tests with real editors.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v unzip >/dev/null || missing+=(unzip)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v xml2bib >/dev/null || missing+=(bibutils)
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
compgen -G '/usr/share/emacs/site-lisp/elpa-src/eglot-*' >/dev/null || missing+=(elpa-eglot)
compgen -G '/usr/share/emacs/site-lisp/elpa-src/markdown-mode-*' >/dev/null || missing+=(elpa-markdown-mode)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 3. code-server, installed by hand: its own install scripts download binaries (refused here)
#    and refuse to run as root. See shared notes on running a real VS Code offline.
if [ ! -f "$CODE_SERVER_DIR/.done" ]; then
  say "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (a few minutes, once)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  (
    cd "$CODE_SERVER_DIR"
    echo '{"name":"grounded-code-server","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION"
    npm rebuild --loglevel=error argon2
    cd node_modules/code-server/lib/vscode
    npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
    npm_config_yes=true npm rebuild --loglevel=error node-pty @parcel/watcher @vscode/spdlog native-watchdog
    mkdir -p node_modules/@vscode/ripgrep/bin
    ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    ln -sfn node_modules node_modules.asar
    cd extensions
    npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
  )
  "$CODE_SERVER_DIR/node_modules/.bin/code-server" --version | head -1
  touch "$CODE_SERVER_DIR/.done"
fi
say "ready: code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1), $(pandoc --version | head -1), $(nvim --version | head -1)"
