#!/usr/bin/env node
/**
 * `npm start` (the API) and `npm run start:worker`: run the build in dist/ and never build, so a second start or a
 * restart cannot rewrite the files a running process is loaded from. `npm run build` makes (and remakes) dist/.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const app = process.argv[2];
const main = join(__dirname, '..', 'dist', 'apps', app, 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(
    `practice-review is not built (no dist/apps/${app}/src/main.js): run \`npm run build\` first.\n`,
  );
  process.exit(1);
}
require(main);
