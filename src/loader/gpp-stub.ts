/**
 * The IAB GPP 1.1 stub (CMP API specification, "How should the CMP stub be implemented"): a
 * synchronous `window.__gpp` that answers `ping` at once, queues the other commands (listeners
 * too: GPP 1.1 lets a stub queue them, and the CMP registers them when it takes the queue over),
 * adds the `__gppLocator` frame that tells iframes a CMP is here, and answers their
 * `postMessage` calls (`iab-stub.ts`). The lazy GPP bundle (`src/gpp/`) takes the queue over.
 * When the fresh config says this visitor gets no GPP (the project turned it off, or the visitor
 * is not where it applies), `removeGppStub` takes it away again.
 */
import type { SiteConfig } from '../core/types.ts';
import { installStub, removeStub } from './iab-stub.ts';

/**
 * Who gets GPP (issue 21): projects that enable it, for US visitors, and where the project's
 * TCF applies (its `tcfeuv2` section).
 */
export const usesGpp = (config?: SiteConfig): boolean =>
  !!config?.gpp && (config.geography.startsWith('US') || !!config.tcf?.gdprApplies);

export const installGppStub = (): void =>
  installStub('__gpp', 1, {
    gppVersion: '1.1',
    cmpStatus: 'stub',
    cmpDisplayStatus: 'hidden',
    signalStatus: 'not ready',
    supportedAPIs: [],
    cmpId: 0,
    sectionList: [],
    applicableSections: [-1],
    gppString: '',
    parsedSections: {},
  });

export const removeGppStub = (): void => removeStub('__gpp');
