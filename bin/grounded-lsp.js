#!/usr/bin/env node
// Entry point of `grounded-lsp`, the language server; bundled into dist/lsp.js by `npm run build`.
require('../dist/lsp.js');
