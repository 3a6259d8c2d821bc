/* Fake marketing tag for the Northwind Coffee demo. No network; one cookie. */
(function () {
  'use strict';
  window.__marketingRuns = (window.__marketingRuns || 0) + 1;
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: 'marketing:run' });
  // A first-party cookie, deleted by Assent when the visitor withdraws marketing.
  document.cookie = '_nw_px=' + Date.now() + '; path=/; max-age=15552000; samesite=lax';
  var el = document.getElementById('status-marketing');
  if (el) {
    el.setAttribute('data-state', 'on');
    el.textContent = 'Marketing: running';
  }
})();
