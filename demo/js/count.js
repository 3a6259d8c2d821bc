/* Test helper: records which gated script ran, in order. */
(function () {
  'use strict';
  var runs = (window.__runs = window.__runs || []);
  var s = document.currentScript;
  runs.push(s && s.dataset ? s.dataset.name : undefined);
})();
