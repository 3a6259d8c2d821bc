/*
 * Fake gtag.js for the e2e suite and the scanner, served from a second loopback origin. Like the
 * real library it reads dataLayer in order (commands are `arguments` objects), keeps the consent
 * state, waits for the queued commands (wait_for_update) before it sends, and sends a hit to its
 * own origin for each `config` and `event` only while analytics_storage is granted.
 */
(function () {
  'use strict';
  var origin = new URL(document.currentScript.src).origin;
  var consent = {};
  var log = (window.__gtag = { commands: [], hits: [] });
  var pending = [];
  var started = false;

  function send(kind, name) {
    var state = {
      analytics_storage: consent.analytics_storage,
      ad_storage: consent.ad_storage,
    };
    log.hits.push({ kind: kind, name: name, consent: state });
    if (consent.analytics_storage !== 'granted') return;
    document.cookie = '_ga_fake=GA1.1.' + Date.now() + '; path=/; max-age=3600';
    var img = new Image();
    img.src = origin + '/trackers/hit.svg?t=' + kind + '&n=' + encodeURIComponent(name);
  }

  function handle(entry) {
    if (!entry || typeof entry.length !== 'number' || typeof entry === 'string') return;
    var args = Array.prototype.slice.call(entry);
    log.commands.push(args[0] + (args[1] && typeof args[1] === 'string' ? ' ' + args[1] : ''));
    if (args[0] === 'consent') {
      var values = args[2] || {};
      // A region-specific default does not apply to this (unknown-region) visitor.
      if (args[1] === 'default' && values.region) return;
      for (var key in values) if (/_storage$|^ad_/.test(key)) consent[key] = values[key];
    } else if (args[0] === 'config' || args[0] === 'event') {
      if (started) send(args[0], String(args[1]));
      else pending.push([args[0], String(args[1])]);
    }
  }

  var dataLayer = (window.dataLayer = window.dataLayer || []);
  for (var i = 0; i < dataLayer.length; i++) handle(dataLayer[i]);
  started = true;
  pending.forEach(function (hit) {
    send(hit[0], hit[1]);
  });
  var push = dataLayer.push;
  dataLayer.push = function () {
    for (var j = 0; j < arguments.length; j++) handle(arguments[j]);
    return push.apply(dataLayer, arguments);
  };
})();
