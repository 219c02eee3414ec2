// Issue 12 §8: what a careful user reads is true. The README says how to get Chromium in the
// same words as the message npm test prints without one; the Docker image runs a maintained LTS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_BROWSER_MESSAGE } from '../../scripts/lib/browser';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('the README', () => {
  it('gives every way of getting Chromium that the no-browser message gives', () => {
    const commands = NO_BROWSER_MESSAGE.split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) expect(readme).toContain(command);
    expect(NO_BROWSER_MESSAGE).toContain('CHROMIUM_PATH');
    expect(readme).toContain('CHROMIUM_PATH');
  });

  it('says where npm start listens and how to change it', () => {
    expect(readme).toMatch(/listens on 127\.0\.0\.1/);
    expect(readme).toContain('`HOST`');
  });

  it('recommends the Node LTS that the Docker image runs, a maintained one', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const images = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) {
      expect([24, 26]).toContain(major);
      expect(readme).toContain(`${major} LTS`);
    }
  });
});
