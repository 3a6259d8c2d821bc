import { describe, expect, it, vi } from 'vitest';
import {
  createIndexedDbStore,
  createMemoryStore,
  withMemoryFallback,
  type KeyValueStore,
} from './key-value-store.ts';

const failing = (): KeyValueStore => ({
  get: vi.fn(() => Promise.reject(new Error('quota'))),
  set: vi.fn(() => Promise.reject(new Error('quota'))),
  update: vi.fn(() => Promise.reject(new Error('quota'))),
  del: vi.fn(() => Promise.reject(new Error('quota'))),
});

describe('withMemoryFallback', () => {
  it('uses the primary store while it works', async () => {
    const primary = createMemoryStore();
    const store = withMemoryFallback(primary);
    await store.set('a', 1);
    expect(await primary.get('a')).toBe(1);
  });

  it('gives way to memory at the first failure, tells once, and stops asking the primary', async () => {
    const primary = failing();
    const onFallback = vi.fn();
    const store = withMemoryFallback(primary, onFallback);
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', 1);
    await store.update<number>('a', (old = 0) => old + 1);
    expect(await store.get('a')).toBe(2);
    expect(onFallback).toHaveBeenCalledOnce();
    expect(primary.set).not.toHaveBeenCalled();
  });

  it('falls back where there is no IndexedDB at all', async () => {
    const onFallback = vi.fn();
    const store = withMemoryFallback(createIndexedDbStore(), onFallback);
    await store.set('a', { b: 1 });
    expect(await store.get('a')).toEqual({ b: 1 });
    expect(onFallback).toHaveBeenCalledOnce();
  });
});

describe('createMemoryStore', () => {
  it('keeps copies, so a caller cannot change stored values by mutation', async () => {
    const store = createMemoryStore();
    const value = { list: [1] };
    await store.set('a', value);
    value.list.push(2);
    expect(await store.get('a')).toEqual({ list: [1] });
  });
});
