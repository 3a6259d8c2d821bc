___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Assent Consent Management",
  "categories": ["TAG_MANAGEMENT", "UTILITY"],
  "brand": {
    "id": "brand_dummy",
    "displayName": "Assent"
  },
  "description": "Loads the Assent consent widget, sets Google Consent Mode v2 defaults by region (basic or advanced mode), maps Assent's consent labels to Google's consent types and updates consent on every decision.",
  "containerContexts": ["WEB"]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "scriptUrl",
    "displayName": "Assent loader URL",
    "simpleValueType": true,
    "defaultValue": "https://consent.example.com/assent/assent.js",
    "help": "The assent.js your Assent server serves (its origin is also the site API's).",
    "valueValidators": [{ "type": "NON_EMPTY" }, { "type": "REGEX", "args": ["^https://.+/assent\\.js$"] }]
  },
  {
    "type": "TEXT",
    "name": "projectId",
    "displayName": "Project id",
    "simpleValueType": true,
    "valueValidators": [{ "type": "REGEX", "args": ["^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"] }]
  },
  {
    "type": "RADIO",
    "name": "mode",
    "displayName": "Consent Mode",
    "radioItems": [
      { "value": "advanced", "displayValue": "Advanced: Google tags load at once with the defaults and send cookieless pings until consent" },
      { "value": "basic", "displayValue": "Basic: trigger Google tags on the assent_consent_update event; ads data is redacted until consent" }
    ],
    "simpleValueType": true,
    "defaultValue": "advanced"
  },
  {
    "type": "TEXT",
    "name": "defaultGranted",
    "displayName": "Google consent types granted by default everywhere (comma-separated)",
    "simpleValueType": true,
    "defaultValue": "security_storage"
  },
  {
    "type": "SIMPLE_TABLE",
    "name": "regionDefaults",
    "displayName": "Defaults by region",
    "help": "Regions are ISO 3166-1 countries or ISO 3166-2 subdivisions (US, US-CA), comma-separated; the types listed are granted by default there, every other type is denied.",
    "simpleTableColumns": [
      { "defaultValue": "", "displayName": "Regions", "name": "region", "type": "TEXT" },
      { "defaultValue": "", "displayName": "Granted types", "name": "granted", "type": "TEXT" }
    ]
  },
  {
    "type": "SIMPLE_TABLE",
    "name": "mapping",
    "displayName": "Assent labels to Google consent types",
    "help": "A Google type is granted when every label naming it is allowed. Empty: the built-in mapping (analytics, marketing, preferences, necessary).",
    "simpleTableColumns": [
      { "defaultValue": "", "displayName": "Assent label", "name": "label", "type": "TEXT" },
      { "defaultValue": "", "displayName": "Google types (comma-separated)", "name": "types", "type": "TEXT" }
    ]
  },
  {
    "type": "TEXT",
    "name": "waitForUpdate",
    "displayName": "Wait for update (ms)",
    "simpleValueType": true,
    "defaultValue": 500,
    "valueValidators": [{ "type": "NON_NEGATIVE_NUMBER" }]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const setDefaultConsentState = require('setDefaultConsentState');
const updateConsentState = require('updateConsentState');
const injectScript = require('injectScript');
const callInWindow = require('callInWindow');
const createQueue = require('createQueue');
const gtagSet = require('gtagSet');
const encodeUriComponent = require('encodeUriComponent');
const makeNumber = require('makeNumber');
const logToConsole = require('logToConsole');

const GOOGLE_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage'
];
// The same built-in mapping as the widget's own Consent Mode (src/core/types.ts).
const BUILT_IN = {
  necessary: ['functionality_storage', 'security_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: ['functionality_storage', 'personalization_storage']
};

const list = (text) => {
  const out = [];
  (text || '').split(',').forEach((part) => {
    const item = part.trim();
    if (item) out.push(item);
  });
  return out;
};

const consentOf = (granted) => {
  const state = {};
  GOOGLE_TYPES.forEach((type) => {
    state[type] = granted.indexOf(type) >= 0 ? 'granted' : 'denied';
  });
  return state;
};

const mapping = {};
const rows = data.mapping || [];
if (rows.length) {
  rows.forEach((row) => {
    if (row.label) mapping[row.label] = list(row.types);
  });
} else {
  for (const label in BUILT_IN) mapping[label] = BUILT_IN[label];
}

// Defaults: the strictest everywhere first, then each region's own (Google applies the most
// specific region that matches).
const everywhere = consentOf(list(data.defaultGranted));
everywhere.wait_for_update = makeNumber(data.waitForUpdate) || 500;
setDefaultConsentState(everywhere);
(data.regionDefaults || []).forEach((row) => {
  const regions = list(row.region);
  if (!regions.length) return;
  const state = consentOf(list(row.granted));
  state.region = regions;
  setDefaultConsentState(state);
});
const basic = data.mode === 'basic';
gtagSet('ads_data_redaction', basic);
gtagSet('developer_id.dYWJhMj', true);

const dataLayerPush = createQueue('dataLayer');
const allowing = (state) => state === 'accepted' || state === 'implied';

// A Google type is granted when every label of the project that names it is allowed; a type no
// label of the project names stays as its default.
const onDecision = (detail) => {
  const states = (detail && detail.states) || {};
  const update = {};
  for (const label in mapping) {
    if (states[label] === undefined) continue;
    mapping[label].forEach((type) => {
      const granted = allowing(states[label]) && update[type] !== 'denied';
      update[type] = granted ? 'granted' : 'denied';
    });
  }
  let any = false;
  for (const type in update) any = true;
  if (any) updateConsentState(update);
  dataLayerPush({ event: 'assent_consent_update', assentStates: states, assentMode: data.mode });
};

const url = data.scriptUrl + '?project=' + encodeUriComponent(data.projectId);
injectScript(
  url,
  () => {
    callInWindow('assent.on', 'ready', onDecision);
    callInWindow('assent.on', 'change', onDecision);
    data.gtmOnSuccess();
  },
  () => {
    logToConsole('Assent: the loader could not be loaded from', url);
    data.gtmOnFailure();
  },
  'assent'
);


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": { "publicId": "access_consent", "versionId": "1" },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"ad_storage"},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"ad_user_data"},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"ad_personalization"},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"analytics_storage"},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"functionality_storage"},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"personalization_storage"},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"consentType"},{"type":1,"string":"read"},{"type":1,"string":"write"}],"mapValue":[{"type":1,"string":"security_storage"},{"type":8,"boolean":false},{"type":8,"boolean":true}]}
            ]
          }
        }
      ]
    },
    "clientAnnotations": { "isEditedByUser": true },
    "isRequired": true
  },
  {
    "instance": {
      "key": { "publicId": "inject_script", "versionId": "1" },
      "param": [{ "key": "urls", "value": { "type": 2, "listItem": [{ "type": 1, "string": "https://*/assent/assent.js*" }] } }]
    },
    "clientAnnotations": { "isEditedByUser": true },
    "isRequired": true
  },
  {
    "instance": {
      "key": { "publicId": "access_globals", "versionId": "1" },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {"type":3,"mapKey":[{"type":1,"string":"key"},{"type":1,"string":"read"},{"type":1,"string":"write"},{"type":1,"string":"execute"}],"mapValue":[{"type":1,"string":"assent.on"},{"type":8,"boolean":false},{"type":8,"boolean":false},{"type":8,"boolean":true}]},
              {"type":3,"mapKey":[{"type":1,"string":"key"},{"type":1,"string":"read"},{"type":1,"string":"write"},{"type":1,"string":"execute"}],"mapValue":[{"type":1,"string":"dataLayer"},{"type":8,"boolean":true},{"type":8,"boolean":true},{"type":8,"boolean":false}]}
            ]
          }
        }
      ]
    },
    "clientAnnotations": { "isEditedByUser": true },
    "isRequired": true
  },
  {
    "instance": {
      "key": { "publicId": "write_data_layer", "versionId": "1" },
      "param": [{ "key": "keyPatterns", "value": { "type": 2, "listItem": [{ "type": 1, "string": "ads_data_redaction" }, { "type": 1, "string": "developer_id.dYWJhMj" }] } }]
    },
    "clientAnnotations": { "isEditedByUser": true },
    "isRequired": true
  },
  {
    "instance": {
      "key": { "publicId": "logging", "versionId": "1" },
      "param": [{ "key": "environments", "value": { "type": 1, "string": "debug" } }]
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: sets the strict default everywhere and each region's own
  code: |-
    runCode(mockData);
    assertApi('setDefaultConsentState').wasCalledWith({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
      wait_for_update: 500
    });
    assertApi('setDefaultConsentState').wasCalledWith({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'granted',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'denied',
      region: ['US-TX', 'US-FL']
    });
    assertApi('gtagSet').wasCalledWith('ads_data_redaction', false);
- name: loads the loader with the project and reports success
  code: |-
    runCode(mockData);
    assertApi('injectScript').wasCalled();
    assertThat(injectedUrl).isEqualTo('https://consent.example.com/assent/assent.js?project=00000000-0000-4000-8000-00000000000b');
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: reports failure when the loader cannot load
  code: |-
    injectFails = true;
    runCode(mockData);
    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: maps Assent labels to Google types and updates on a decision
  code: |-
    runCode(mockData);
    assertThat(handlers.change).isDefined();
    handlers.change({ states: { necessary: 'accepted', analytics: 'accepted', marketing: 'declined' } });
    assertApi('updateConsentState').wasCalledWith({
      functionality_storage: 'granted',
      security_storage: 'granted',
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied'
    });
    assertThat(pushed[0].event).isEqualTo('assent_consent_update');
- name: denies a Google type when one of the labels naming it is declined, with its own mapping
  code: |-
    mockData.mapping = [
      { label: 'ads', types: 'ad_storage, ad_user_data' },
      { label: 'remarketing', types: 'ad_storage' }
    ];
    runCode(mockData);
    handlers.ready({ states: { ads: 'implied', remarketing: 'declined' } });
    assertApi('updateConsentState').wasCalledWith({ ad_storage: 'denied', ad_user_data: 'granted' });
- name: redacts ads data in basic mode
  code: |-
    mockData.mode = 'basic';
    runCode(mockData);
    assertApi('gtagSet').wasCalledWith('ads_data_redaction', true);
setup: |-
  const mockData = {
    scriptUrl: 'https://consent.example.com/assent/assent.js',
    projectId: '00000000-0000-4000-8000-00000000000b',
    mode: 'advanced',
    defaultGranted: 'security_storage',
    regionDefaults: [
      { region: 'US-TX, US-FL', granted: 'ad_storage,ad_user_data,ad_personalization,analytics_storage' }
    ],
    mapping: [],
    waitForUpdate: '500'
  };
  let injectedUrl;
  let injectFails = false;
  const handlers = {};
  const pushed = [];
  mock('injectScript', (url, onSuccess, onFailure) => {
    injectedUrl = url;
    if (injectFails) onFailure();
    else onSuccess();
  });
  mock('callInWindow', (path, name, handler) => {
    if (path === 'assent.on') handlers[name] = handler;
  });
  mock('createQueue', () => (value) => pushed.push(value));


___NOTES___

Assent's Google Tag Manager template (issue 21). Import it in GTM: Templates → Tag Templates →
New → ⋮ → Import, then add an "Assent Consent Management" tag on the "Consent Initialization -
All Pages" trigger. Its tests run in GTM's template editor and, outside GTM, in `npm test`
(`integrations/gtm/template.test.ts` runs the sandboxed code against mocks of the GTM APIs).
