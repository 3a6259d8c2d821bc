/**
 * Test support (not a test): the project's small vendor list (`demo/tcf/`, the IAB's exact GVL
 * v3 format, a dozen made-up vendors) served on loopback like vendor-list.consensu.org, so that
 * tests go through the real fetching code with no network.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const TEST_GVL_DIR = fileURLToPath(new URL('../../demo/tcf/', import.meta.url));

export interface GvlServer {
  /** `http://127.0.0.1:PORT/v3/vendor-list.json` */
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** The Cache-Control header sent. */
  cacheControl: string;
  /** Changes the vendor list before it is sent (a new version, a broken one). */
  edit?: (list: Record<string, unknown>) => unknown;
  /** Answers 500 to everything while set. */
  down: boolean;
  close(): Promise<void>;
}

export async function startGvlServer(): Promise<GvlServer> {
  const state: GvlServer = {
    url: '',
    requests: [],
    cacheControl: 'max-age=3600',
    down: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    state.requests.push(path);
    const name = /^\/v3\/((?:vendor-list|purposes-[a-z-]+)\.json)$/.exec(path)?.[1];
    if (state.down) return void response.writeHead(500).end();
    if (!name) return void response.writeHead(404).end();
    readFile(`${TEST_GVL_DIR}${name}`, 'utf8').then(
      (text) => {
        let body = text;
        if (name === 'vendor-list.json' && state.edit)
          body = JSON.stringify(state.edit(JSON.parse(text) as Record<string, unknown>));
        response.writeHead(200, {
          'content-type': 'application/json',
          'cache-control': state.cacheControl,
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/vendor-list.json`;
  return state;
}
