/**
 * The consent model shared by the widget and the site API, after the Concord seeds
 * (`000` create consent events, `001` get consent event by id).
 */

/** What a consent type is about. `custom_*` names follow `^custom_[a-z0-9_]{1,121}$`. */
export type ConsentCategory =
  'disclosure' | 'communication' | 'privacy_setting' | 'custom' | `custom_${string}`;

/** The state a person put a consent type in. */
export type ConsentState = 'implied' | 'viewed' | 'accepted' | 'declined';

/** How a consent event came about. */
export type ConsentAction = 'implied' | 'user_click' | 'import';

/** Lifecycle of a consent type. Only `active` types are asked. */
export type ConsentTypeStatus = 'active' | 'archived' | 'obsolete' | 'test';

/** The policy that applies to a visitor, resolved by the server from their geography. */
export type ConsentPolicy = 'opt-in' | 'opt-out' | 'notice-only';

/** One purpose a site asks consent for (seed 000, `consentType` object). */
export interface ConsentType {
  /** Stable id (uuid). */
  id: string;
  /** What kind of consent this is. */
  category: ConsentCategory;
  /** Short machine name used in markup (`data-consent="analytics"`), `^[a-z0-9_]{1,36}$`. */
  label: string;
  /** Bumped when the name, description, document or url changes. */
  version: number;
  /** Human-readable name (≤ 100 characters). */
  name: string;
  /** Human-readable description (≤ 2000 characters), plain text. */
  description: string;
  /** Link to the full text (a privacy policy, say). */
  url?: string;
  /** The full text itself, when it is kept with the type. */
  document?: string;
  /**
   * The visitor cannot decline it.
   * @default false
   */
  required: boolean;
  /**
   * The visitor cannot change it.
   * @default false
   */
  readOnly: boolean;
  /** States a decision on this type may take. */
  validStates: ConsentState[];
  /** Lifecycle status. */
  status: ConsentTypeStatus;
  /** How long a decision lasts, as an ISO 8601 duration (`P6M`). The project default applies when absent. */
  consentDuration?: string;
  /** Decisions made under a lower version are no longer valid. */
  requireReacceptVersion?: number;
  /**
   * Free-form refinement (seed 000). `"sale_or_sharing"` (alone or in an array) marks a type that
   * Global Privacy Control declines.
   */
  subcategory?: unknown;
  /**
   * Names of the cookies this type's tags set, deleted when the visitor withdraws it. `*` matches
   * any run of characters (`_ga*`); matching is exact otherwise.
   * @default []
   */
  cookies?: string[];
}

/** The identifiers of seed 000: at least one names the person an event is about. */
export interface PersonIdentifiers {
  /** The visitor's id, made by the widget (uuid). */
  concordId?: string;
  /** The site's own account id. */
  userId?: string;
  /** An email address. */
  email?: string;
  /** A phone number. */
  phoneNumber?: string;
  /** The site's project-scoped user id. */
  projectUserId?: string;
}

/**
 * One item of a `POST …/consent-events` body: exactly seed 000's item, plus an optional
 * client-made `id` that makes a retry a no-op.
 */
export interface ConsentEventInput extends PersonIdentifiers {
  /** Client-made event id (uuid); the server stores each `(project, id)` once. */
  id?: string;
  /** The consent type's id (uuid). */
  consentType?: string;
  /** The consent type's category. */
  category?: ConsentCategory;
  /** Free-form subcategory. */
  subcategory?: unknown;
  /** The consent type's label. */
  label?: string;
  /** The recorded state. */
  consentState: ConsentState;
  /** How the state came about. */
  consentAction: ConsentAction;
  /** When the person decided (ISO 8601 date-time). */
  consentDate?: string;
  /** When the decision stops being valid (ISO 8601 date-time). */
  expirationDate?: string;
  /**
   * What the person saw and where (Assent's own addition, Site API only: seed 000's paths keep
   * their exact schema).
   */
  proof?: ConsentProof;
}

/** Where a decision was made. */
export type ProofSurface = 'notice' | 'preferences' | 'api' | 'gate' | 'link' | 'import' | 'signal';

