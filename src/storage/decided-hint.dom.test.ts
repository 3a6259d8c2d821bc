import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDecidedHint, writeDecidedHint } from './decided-hint.ts';

const PROJECT = '00000000-0000-4000-8000-00000000000b';

describe('the decided hint', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('is false until a decision, true after one, and false again after a reset', () => {
    expect(readDecidedHint(PROJECT)).toBe(false);
    writeDecidedHint(PROJECT, true);
    expect(readDecidedHint(PROJECT)).toBe(true);
    expect(readDecidedHint('another-project')).toBe(false);
    writeDecidedHint(PROJECT, false);
    expect(readDecidedHint(PROJECT)).toBe(false);
  });

  it('is unknown, never false, when storage is blocked, and writing then throws nothing', () => {
    // What Chromium does with cookies blocked: reading `window.localStorage` throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(readDecidedHint(PROJECT)).toBeUndefined();
    expect(() => writeDecidedHint(PROJECT, true)).not.toThrow();
  });
});
