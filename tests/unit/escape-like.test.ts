// What a person types into a search is matched as typed (issue 12 §6): LIKE's wildcards and its
// escape character are escaped, and the pattern still matches the literal text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeLike } from '@/lib/server/like';

/** PostgreSQL's LIKE with its default escape character, as a regular expression. */
function likeMatches(pattern: string, text: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      i += 1;
      source += pattern.charAt(i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^[\\s\\S]*${source}[\\s\\S]*$`, 'u').test(text);
}

describe('escapeLike', () => {
  it('escapes %, _ and the backslash', () => {
    expect(escapeLike('50%')).toBe('50\\%');
    expect(escapeLike('a_b')).toBe('a\\_b');
    expect(escapeLike('c:\\x')).toBe('c:\\\\x');
    expect(escapeLike('Smith')).toBe('Smith');
  });

  it('matches the literal text only', () => {
    expect(likeMatches(escapeLike('50%'), '50% off')).toBe(true);
    expect(likeMatches(escapeLike('50%'), '500')).toBe(false);
    expect(likeMatches(escapeLike('a_b'), 'axb')).toBe(false);
    expect(likeMatches('a_b', 'axb')).toBe(true); // unescaped: the wildcard
  });

  it('finds exactly the texts that contain what was typed (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'x'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, (typed, stored) => {
        expect(likeMatches(escapeLike(typed), stored)).toBe(stored.includes(typed));
      }),
      { numRuns: 500 },
    );
  });
});