/** The privacy signals the browser sent when the decision was made. */
export interface ProofSignals {
  /** Global Privacy Control was on (`navigator.globalPrivacyControl` or `Sec-GPC: 1`). */
  gpc?: boolean;
  /**
   * With `gpc` on only (issue 21): the opt-out preference signal was honoured, that is, some
   * purpose stood declined by the signal when the event was made, as the preference center's and
   * the floating button's "Opt-out preference signal honoured" said. `false`: the signal was on
   * but declined nothing that stood (the visitor opted in themselves, or no purpose is a sale or
   * sharing where they are).
   */
  gpcHonoured?: boolean;
}

/** The IAB TCF strings in force when the event was made (issue 20): the ones its decision made. */
export interface ProofTcf {
  /**
   * The TC string (TCF 2.3): base64url segments separated by `.` (the core, Disclosed Vendors,
   * publisher segments); the server decodes it with `@iabtechlabtcf/core` and refuses it if it
   * cannot.
   */
  tcString: string;
  /** Google's Additional Consent string v2 (`2~<consented ids>~dv.<disclosed ids>`). */
  acString?: string;
}

/** The IAB GPP string in force when the event was made (issue 21). */
export interface ProofGpp {
  /** The GPP string (`DB…` header, then a segment per section, separated by `~`). */
  gppString: string;
  /**
   * The ids of the sections in force for the visitor (GPP 1.1 `applicableSections`: 8 for
   * `usca`, 7 for `usnat`, `-1` for none); each must be a section of `gppString`.
   */
  applicableSections?: number[];
}

/**
 * An event's proof: what the person saw, in which language, where, and with which signals.
 * A closed set of optional keys (`proofSchema` in `schemas.ts` has `additionalProperties: false`):
 * a feature that proves more (a TCF or GPP string, a consent link's collection point) adds its
 * key here, to `proofSchema` and to the README's table of proof keys, never an ad hoc field. The
 * server stores it with the event and the chain's hash covers it.
 */
export interface ConsentProof {
  /** SHA-256 (hex) of the notice snapshot shown (`noticeSnapshotText` in `proof.ts`). */
  noticeHash?: string;
  /** BCP 47 tag of the language shown. */
  language?: string;
  /** Where the decision was made. */
  surface?: ProofSurface;
  /** Privacy signals present. */
  signals?: ProofSignals;
  /** The TC string and AC string, in a project that enables the IAB TCF. */
  tcf?: ProofTcf;
  /** The GPP string, for a US visitor of a project that enables IAB GPP. */
  gpp?: ProofGpp;
  /**
   * The snapshot itself, sent with the first event that names its hash: the server checks it
   * hashes to `noticeHash`, stores it once per project and keeps only the hash with the event.
   */
  notice?: NoticeSnapshot;
}

/** One consent type as a notice showed it. */
export interface NoticeSnapshotType {
  id: string;
  label: string;
  version: number;
  category: string;
  name: string;
  description: string;
  required?: boolean;
  url?: string;
}

/**
 * The exact content a surface showed, canonical and hashable: the texts in the language shown,
 * the types with their versions and descriptions, and the buttons offered.
 */
export interface NoticeSnapshot {
  /** The surface that showed it (`notice`, `preferences`, `gate`, `link`). */
  surface: ProofSurface;
  /** BCP 47 tag of the language shown. */
  language: string;
  /** The texts shown, by their name in the widget's strings (`title`, `description`, …). */
  texts: Record<string, string>;
  /** The types shown, in order. */
  types: NoticeSnapshotType[];
  /** The buttons offered, in order, by the name of their text (`rejectAll`, `acceptAll`, …). */
  buttons: string[];
}

/** A consent event as the server stores and returns it: exactly seed 001's response. */
export interface ConsentEventRecord {
  id: string;
  concordId: string;
  consentAction: ConsentAction;
  consentDate: string;
  consentState: ConsentState;
  expirationDate: string;
  dateCreated?: string;
  dateUpdated?: string;
  consentType?: string;
  organization?: string;
  project?: string;
  session?: {
    id?: string;
    ipAddress?: string;
    domain?: string;
    geography?: string;
    userAgent?: string;
  };
  category?: ConsentCategory;
  subcategory?: unknown;
  label?: string;
  version?: number;
}

