/**
 * Projects: pure unit tests; the e2e suite on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL; and the fault
 * suite (`npm run test:faults`: Redis and SMTP outages, a killed service, hostile and cross-partnership requests), on
 * SQLite, with its own redis-server processes.
 */
const moduleNameMapper = {
  '^@app/calendar$': '<rootDir>/libs/calendar/src',
  '^@app/common$': '<rootDir>/libs/common/src',
  '^@app/auth$': '<rootDir>/libs/auth/src',
  '^@app/cases$': '<rootDir>/libs/cases/src',
  '^@app/reminders$': '<rootDir>/libs/reminders/src',
  '^@app/mail$': '<rootDir>/libs/mail/src',
  '^@app/database$': '<rootDir>/libs/database/src',
  '^@app/schema$': '<rootDir>/libs/schema/src',
  '^@app/reports$': '<rootDir>/libs/reports/src',
  '^@app/workflows$': '<rootDir>/workflows',
  '^@app/config$': '<rootDir>/config',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] };
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
};

const e2e = (name, extra) => ({
  ...base,
  displayName: name,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  ...extra,
});

const projects = [
  {
    ...base,
    displayName: 'unit',
    testMatch: ['<rootDir>/{apps,libs,workflows,config}/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
  },
  e2e('e2e-sqlite', { setupFiles: ['<rootDir>/test/support/use-sqlite.ts'] }),
  // The repository's own machinery: it stands alone, the lint rules hold, the build and start scripts, the benchmark's
  // failure path (real redis-server and PostgreSQL, child processes).
  { ...base, displayName: 'tooling', testMatch: ['<rootDir>/test/tooling/**/*.spec.ts'] },
];
projects.push(
  // The pages in Debian's Chromium (playwright-core), on SQLite, with axe-core on every page.
  e2e('browser', {
    testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    setupFiles: ['<rootDir>/test/support/use-sqlite.ts'],
  }),
  e2e('faults', {
    testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
    setupFiles: ['<rootDir>/test/support/use-sqlite.ts'],
  }),
);
if (process.env.TEST_DATABASE_URL) {
  projects.push(e2e('e2e-postgres', { setupFiles: ['<rootDir>/test/support/use-postgres.ts'] }));
}

// A minute a test: a test that waits on its own service (a commit, a reminder, a page) takes longer on a busy machine
// than alone. A test that hangs still fails.
module.exports = { projects, testTimeout: 60000 };
