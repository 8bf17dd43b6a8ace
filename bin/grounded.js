#!/usr/bin/env node
// Entry point of the `grounded` CLI; the code is bundled into dist/cli.js by `npm run build`.
require('../dist/cli.js');
