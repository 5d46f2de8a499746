import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * A user's clone has nothing beside it: no tracked file may read or link outside the repository, and every relative
 * link in the documentation must lead to a file of the repository.
 */
const ROOT = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && fs.existsSync(path.join(ROOT, file)));
const textFiles = tracked.filter(
  (file) => /\.(ts|js|json|md|sh|yml|yaml)$|^\.ci\//.test(file) && file !== 'package-lock.json',
);
const OUTSIDE_REFERENCES = [/\.\.\/shared\b/, /['"]\.\.['"],\s*['"]shared['"]/, /\/work\/shared\b/];

describe('the repository stands alone', () => {
  it.each(textFiles)('%s names no folder beside the repository', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const pattern of OUTSIDE_REFERENCES) expect(text).not.toMatch(pattern);
  });

  const markdown = tracked.filter((file) => file.endsWith('.md'));
  it.each(markdown)('every relative link in %s leads to a file inside the repository', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:|^#/i.test(target)) continue;
      const resolved = path.resolve(path.dirname(path.join(ROOT, file)), target.split('#')[0]);
      if (!resolved.startsWith(ROOT + path.sep) || !fs.existsSync(resolved)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('keeps the GOV.UK bank-holiday reference as a dated fixture', () => {
    expect(tracked).toContain('test/fixtures/calendar/govuk-bank-holidays-2026-08-21.json');
  });
});
