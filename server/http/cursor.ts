const MAX_BIGINT = 2n ** 63n - 1n;

/** An opaque page cursor for a position in insertion order. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

/** The position a cursor stands for, or `undefined` when it is not one of ours. */
export function decodeCursor(cursor: string): string | undefined {
  const match = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match?.[1];
  return seq !== undefined && BigInt(seq) <= MAX_BIGINT ? seq : undefined;
}
