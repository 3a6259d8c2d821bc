/**
 * `gpp.js`: the IAB GPP 1.1 CMP API (`window.__gpp`) for projects that enable GPP, imported by
 * the loader only for a visitor in the US. Takes over the loader's stub (`src/loader/gpp-stub.ts`):
 * its queued calls and listeners. Every change of the visitor's decisions re-encodes the sections,
 * with `signalStatus` going `not ready` → `ready` around it, and a `sectionChange` event for each
 * section that changed. The commands are the specification's: `ping`, `addEventListener`,
 * `removeEventListener`, `hasSection`, `getSection`, `getField`.
 *
 * Where the project also uses the TCF and GDPR applies to the visitor, the `tcfeuv2` section
 * (id 2) carries the TC string `__tcfapi` holds, followed through `__tcfapi`'s own
 * `addEventListener` (the TCF chunk stays a separate download with no tie to this one). Its
 * reader (`tcf-section.ts`) is a chunk of its own, imported only there: a US visitor does not
 * download it. `signalStatus` stays `not ready` until `__tcfapi` first answered.
 */
import type { GppUsSection } from '../core/types.ts';
import type { GppBundle, GppCallback, GppFunction, GppListener } from '../runtime/bundles.ts';
import { encodeGppString, SECTIONS, TCF_EU_SECTION_ID, type SectionValues } from './gpp-string.ts';
import {
  applicableSections,
  optOutStatus,
  sectionValues,
  sensitiveDataStatus,
} from './us-sections.ts';

/** A section's fields as `getSection` answers them, by the section's API prefix. */
type Sections = Record<string, Record<string, unknown>>;

const TCF_EU = 'tcfeuv2';
const idOf = (name: string) =>
  name === TCF_EU ? TCF_EU_SECTION_ID : SECTIONS[name as GppUsSection].id;
const byId = (a: string, b: string) => idOf(a) - idOf(b);

