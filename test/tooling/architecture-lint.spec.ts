import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { join } from 'path';

/**
 * The lint rules that keep the architecture (eslint.config.mjs) are real: each forbidden import below, linted as if
 * it were a file at that place in the tree, is refused with the rule's message, and an allowed one passes.
 */
const ROOT = path.resolve(__dirname, '../..');

function lintAs(file: string, source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const eslint = spawn(
      path.join(ROOT, 'node_modules/.bin/eslint'),
      ['--stdin', '--stdin-filename', file, '--format', 'stylish'],
      {
        cwd: ROOT,
      },
    );
    let output = '';
    eslint.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    eslint.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    eslint.on('error', reject);
    eslint.on('close', () => resolve(output));
    eslint.stdin.end(source);
  });
}

describe('architecture lint rules', () => {
  jest.setTimeout(60_000);

  it.each([
    [
      'config/ importing a lib',
      'config/probe.ts',
      "import { CasesService } from '@app/cases';\nexport const x = CasesService;\n",
      /config\/ imports no app or lib/,
    ],
    [
      'workflows/ importing Nest',
      'workflows/case/probe.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      /pure layers import no framework/,
    ],
    [
      'workflows/ importing TypeORM',
      'workflows/case/probe.ts',
      "import { Repository } from 'typeorm';\nexport type X = Repository<object>;\n",
      /pure layers/,
    ],
    [
      'workflows/ importing our libs',
      'workflows/case/probe.ts',
      "import { today } from '@app/common';\nexport const x = today;\n",
      /imports nothing of ours/,
    ],
    [
      'libs/calendar importing our libs',
      'libs/calendar/src/probe.ts',
      "import { CaseEntity } from '@app/cases';\nexport const x = CaseEntity;\n",
      /imports nothing of ours/,
    ],
    [
      'libs/calendar importing Bull',
      'libs/calendar/src/probe.ts',
      "import Bull from 'bull';\nexport const x = Bull;\n",
      /pure layers/,
    ],
    [
      'a lib importing an app',
      'libs/cases/src/probe.ts',
      "import { AppModule } from '../../../apps/api/src/app.module';\nexport const x = AppModule;\n",
      /libs never import apps/,
    ],
    [
      'the worker importing the API',
      'apps/worker/src/probe.ts',
      "import { createApp } from '../../api/src/create-app';\nexport const x = createApp;\n",
      /worker never imports the API/,
    ],
  ])('refuses %s', async (_what, file, source, message) => {
    expect(await lintAs(file, source)).toMatch(message);
  });

  it('lets libs import workflows and the calendar', async () => {
    const output = await lintAs(
      'libs/cases/src/probe.ts',
      "import { getRulebook } from '@app/workflows';\nimport { today } from '@app/calendar';\nexport const x = [getRulebook, today];\n",
    );
    expect(output).toBe('');
  });

  it('refuses an import cycle', async () => {
    // A cycle needs two real files: two modules that import each other, in a folder of their own removed afterwards.
    const folder = mkdtempSync(join(ROOT, 'libs', 'common', 'src', 'lint-probe-'));
    try {
      writeFileSync(join(folder, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(join(folder, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const output = await lintAs(
        path.relative(ROOT, join(folder, 'a.ts')),
        readFileSync(join(folder, 'a.ts'), 'utf8'),
      );
      expect(output).toMatch(/Dependency cycle detected/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
