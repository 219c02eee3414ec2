/**
 * Keeps docs/domain honest: the lifecycle document the MHA legal lead signs must be the table the
 * code runs, and every clock must be explained.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { EVENT_TYPES, ORDER_STATES } from '@/lib/cto';
import { renderStates, renderTransitionTable } from '@/lib/cto/describe';

function doc(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../docs/domain/${name}`, import.meta.url)),
    'utf8',
  );
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('docs/domain/lifecycle.md', () => {
  const lifecycle = doc('lifecycle.md');

  it('contains the transition table exactly as generated from lib/cto/transitions.ts', () => {
    const match = /<!-- BEGIN GENERATED[^>]*-->([\s\S]*)<!-- END GENERATED -->/.exec(lifecycle);
    expect(match, 'GENERATED markers missing').not.toBeNull();
    // If this fails, regenerate (see lib/cto/describe.ts) and have the change signed off.
    expect(squash(match?.[1] ?? '')).toBe(squash(renderTransitionTable()));
  });

  it('documents every event and every state', () => {
    for (const type of EVENT_TYPES) expect(lifecycle).toContain(`### \`${type}\``);
    for (const state of ORDER_STATES) expect(lifecycle).toContain(`\`${state}\``);
    expect(squash(lifecycle)).toContain(squash(renderStates()));
  });
});

describe('docs/domain/clocks.md', () => {
  const clocks = doc('clocks.md');

  it('explains every primitive and clock', () => {
    for (let i = 1; i <= 4; i += 1) expect(clocks).toMatch(new RegExp(`^#+ P${i}\\b`, 'm'));
    for (let i = 1; i <= 15; i += 1) expect(clocks).toMatch(new RegExp(`^#+ C${i}\\b`, 'm'));
  });
});

describe('docs/domain/glossary.md', () => {
  it('says the code uses "extension" and users see "renewal (extension)"', () => {
    const glossary = doc('glossary.md');
    expect(glossary).toContain('renewal (extension)');
    expect(glossary).toMatch(/extension/i);
  });
});
