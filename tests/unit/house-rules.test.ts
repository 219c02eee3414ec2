// Issue 13: the house stays easy to change. Three rules a reviewer would otherwise have to keep
// in their head: the law's files stay small enough to read (split a family out, as
// lib/cto/events/ does), components never reach up into app/, and lib never reaches up into
// components/ (what they share moves down into lib).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs)$/;
const SKIP = new Set(['node_modules', '.next', '.git', 'playwright-report', 'test-results']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

const rel = (path: string) => relative(root, path).split('\\').join('/');
const lineCount = (path: string) => readFileSync(path, 'utf8').split('\n').length;

/** Module specifiers a file imports or re-exports, statically or dynamically. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const m of text.matchAll(pattern)) found.push(m[1] as string);
  return found;
}

/** Files under `dirs` (relative to the root) that import a module matching `forbidden`. */
function offenders(dirs: string[], forbidden: (spec: string, file: string) => boolean): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (forbidden(spec, file)) out.push(`${rel(file)} imports ${spec}`);
      }
    }
  }
  return out;
}

/** Whether `spec`, imported from `file`, lands inside the top-level folder `folder`. */
function reaches(folder: string, spec: string, file: string): boolean {
  if (spec === `@/${folder}` || spec.startsWith(`@/${folder}/`)) return true;
  if (!spec.startsWith('.')) return false;
  const target = rel(join(file, '..', spec));
  return target === folder || target.startsWith(`${folder}/`);
}

const TOP_LEVEL = readdirSync(root).filter(
  (name) => !SKIP.has(name) && !name.startsWith('.') && statSync(join(root, name)).isDirectory(),
);

describe('the house rules', () => {
  it('keeps every file in lib/cto under 1,000 lines', () => {
    const long = sourceFiles(join(root, 'lib', 'cto'))
      .map((file) => ({ file: rel(file), lines: lineCount(file) }))
      .filter((f) => f.lines > 1000);
    expect(long).toEqual([]);
  });

  it('imports nothing from app/ outside app/', () => {
    const dirs = TOP_LEVEL.filter((d) => d !== 'app');
    expect(dirs).toEqual(expect.arrayContaining(['components', 'lib']));
    expect(offenders(dirs, (spec, file) => reaches('app', spec, file))).toEqual([]);
  });

  it('imports nothing from components/ inside lib/', () => {
    expect(offenders(['lib'], (spec, file) => reaches('components', spec, file))).toEqual([]);
  });

  it('would catch each kind of import it looks for', () => {
    // Spelt in pieces so that this file does not itself break the rule it tests.
    const [app, components] = ['@/' + 'app', '@/' + 'components'];
    const text = [
      `import type { A } from '${app}/x';`,
      `import { b } from '../components/y';`,
      `export * from '${components}/z';`,
      `const c = await import('${app}/w');`,
      `import '${components}/side-effect';`,
    ].join('\n');
    expect(importsOf(text)).toEqual(
      expect.arrayContaining([
        '@/app/x',
        '../components/y',
        '@/components/z',
        '@/app/w',
        '@/components/side-effect',
      ]),
    );
    expect(reaches('components', '../components/y', join(root, 'lib', 'f.ts'))).toBe(true);
    expect(reaches('components', '../lib/y', join(root, 'components', 'f.ts'))).toBe(false);
  });
});
