/*
 * Google tags with the TCF: `gtag_enable_tcf_support` makes them read the TC string through
 * `__tcfapi` (advertiser TCF mode). Set before any Google tag loads; Assent's Consent Mode
 * defaults (set synchronously by the loader) stay first in dataLayer.
 */
window.dataLayer = window.dataLayer || [];
window.gtag_enable_tcf_support = true;