/** A visitor's decision on one consent type, as the widget keeps it. */
export interface Decision {
  /** The consent type's label. */
  label: string;
  /** The consent type's id. */
  consentType: string;
  /** The consent type's version when the visitor decided. */
  version: number;
  /** `accepted`, `declined` or `implied`. */
  state: ConsentState;
  /** How it came about. */
  action: ConsentAction;
  /** When (ISO 8601). */
  consentDate: string;
  /** Until when it is valid (ISO 8601). */
  expirationDate: string;
  /** The id of the event that recorded it. */
  eventId: string;
}

/** Texts of the notice in one language. Plain text: nothing here is rendered as HTML. */
export interface NoticeTexts {
  /** Heading of the notice. */
  title: string;
  /** Body text of the notice. */
  description: string;
  /** Label of the button that accepts every type shown. */
  acceptAll: string;
  /** Label of the button that declines every type shown. */
  rejectAll: string;
  /** Label of the button that opens the per-type choice. */
  customize: string;
  /** Label of the button that saves the per-type choice. */
  save: string;
  /** Label of a locked, required type. */
  alwaysOn: string;
  /** Text of the privacy policy link. */
  privacyPolicy: string;
}

/** Where the notice sits in the viewport (see {@link SiteConfig.layout}). */
export type NoticeLayout = 'bar-bottom' | 'bar-top' | 'box' | 'modal';

/** The bottom corner the floating preferences button sits in (see {@link SiteConfig.floatingButton}). */
export type FloatingButtonPosition = 'left' | 'right';

/** Light, dark, or whichever the visitor's system prefers (`prefers-color-scheme`). */
export type ThemeMode = 'light' | 'dark' | 'auto';

/** Colours of the widget; everything else is themed through CSS custom properties and `::part()`. */
export interface WidgetTheme {
  /** Colour of buttons, switches and links, as a hex colour (`#1f5f8b`); anything else is ignored. */
  accent: string;
  /**
   * Light or dark colours, or the visitor's system preference. The script tag's `data-theme`
   * overrides it.
   * @default 'auto'
   */
  mode?: ThemeMode;
}

