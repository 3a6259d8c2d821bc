/**
 * `iab-stubs.js`: the IAB stubs alone, a classic script the server puts before the per-project
 * loader of a project that uses the TCF or GPP (src/loader/iab-stubs.ts). It installs nothing
 * itself: the loader right after it decides, as the plain loader does.
 */
import { IAB_STUBS, IAB_STUBS_KEY } from './iab-stubs.ts';

const global = globalThis as unknown as Record<symbol, unknown>;
// Included twice: the first copy's stubs, and their state, keep serving the page.
global[Symbol.for(IAB_STUBS_KEY)] ??= IAB_STUBS;
