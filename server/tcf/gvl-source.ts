/**
 * The IAB's Global Vendor List, fetched by the server and never by the browser (issue 20): the
 * vendor list (`vendor-list.json`, GVL v3) and its translated declarations (`purposes-fr.json`,
 * beside it), each refreshed when its Cache-Control says, kept in the database by version so that
 * a restart or an unreachable IAB server still serves the last list, and a TC string made under
 * an older version can still be explained. Tests and the demo point `ASSENT_GVL_URL` at the small
 * list in `demo/tcf/`, served on loopback, through this same code.
 */
import type { Database } from '../db/database.ts';
import { findGvlDocument, putGvlDocument } from '../db/repositories/gvl-documents.ts';

export const IAB_GVL_URL = 'https://vendor-list.consensu.org/v3/vendor-list.json';

/** Without a Cache-Control max-age (or Expires), a document is asked for again after this. */
const DEFAULT_MAX_AGE_S = 60 * 60;
/** After a failed fetch, the stored copy is used this long before the next try. */
const RETRY_AFTER_MS = 5 * 60 * 1000;
/** Larger than the IAB's real list (about 1.5 MB in 2026) with room; anything bigger is refused. */
const MAX_BYTES = 16 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;
const LANGUAGE = /^[a-z]{2,3}(-[a-z]{2,4})?$/;

/** A GVL v3 document: the declarations, and `vendors` etc. in the vendor list. */
export type GvlJson = Record<string, unknown> & {
  purposes: Record<string, unknown>;
  vendorListVersion?: number;
  vendors?: Record<string, Record<string, unknown>>;
};

export interface GvlSource {
  /** The current vendor list; `undefined` when none was ever fetched and the fetch fails now. */
  vendorList(): Promise<GvlJson | undefined>;
  /** The declarations in `language` (`fr`, `pt-br`); `undefined` when the IAB has none. */
  declarations(language: string): Promise<GvlJson | undefined>;
}

export interface GvlSourceOptions {
  db: Database;
  /** @default IAB_GVL_URL */
  url?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default () => new Date() */
  now?: () => Date;
  /** @default console.error */
  logError?: (error: unknown) => void;
}

/** Seconds a response may be used, from `Cache-Control: max-age` (or `s-maxage`), else `Expires`. */
export function maxAgeSeconds(headers: Headers, now: Date): number {
  const control = headers.get('cache-control') ?? '';
  if (/(?:^|,)\s*(?:no-store|no-cache)\b/i.test(control)) return 0;
  const age = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)"?/i.exec(control);
  if (age) return Number(age[1]);
  const expires = Date.parse(headers.get('expires') ?? '');
  if (Number.isFinite(expires)) return Math.max(0, Math.floor((expires - now.getTime()) / 1000));
  return DEFAULT_MAX_AGE_S;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a document that should be GVL v3; `undefined` when it looks right. */
export function gvlProblem(value: unknown, vendorList: boolean): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (value.gvlSpecificationVersion !== 3) return 'gvlSpecificationVersion is not 3';
  for (const key of ['purposes', 'specialPurposes', 'features', 'specialFeatures', 'stacks']) {
    if (!isObject(value[key])) return `${key} is missing`;
  }
  if (!vendorList) return undefined;
  if (!Number.isInteger(value.vendorListVersion)) return 'vendorListVersion is missing';
  if (!Number.isInteger(value.tcfPolicyVersion)) return 'tcfPolicyVersion is missing';
  if (!isObject(value.vendors)) return 'vendors is missing';
  return undefined;
}

interface Held {
  body: GvlJson | undefined;
  version: number;
  expiresAt: number;
}

export function createGvlSource(options: GvlSourceOptions): GvlSource {
  const { db } = options;
  const url = options.url ?? IAB_GVL_URL;
  const fetchDocument = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error) => console.error('assent: GVL', error));
  const held = new Map<string, Held>();
  const pending = new Map<string, Promise<Held | undefined>>();
  const documentUrl = (name: string) => new URL(`${name}.json`, url).toString();

  async function download(name: string) {
    const target = name === 'vendor-list' ? url : documentUrl(name);
    const response = await fetchDocument(target, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return { missing: true as const, headers: response.headers };
    if (!response.ok) throw new Error(`${target} answered ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new Error(`${target} is larger than ${MAX_BYTES} bytes`);
    const body = JSON.parse(text) as unknown;
    const problem = gvlProblem(body, name === 'vendor-list');
    if (problem) throw new Error(`${target} is not a GVL v3 document: ${problem}`);
    return { body: body as GvlJson, headers: response.headers };
  }

  /**
   * The document, from memory, the database or the network, whichever is fresh first. The vendor
   * list is whichever version is newest; a translation is the one fetched for `version`.
   */
  async function load(name: string, version: number | undefined): Promise<Held | undefined> {
    const at = now();
    const inMemory = held.get(name);
    const matches = inMemory && (version === undefined || inMemory.version === version);
    let last = matches ? inMemory : undefined;
    if (!last) {
      const stored = await findGvlDocument(db, name, version);
      if (stored) {
        last = {
          body: stored.body as GvlJson,
          version: stored.version,
          expiresAt: stored.expiresAt.getTime(),
        };
      }
    }
    if (last && last.expiresAt > at.getTime()) {
      held.set(name, last);
      return last;
    }
    try {
      const answer = await download(name);
      const expiresAt = new Date(at.getTime() + maxAgeSeconds(answer.headers, at) * 1000);
      if ('missing' in answer) {
        // No such translation: English is shown, and the IAB is not asked again before expiry.
        const none = { body: undefined, version: version ?? 0, expiresAt: expiresAt.getTime() };
        held.set(name, none);
        return none;
      }
      const fresh = {
        body: answer.body,
        version: version ?? (answer.body.vendorListVersion as number),
        expiresAt: expiresAt.getTime(),
      };
      await putGvlDocument(db, {
        name,
        version: fresh.version,
        body: fresh.body,
        fetchedAt: at,
        expiresAt,
      });
      held.set(name, fresh);
      return fresh;
    } catch (error) {
      logError(error);
      if (!last) return undefined;
      // The last copy serves on; the IAB is asked again in a few minutes, not on every request.
      const stale = { ...last, expiresAt: at.getTime() + RETRY_AFTER_MS };
      held.set(name, stale);
      return stale;
    }
  }

  /** One fetch at a time per document, whatever the number of requests waiting for it. */
  function single(name: string, version?: number) {
    const key = `${name}@${version ?? 'newest'}`;
    let running = pending.get(key);
    if (!running) {
      running = load(name, version).finally(() => pending.delete(key));
      pending.set(key, running);
    }
    return running;
  }

  const vendorList = async () => (await single('vendor-list'))?.body;
  return {
    vendorList,
    async declarations(language) {
      const code = language.toLowerCase();
      if (!LANGUAGE.test(code)) return undefined;
      const list = await vendorList();
      if (!list) return undefined;
      if (code === 'en') return list;
      return (await single(`purposes-${code}`, list.vendorListVersion as number))?.body;
    },
  };
}
