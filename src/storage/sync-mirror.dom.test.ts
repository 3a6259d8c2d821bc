import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Decision } from '../core/types.ts';
import { clearMirror, healMirror, readMirror, writeMirror } from './sync-mirror.ts';

const PROJECT = '00000000-0000-4000-8000-00000000000b';
const decision = (state: Decision['state']): Decision => ({
  label: 'analytics',
  consentType: '00000000-0000-4000-8000-000000000001',
  version: 1,
  state,
  action: 'user_click',
  consentDate: '2026-11-22T08:00:00.000Z',
  expirationDate: '2027-11-22T08:00:00.000Z',
  eventId: '00000000-0000-4000-8000-000000000002',
});

describe('the synchronous mirror', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('is absent on a first visit, follows every write, and is gone after a reset', () => {
    expect(readMirror(PROJECT)).toBeNull();
    writeMirror(PROJECT, { decisions: { analytics: decision('accepted') } });
    writeMirror(PROJECT, { configFetchedAt: 5 });
    expect(readMirror(PROJECT)).toEqual({
      decisions: { analytics: decision('accepted') },
      configFetchedAt: 5,
    });
    expect(readMirror('another-project')).toBeNull();
    clearMirror(PROJECT);
    expect(readMirror(PROJECT)).toBeNull();
  });

  it('is unknown, never absent, when it is unreadable', () => {
    localStorage.setItem(`assent:${PROJECT}`, '{"decisions": [');
    expect(readMirror(PROJECT)).toBeUndefined();
    localStorage.setItem(`assent:${PROJECT}`, '{"decisions": 1}');
    expect(readMirror(PROJECT)).toBeUndefined();
  });

  it('is removed, not left behind, when a withdrawal cannot be written', () => {
    writeMirror(PROJECT, { decisions: { analytics: decision('accepted') } });
    // A full storage: reads work, every write throws.
    const real = localStorage;
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue({
      getItem: (name: string) => real.getItem(name),
      removeItem: (name: string) => real.removeItem(name),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage);
    writeMirror(PROJECT, { decisions: { analytics: decision('declined') } });
    vi.restoreAllMocks();
    expect(readMirror(PROJECT)).toBeNull();
  });

  it('follows the record, unless another tab decided since it was read', () => {
    writeMirror(PROJECT, { decisions: { analytics: decision('accepted') } });
    const seen = readMirror(PROJECT);
    healMirror(PROJECT, seen, {});
    expect(readMirror(PROJECT)?.decisions).toEqual({});

    const before = readMirror(PROJECT);
    // Another tab withdraws while this one reads an older record from IndexedDB.
    writeMirror(PROJECT, { decisions: { analytics: decision('declined') } });
    healMirror(PROJECT, before, { analytics: decision('accepted') });
    expect(readMirror(PROJECT)?.decisions.analytics?.state).toBe('declined');
  });

  it('is unknown when storage is blocked, and writing then throws nothing', () => {
    // What Chromium does with cookies blocked: reading `window.localStorage` throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(readMirror(PROJECT)).toBeUndefined();
    expect(() => writeMirror(PROJECT, { decisions: {} })).not.toThrow();
  });
});
