/* Fake analytics tag for the Northwind Coffee demo. No network. */
(function () {
  'use strict';
  window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: 'analytics:run' });
  var el = document.getElementById('status-analytics');
  if (el) {
    el.setAttribute('data-state', 'on');
    el.textContent = 'Analytics: running';
  }
})();
