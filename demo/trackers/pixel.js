/* Fake advertising pixel, served from a second loopback origin: a cookie and a hit. */
(function () {
  'use strict';
  var origin = new URL(document.currentScript.src).origin;
  window.__pixelRuns = (window.__pixelRuns || 0) + 1;
  document.cookie = '_nw_px=' + Date.now() + '; path=/; max-age=3600';
  var img = new Image();
  img.src = origin + '/trackers/hit.svg?t=pixel';
})();
