/**
 * `gpp.js`: the IAB GPP 1.1 CMP API (`window.__gpp`) for projects that enable GPP, imported by
 * the loader only for a visitor in the US. Takes over the loader's stub (`src/loader/gpp-stub.ts`):
 * its queued calls and listeners. Every change of the visitor's decisions re-encodes the sections,
 * with `signalStatus` going `not ready` → `ready` around it, and a `sectionChange` event for each
 * section that changed. The commands are the specification's: `ping`, `addEventListener`,
 * `removeEventListener`, `hasSection`, `getSection`, `getField`.
 */
import type { GppUsSection } from '../core/types.ts';
import type { GppBundle, GppCallback, GppFunction, GppListener } from '../runtime/bundles.ts';
import { encodeGppString, SECTIONS, type SectionValues } from './gpp-string.ts';
import { applicableSections, optOutStatus, sectionValues } from './us-sections.ts';

type Sections = Partial<Record<GppUsSection, SectionValues>>;

const byId = (a: GppUsSection, b: GppUsSection) => SECTIONS[a].id - SECTIONS[b].id;

export const startGpp: GppBundle['startGpp'] = (runtime, gpc) => {
  const stub = typeof window.__gpp === 'function' ? window.__gpp : undefined;
  const queued = (stub?.() as unknown[][] | undefined) ?? [];
  const listeners = new Map<number, GppListener>();
  let nextId = 1;
  let signalStatus: 'not ready' | 'ready' = 'not ready';
  let displayStatus: 'visible' | 'hidden' = 'hidden';
  let sections: Sections = {};
  let encoded: Partial<Record<GppUsSection, string>> = {};
  let gppString = '';

  const names = () => (Object.keys(sections) as GppUsSection[]).sort(byId);
  const pingData = () => {
    const present = names();
    // The state's own section is the one in force where it exists (GPP 1.1 applicableSections).
    const inForce = present.find((name) => name !== 'usnat') ?? present[0];
    return {
      gppVersion: '1.1',
      cmpStatus: 'loaded',
      cmpDisplayStatus: displayStatus,
      signalStatus,
      supportedAPIs: (runtime.config?.gpp?.sections ?? []).map(
        (name) => `${SECTIONS[name].id}:${name}`,
      ),
      // Assent has no IAB-registered CMP id; the US sections need none.
      cmpId: 0,
      sectionList: present.map((name) => SECTIONS[name].id),
      applicableSections: inForce ? [SECTIONS[inForce].id] : [-1],
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
    const next: Sections = {};
    const nextEncoded: Partial<Record<GppUsSection, string>> = {};
    for (const name of applicableSections(config)) {
      next[name] = sectionValues(name, status, gpc);
      nextEncoded[name] = encodeGppString({ [name]: next[name] });
    }
    const changed = [...new Set([...Object.keys(encoded), ...Object.keys(nextEncoded)])].filter(
      (name) => encoded[name as GppUsSection] !== nextEncoded[name as GppUsSection],
    );
    sections = next;
    encoded = nextEncoded;
    gppString = encodeGppString(next);
    // On `change`, before the manager makes the decision's events: they carry this string.
    const inForce = pingData().applicableSections;
    runtime.proofExtras = {
      ...runtime.proofExtras,
      gpp: { gppString, applicableSections: inForce },
    };
    for (const name of changed) fire('sectionChange', name);
    signalStatus = 'ready';
    fire('signalStatus', signalStatus);
  }

  const has = (name: unknown): name is GppUsSection =>
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
  const display = (status: 'visible' | 'hidden') => () => {
    displayStatus = status;
    fire('cmpDisplayStatus', status);
  };
  runtime.emitter.on('notice:show', display('visible'));
  runtime.emitter.on('notice:hide', display('hidden'));
  runtime.emitter.on('preferences:show', display('visible'));
  runtime.emitter.on('preferences:hide', display('hidden'));
};
