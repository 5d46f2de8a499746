import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's root: the nearest folder above this file with a package.json (from src/ and from dist/ alike). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

const root = repositoryRoot();

/** The pages' Nunjucks templates, read from the source tree so a build needs no copying step. */
export const VIEWS_DIR = join(root, 'apps/api/views');
/** govuk-frontend's templates, styles, scripts and assets. */
export const GOVUK_FRONTEND_DIR = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
/** The pages' own style sheet and script. */
export const PUBLIC_DIR = join(root, 'apps/api/public');