export const startGpp: GppBundle['startGpp'] = (runtime, gpc) => {
  const stub = typeof window.__gpp === 'function' ? window.__gpp : undefined;
  const queued = (stub?.() as unknown[][] | undefined) ?? [];
  const listeners = new Map<number, GppListener>();
  let nextId = 1;
  let signalStatus: 'not ready' | 'ready' = 'not ready';
  let displayStatus: 'visible' | 'hidden' = 'hidden';
  let sections: Sections = {};
  let encoded: Record<string, string> = {};
  let gppString = '';
  // GDPR applies and the project uses the TCF: section 2 is in force, with the TC string once
  // `__tcfapi` has one.
  const tcfEu = !!runtime.config?.tcf?.gdprApplies;
  let tcString = '';
  let readTcf: ((tcString: string) => Record<string, unknown> | undefined) | undefined;
  let waiting = tcfEu;

  const names = () => Object.keys(sections).sort(byId);
  const pingData = () => {
    const present = names();
    // The state's own section is the one in force where it exists (GPP 1.1 applicableSections).
    const inForce = tcfEu ? TCF_EU : (present.find((name) => name !== 'usnat') ?? present[0]);
    return {
      gppVersion: '1.1',
      cmpStatus: 'loaded',
      cmpDisplayStatus: displayStatus,
      signalStatus,
      supportedAPIs: [
        ...(runtime.config?.tcf ? [TCF_EU] : []),
        ...(runtime.config?.gpp?.sections ?? []),
      ].map((name) => `${idOf(name)}:${name}`),
      // The US sections need no IAB-registered CMP id; the TCF's is the project's own.
      cmpId: runtime.config?.tcf?.cmpId ?? 0,
      sectionList: present.map(idOf),
      applicableSections: inForce ? [idOf(inForce)] : [-1],
      gppString,
      parsedSections: Object.fromEntries(present.map((name) => [name, { ...sections[name] }])),
    };
  };
  const answer = (callback: GppCallback | undefined, data: unknown, success = true) => {
    try {
      callback?.(data, success);
    } catch (error) {
      console.error('[assent] a __gpp callback threw', error);
    }
  };
  const fire = (eventName: string, data: unknown) => {
    for (const [listenerId, listener] of listeners) {
      answer(listener.callback, { eventName, listenerId, data, pingData: pingData() });
    }
  };

  function update(): void {
    const config = runtime.config;
    if (!config) return;
    signalStatus = 'not ready';
    fire('signalStatus', signalStatus);
    const status = optOutStatus(config, runtime.states());
    const sensitive = sensitiveDataStatus(config, runtime.states());
    const us: Partial<Record<GppUsSection, SectionValues>> = {};
    const nextEncoded: Record<string, string> = {};
    for (const name of applicableSections(config)) {
      us[name] = sectionValues(name, status, gpc, sensitive);
      nextEncoded[name] = encodeGppString({ [name]: us[name] });
    }
    const next: Sections = { ...us };
    const tcf = tcString ? readTcf?.(tcString) : undefined;
    if (tcf) {
      next[TCF_EU] = tcf;
      nextEncoded[TCF_EU] = tcString;
    }
    const changed = [...new Set([...Object.keys(encoded), ...Object.keys(nextEncoded)])].filter(
      (name) => encoded[name] !== nextEncoded[name],
    );
    sections = next;
    encoded = nextEncoded;
    gppString = encodeGppString(us, tcf ? tcString : undefined);
    // On `change`, before the manager makes the decision's events: they carry this string.
    const inForce = pingData().applicableSections;
    runtime.proofExtras = {
      ...runtime.proofExtras,
      gpp: { gppString, applicableSections: inForce },
    };
    for (const name of changed) fire('sectionChange', name);
    if (waiting) return;
    signalStatus = 'ready';
    fire('signalStatus', signalStatus);
  }

  const has = (name: unknown): name is string =>
    typeof name === 'string' && Object.prototype.hasOwnProperty.call(sections, name);

  const api: GppFunction = (command, callback, parameter) => {
    switch (command) {
      case 'ping':
        answer(callback, pingData());
        break;
      case 'addEventListener': {
        if (typeof callback !== 'function') break;
        const listenerId = nextId++;
        listeners.set(listenerId, { id: listenerId, callback, parameter });
        answer(callback, {
          eventName: 'listenerRegistered',
          listenerId,
          data: true,
          pingData: pingData(),
        });
        break;
      }
      case 'removeEventListener': {
        const removed = listeners.delete(Number(parameter));
        answer(callback, {
          eventName: 'listenerRemoved',
          listenerId: parameter,
          data: removed,
          pingData: pingData(),
        });
        break;
      }
      case 'hasSection':
        answer(callback, has(parameter));
        break;
      case 'getSection':
        answer(callback, has(parameter) ? { ...sections[parameter] } : null);
        break;
      case 'getField': {
        const [section, field] = String(parameter).split('.');
        const values = has(section) ? sections[section] : undefined;
        answer(
          callback,
          values && field && Object.prototype.hasOwnProperty.call(values, field)
            ? values[field]
            : null,
        );
        break;
      }
      default:
        answer(callback, null, false);
    }
    return undefined;
  };

  window.__gpp = api;
  fire('cmpStatus', 'loaded');
  update();
  for (const args of queued) api(...(args as Parameters<GppFunction>));
  runtime.emitter.on('change', update);
  // The TC string, each time the TCF's CMP has a new one (the stub queues this until it loads).
  if (tcfEu)
    import('./tcf-section.ts')
      .then((module) => {
        readTcf = module.tcfEuV2Values;
        const listen = window.__tcfapi;
        if (typeof listen !== 'function') throw new Error('no __tcfapi on the page');
        listen('addEventListener', 2, (data: unknown, success: boolean) => {
          const next = success ? (data as { tcString?: unknown } | null)?.tcString : undefined;
          if (typeof next !== 'string' || (next === tcString && !waiting)) return;
          tcString = next;
          waiting = false;
          update();
        });
      })
      .catch((error: unknown) => {
        // Without the TCF's state the section is unknown: said, and the rest stands ready.
        runtime.emitter.emit('error', { message: `the GPP TCF section failed: ${String(error)}` });
        waiting = false;
        update();
      });
  const display = (status: 'visible' | 'hidden') => () => {
    displayStatus = status;
    fire('cmpDisplayStatus', status);
  };
  runtime.emitter.on('notice:show', display('visible'));
  runtime.emitter.on('notice:hide', display('hidden'));
  runtime.emitter.on('preferences:show', display('visible'));
  runtime.emitter.on('preferences:hide', display('hidden'));
};
