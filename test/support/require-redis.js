// Runs before `npm test`: the e2e suite starts its own redis-server unless REDIS_URL points at one.
const { execSync } = require('node:child_process');

if (!process.env.REDIS_URL) {
  try {
    execSync('command -v redis-server', { stdio: 'ignore', shell: '/bin/sh' });
  } catch {
    console.error(
      'redis-server is not installed. Install it with: sudo apt-get install -y redis-server   (macOS: brew install redis)',
    );
    process.exit(1);
  }
}
