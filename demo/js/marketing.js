/* Fake marketing tag for the Northwind Coffee demo. No network. */
(function () {
  'use strict';
  window.__marketingRuns = (window.__marketingRuns || 0) + 1;
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: 'marketing:run' });
  var el = document.getElementById('status-marketing');
  if (el) {
    el.setAttribute('data-state', 'on');
    el.textContent = 'Marketing: running';
  }
})();
