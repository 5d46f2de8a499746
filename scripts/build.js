#!/usr/bin/env node
/**
 * `npm run build`: compiles into a fresh folder beside dist/, resolves the @app/* imports there, and only then puts the
 * whole build in place of dist/. tsc writes file after file and tsc-alias rewrites their imports afterwards, so a build
 * made in place lets a service starting meanwhile load a half-written tree ("Cannot find module '@app/config'").
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, renameSync, rmSync } = require('node:fs');
const { basename, join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const fresh = mkdtempSync(join(root, '.dist-build-'));
const retired = `${fresh}-retired`;

function run(bin, args) {
  execFileSync(process.execPath, [require.resolve(bin), ...args], { cwd: root, stdio: 'inherit' });
}

/** Swaps the new build in; another build finishing at the same moment just means one more round. */
function replaceDist() {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(dist, retired);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    // Between the two renames dist/ is missing for a moment; it is never half there.
    try {
      renameSync(fresh, dist);
      return;
    } catch (error) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || attempt >= 5) throw error;
      rmSync(retired, { recursive: true, force: true });
    }
  }
}

try {
  const outDir = basename(fresh);
  run('typescript/bin/tsc', ['-p', 'tsconfig.build.json', '--outDir', outDir]);
  run('tsc-alias/dist/bin/index.js', ['-p', 'tsconfig.build.json', '--outDir', outDir]);
  replaceDist();
} catch (error) {
  rmSync(fresh, { recursive: true, force: true });
  process.exitCode = 1;
  if (!error.status) console.error(error);
} finally {
  rmSync(retired, { recursive: true, force: true });
}