/** `GET /site-v1/{projectId}/site-client`: everything the widget needs to know about a project. */
export interface SiteConfig {
  /** The project's id. */
  projectId: string;
  /** The project's name, shown nowhere but useful for debugging. */
  name: string;
  /** Every consent type of the project, whatever its status. */
  consentTypes: ConsentType[];
  /** Duration for types without `consentDuration`. */
  defaultConsentDuration: string;
  /**
   * After "Reject all" the notice stays away at least this long (ISO 8601, `P6M` by default;
   * issue 17): a refusal lasts at least this long, within its category's cap.
   */
  declineDuration?: string;
  /** Notice texts per language (BCP 47 primary tag). */
  texts: Record<string, NoticeTexts>;
  /** The language used when the visitor's is not in `texts`. */
  defaultLanguage: string;
  /** Link to the site's privacy policy. */
  privacyPolicyUrl?: string;
  /** Colours of the widget. */
  theme: WidgetTheme;
  /**
   * Where the notice sits: a bar along the bottom or top edge, a box in a bottom corner, or a
   * modal in the centre of the viewport. A script-tag option only (`data-layout`): the server
   * sends no layout, the loader lays the tag's over the config.
   * @default 'bar-bottom'
   */
  layout?: NoticeLayout;
  /**
   * The notice blocks the page until a choice: it becomes a modal dialog that keeps focus and
   * makes the page inert (only with `layout: 'modal'`). A script-tag option only
   * (`data-blocking`): the server sends none.
   * @default false
   */
  blocking?: boolean;
  /**
   * Once the visitor has decided, a small round button in a bottom corner reopens the preference
   * center (`true` is the left corner). Hidden while the notice or the preference center is open.
   * A script-tag option only (`data-floating-button`, `="right"` for the right corner): the
   * server sends none.
   * @default false
   */
  floatingButton?: boolean | FloatingButtonPosition;
  /** The visitor's geography as the server resolved it (`unknown` when it could not). */
  geography: string;
  /** The policy for that geography. */
  policy: ConsentPolicy;
  /**
   * The config request carried `Sec-GPC: 1` (Global Privacy Control).
   * @default false
   */
  gpc?: boolean;
  /**
   * The US state law of the visitor's geography (`src/core/us-states.ts`), when there is one:
   * which opt-outs Global Privacy Control declines there, and the notices it needs.
   */
  usState?: UsStateRule;
  /**
   * The labels Global Privacy Control declines for this visitor (`gpcDeclinedLabels`); configs
   * cached before issue 21 lack it, and the types marked `sale_or_sharing` are declined.
   */
  gpcDeclines?: string[];
  /**
   * The IAB Global Privacy Platform (`window.__gpp`), sent only when the project enables it: the
   * sections the project's CMP writes.
   */
  gpp?: { sections: GppUsSection[] };
  /**
   * How decisions reach Google tags through `dataLayer` (Consent Mode v2).
   * @default { enabled: true } with the built-in mapping
   */
  googleConsentMode?: GoogleConsentModeOptions;
  /**
   * Reload the page after the visitor withdraws a consent, so that tags already running stop.
   * @default false
   */
  reloadOnWithdrawal?: boolean;
  /**
   * The IAB TCF CMP's settings for this visitor (issue 20); only when the project enables TCF.
   * The loader then imports the TCF chunk, which answers `__tcfapi`.
   */
  tcf?: TcfSiteConfig;
}

/** The consent types of Google Consent Mode v2. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** A `consent default` for some regions only, where their policy allows more by default. */
export interface GoogleConsentRegionDefault {
  /** ISO 3166-1 alpha-2 countries or ISO 3166-2 subdivisions (`US`, `US-CA`). */
  region: string[];
  /** Types granted by default there; every other type stays denied. */
  granted: GoogleConsentType[];
}

/** Google Consent Mode v2 settings of a project. */
export interface GoogleConsentModeOptions {
  /**
   * Push consent commands and the `assent_ready` / `assent_change` events to `dataLayer`.
   * @default true
   */
  enabled?: boolean;
  /**
   * Which Google consent types each label grants. A Google type is granted when every label of
   * the project that names it is allowed; a type no label of the project names stays denied.
   * @default { necessary: ['functionality_storage', 'security_storage'], analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'], preferences: ['functionality_storage', 'personalization_storage'] }
   */
  mapping?: Record<string, GoogleConsentType[]>;
  /**
   * How long Google tags wait for the `consent update` after the default (milliseconds).
   * @default 500
   */
  waitForUpdate?: number;
  /**
   * Region-specific defaults, applied from the visitor's second page view on (the first page
   * view only knows the strict default; see the README's inline snippet).
   * @default []
   */
  regions?: GoogleConsentRegionDefault[];
  /**
   * `gtag('set', 'ads_data_redaction', true)`: redact ad click ids while `ad_storage` is denied.
   * @default false
   */
  adsDataRedaction?: boolean;
  /**
   * `gtag('set', 'url_passthrough', true)`: pass ad click ids through URLs while storage is denied.
   * @default false
   */
  urlPassthrough?: boolean;
}

/**
 * One decision of `GET …/consent-state` and `PUT …/profile`: only what the widget needs to adopt
 * it. Never another visitor's id, session, domain, address or browser (issue 22 §1).
 */
export type ConsentStateItem = Pick<
  ConsentEventRecord,
  | 'id'
  | 'label'
  | 'consentType'
  | 'version'
  | 'consentState'
  | 'consentAction'
  | 'consentDate'
  | 'expirationDate'
>;

