/* The TCF demo page: what an ad tag does first, synchronously, right after the loader. */
(function () {
  'use strict';
  window.__tcfEvents = [];
  window.__tcfapi('ping', 2, function (ping) {
    window.__pingAtStart = ping;
  });
  window.__tcfapi('addEventListener', 2, function (data, success) {
    if (success) window.__tcfEvents.push(data.eventStatus);
  });
})();
