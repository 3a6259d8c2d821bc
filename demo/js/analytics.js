/* Fake analytics tag for the Northwind Coffee demo. No network; one cookie. */
(function () {
  'use strict';
  window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: 'analytics:run' });
  // A first-party cookie, deleted by Assent when the visitor withdraws analytics.
  document.cookie = '_nw_an=' + Date.now() + '; path=/; max-age=15552000; samesite=lax';
  var el = document.getElementById('status-analytics');
  if (el) {
    el.setAttribute('data-state', 'on');
    el.textContent = 'Analytics: running';
  }
})();
