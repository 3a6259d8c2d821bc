/**
 * `__tcfapi` once the TCF chunk runs (TCF 2.3 "CMP JS API"): `ping`, `addEventListener`,
 * `removeEventListener` and `getTCData` (deprecated, still called by many vendors), with the
 * `eventStatus` of the moment: `tcloaded` (a stored string stands, or GDPR does not apply),
 * `cmpuishown` (the notice asks), `useractioncomplete` (the visitor chose). Takes over the stub's
 * queue; the stub's `postMessage` proxy keeps answering iframes through this function.
 */
import type { TCModel } from '@iabtechlabtcf/core';
import type { TcfSiteConfig } from '../core/types.ts';

export type EventStatus = 'tcloaded' | 'cmpuishown' | 'useractioncomplete';
type Callback = (value: unknown, success: boolean) => void;
type Ids = Record<string, boolean>;

export interface CmpState {
  /** The current string and its model; `undefined` while the visitor has none. */
  tcString?: string;
  model?: TCModel;
  acString?: string;
  eventStatus?: EventStatus;
  displayStatus: 'visible' | 'hidden' | 'disabled';
  gvlVersion?: number;
}

const API_VERSION = '2.3';

function idsOf(vector: TCModel['purposeConsents'] | undefined, only?: number[]): Ids {
  const out: Ids = {};
  if (only) for (const id of only) out[id] = vector?.has(id) ?? false;
  else vector?.forEach((value, id) => (out[id] = value));
  return out;
}

export interface CmpApi {
  /** The visitor's state changed: listeners hear it. */
  update(next: Partial<CmpState>): void;
  /** The function that becomes `window.__tcfapi`. */
  handle(command: string, version: unknown, callback: unknown, parameter?: unknown): unknown;
  readonly state: CmpState;
}

export function createCmpApi(config: TcfSiteConfig): CmpApi {
  const state: CmpState = { displayStatus: 'hidden' };
  const listeners = new Map<number, Callback>();
  let nextId = 1;

  function tcData(listenerId?: number, vendors?: number[]) {
    const model = state.model;
    return {
      tcString: config.gdprApplies ? (state.tcString ?? '') : '',
      tcfPolicyVersion: model ? Number(model.policyVersion) : 5,
      cmpId: config.cmpId,
      cmpVersion: config.cmpVersion,
      gdprApplies: config.gdprApplies,
      eventStatus: state.eventStatus,
      cmpStatus: 'loaded',
      listenerId,
      isServiceSpecific: true,
      useNonStandardTexts: false,
      publisherCC: config.publisherCountryCode,
      purposeOneTreatment: false,
      purpose: {
        consents: idsOf(model?.purposeConsents),
        legitimateInterests: idsOf(model?.purposeLegitimateInterests),
      },
      vendor: {
        consents: idsOf(model?.vendorConsents, vendors),
        legitimateInterests: idsOf(model?.vendorLegitimateInterests, vendors),
        disclosedVendors: idsOf(model?.vendorsDisclosed, vendors),
      },
      specialFeatureOptins: idsOf(model?.specialFeatureOptins),
      publisher: {
        consents: idsOf(model?.publisherConsents),
        legitimateInterests: idsOf(model?.publisherLegitimateInterests),
        customPurpose: { consents: {}, legitimateInterests: {} },
        restrictions: {},
      },
      // Google's Additional Consent (AC string v2), for its providers outside the GVL.
      addtlConsent: state.acString,
    };
  }

  const ready = () => state.eventStatus !== undefined;
  const send = (callback: Callback, id: number) => {
    try {
      callback(tcData(id), true);
    } catch (error) {
      console.error('[assent] a __tcfapi listener threw', error);
    }
  };

  const api: CmpApi = {
    state,
    update(next) {
      Object.assign(state, next);
      if (ready()) for (const [id, callback] of listeners) send(callback, id);
    },
    handle(command, version, callback, parameter) {
      if (typeof callback !== 'function') return undefined;
      const answer = callback as Callback;
      if (version !== undefined && version !== null && Number(version) < 2) {
        return void answer(undefined, false);
      }
      switch (command) {
        case 'ping':
          return void answer(
            {
              gdprApplies: config.gdprApplies,
              cmpLoaded: true,
              cmpStatus: 'loaded',
              displayStatus: state.displayStatus,
              apiVersion: API_VERSION,
              cmpVersion: config.cmpVersion,
              cmpId: config.cmpId,
              gvlVersion: state.gvlVersion,
              tcfPolicyVersion: 5,
            },
            true,
          );
        case 'addEventListener': {
          const id = nextId++;
          listeners.set(id, answer);
          if (ready()) send(answer, id);
          return undefined;
        }
        case 'removeEventListener':
          return void answer(listeners.delete(Number(parameter)), true);
        case 'getTCData': {
          // Answered once the visitor's state is known, like a listener's first call.
          const vendors = Array.isArray(parameter) ? parameter.map(Number) : undefined;
          const reply = () => answer(tcData(undefined, vendors), true);
          if (ready()) return void reply();
          const id = nextId++;
          listeners.set(id, () => (listeners.delete(id), reply()));
          return undefined;
        }
        default:
          return void answer(undefined, false);
      }
    },
  };
  return api;
}