/** `POST /site-v1/{projectId}/sessions` → 201. */
export interface SiteSession {
  id: string;
  token: string;
  concordId: string;
  geography: string;
  expiresAt: string;
  /**
   * Answered once, to a session that asked for a new visitor (`{}`): the secret a session for
   * this `concordId` needs from now on. Only its hash is stored.
   */
  visitorSecret?: string;
}

/** The seeds' error body. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/**
 * What a US state privacy law lets a person opt out of. `sharing` is California's "sharing for
 * cross-context behavioral advertising"; the other states call that `targeted_advertising`.
 */
export type OptOutCategory = 'sale' | 'sharing' | 'targeted_advertising' | 'sensitive_data';

/** The GPP sections Assent encodes (IAB GPP; `usnat` is section 7, the states 8-12). */
export type GppUsSection = 'usnat' | 'usca' | 'usva' | 'usco' | 'usut' | 'usct';

/** One state's comprehensive privacy law, as far as the widget acts on it. */
export interface UsStateRule {
  /** ISO 3166-2 code, as in `data-region` (`US-CA`). */
  region: string;
  /** The law's short name. */
  law: string;
  /** When its obligations started (ISO date); the rule applies from then on. */
  effective: string;
  /** What a person may opt out of (sensitive data is opt-in consent where it is absent). */
  optOuts: OptOutCategory[];
  /**
   * An opt-out preference signal (Global Privacy Control) must be honoured, and for which of the
   * opt-outs; empty where the law does not require it (the widget still honours GPC there, for
   * sale and targeted advertising: `GPC_DEFAULT`).
   */
  gpc: OptOutCategory[];
  /** The notices the law needs. */
  notice: {
    /** A notice at collection, before or when personal information is collected (CCPA §1798.100(b)). */
    atCollection: boolean;
    /** The opt-out link's wording: California's "Do Not Sell or Share" or a general "opt out". */
    optOutLink: 'do-not-sell-or-share' | 'opt-out';
    /** The site must show that it honoured the signal (CCPA regulations §7025(c)(6), 2026). */
    signalHonoured: boolean;
  };
  /** The state's own GPP section when there is one Assent encodes; else `usnat` carries it. */
  gppSection: GppUsSection;
}

/** The GPP sections a project may turn on (the Privacy API's `gpp.sections`). */
export const GPP_US_SECTIONS: readonly GppUsSection[] = [
  'usnat',
  'usca',
  'usva',
  'usco',
  'usut',
  'usct',
];

/** A project's IAB Global Privacy Platform setting (`PATCH` of the project, issue 21). */
export interface GppSettings {
  /** `window.__gpp` answers on the project's pages. @default false */
  enabled: boolean;
  /** The sections written where the visitor's jurisdiction uses them. @default ['usnat'] */
  sections: GppUsSection[];
}

/** A project's TCF settings, as the Privacy API reads and writes them. */
export interface TcfSettings {
  /** The project runs a TCF CMP: `__tcfapi`, the TC string, the TCF notice. */
  enabled: boolean;
  /** The CMP id the IAB registered for the site owner (2–4095); 0 until registered. */
  cmpId: number;
  /** The version of the CMP, raised when its interface changes (1–4095). */
  cmpVersion: number;
  /** ISO 3166-1 alpha-2 country of the publisher's establishment. */
  publisherCountryCode: string;
  /** The GVL ids of the vendors the site works with (at most 1000). */
  vendors: number[];
  /** The TCF purposes (1–11) the vendors are asked consent for. */
  purposes: number[];
  /** The special features (1–2) asked for. */
  specialFeatures: number[];
  /**
   * The purposes vendors may use on legitimate interest, with the visitor's right to object;
   * purposes 1 and 3–6 never can (TCF policy, Appendix A).
   */
  legitimateInterestPurposes: number[];
  /** Google ad technology providers not in the GVL, by Google's ATP id (Additional Consent v2). */
  googleAcProviders: number[];
}

/** What the widget receives in `site-client` when TCF is enabled. */
export interface TcfSiteConfig extends Omit<TcfSettings, 'enabled'> {
  /** Whether GDPR applies to this visitor, from the geography the server resolved. */
  gdprApplies: boolean;
}
