/**
 * The IAB stubs as the loader finds them (issue 18): the plain loader (`assent.js`) carries
 * them, since which frameworks a project uses is known only from its config, fetched later. A
 * per-project loader (`/assent/{projectId}/assent.js`) is built without them
 * (`project-loader.js`): the server, which knows the project's config, puts `iab-stubs.js` in
 * front of it for a project that uses the TCF or GPP, and nothing for any other. The stubs file
 * leaves the four functions under a symbol, read by the loader that follows it in the same
 * response; without it they do nothing (no framework to stub).
 */
import { installGppStub, removeGppStub } from './gpp-stub.ts';
import { installTcfStub, removeTcfStub } from './tcf-stub.ts';

/** Install and remove, for TCF (`__tcfapi`) and GPP (`__gpp`): a list, so no names ship. */
export type IabStubs = readonly [
  installTcf: () => void,
  removeTcf: () => void,
  installGpp: () => void,
  removeGpp: () => void,
];

export const IAB_STUBS: IabStubs = [installTcfStub, removeTcfStub, installGppStub, removeGppStub];

/** Where `iab-stubs.js` leaves them (`Symbol.for`): nothing in the page's own namespace. */
export const IAB_STUBS_KEY = 'assent.iab';

const none = () => {};

/** The stubs of this build: its own, or (per-project loader) those the server put before it. */
export const iabStubs = (): IabStubs =>
  import.meta.env.MODE === 'project-loader'
    ? ((globalThis as unknown as Record<symbol, IabStubs | undefined>)[
        Symbol.for(IAB_STUBS_KEY)
      ] ?? [none, none, none, none])
    : IAB_STUBS;
