// Runs after `npm install` / `npm ci`:
// 1. generates the Prisma client without downloading Prisma's native engine;
// 2. copies the NHS design system's compiled CSS, JavaScript and assets into public/,
//    because Turbopack cannot parse nhsuk-frontend.min.css (see docs/decisions/).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function generatePrismaClient() {
  if (!existsSync(join(root, 'prisma', 'schema.prisma'))) return;
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: join(root, 'scripts', 'no-schema-engine.sh'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
  const prismaBin = join(root, 'node_modules', 'prisma', 'build', 'index.js');
  const result = spawnSync(process.execPath, [prismaBin, 'generate'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('prisma generate failed');
    process.exit(result.status ?? 1);
  }
}

function copyNhsukFrontend() {
  const dist = join(root, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
  if (!existsSync(dist)) {
    console.error('nhsuk-frontend is not installed; skipping the stylesheet copy');
    return;
  }
  const target = join(root, 'public', 'nhsuk');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // Only the compiled stylesheet, the bundled script and the assets (icons, logos) are served.
  for (const file of ['nhsuk-frontend.min.css', 'nhsuk-frontend.min.js']) {
    cpSync(join(dist, file), join(target, file));
  }
  cpSync(join(dist, 'assets'), join(target, 'assets'), { recursive: true });
}

generatePrismaClient();
copyNhsukFrontend();
