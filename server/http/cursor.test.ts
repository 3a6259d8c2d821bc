import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('cursor', () => {
  it('gives back the position it was made from', () => {
    expect(decodeCursor(encodeCursor('42'))).toBe('42');
  });

  it('refuses text that is not one of its cursors, and positions beyond bigint', () => {
    expect(decodeCursor('42')).toBeUndefined();
    expect(decodeCursor(Buffer.from('seq:-1').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(encodeCursor('9999999999999999999'))).toBeUndefined();
  });
});
