/* E2E fixture: builds the loader setup from the query string (no inline code). */
(function () {
  'use strict';
  var params;
  try {
    params = new URLSearchParams(location.search);
  } catch (err) {
    params = null;
  }
  function get(name) {
    return params ? params.get(name) : null;
  }

  if (get('queue') === '1') {
    window.assent = window.assent || [];
    window.assent.push(function (api) {
      window.__queued = (window.__queued || 0) + 1;
      window.__queuedApi = api;
    });
  }

  var s = document.createElement('script');
  s.src = '/assent/assent.js';
  s.setAttribute('data-project', get('project') || '00000000-0000-4000-8000-00000000000b');
  var api = get('api');
  if (api) s.setAttribute('data-api', api);
  var region = get('region');
  if (region) s.setAttribute('data-region', region);
  if (get('preview') === '1') s.setAttribute('data-preview', '');
  document.head.appendChild(s);
})();

/*
 * Optional `scripts=` parameter: comma-separated `labels:name` pairs (labels separated by
 * spaces, i.e. `+` in the URL). Each adds, once the document is parsed, one more gated
 * `<script type="text/plain" data-consent="labels" src="/js/count.js" data-name="name">`
 * to the body, so tests can check that tags added after load are gated too.
 * Example: ?scripts=analytics:late1,analytics+marketing:late2
 */
(function () {
  'use strict';
  var spec = null;
  try {
    spec = new URLSearchParams(location.search).get('scripts');
  } catch (err) {
    spec = null;
  }
  if (!spec) return;
  function add() {
    var parts = spec.split(',');
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i].trim();
      if (!p) continue;
      var idx = p.lastIndexOf(':');
      var labels = idx > 0 ? p.slice(0, idx).trim() : p;
      var name = idx > 0 ? p.slice(idx + 1).trim() : p.replace(/\s+/g, '-');
      var s = document.createElement('script');
      s.type = 'text/plain';
      s.setAttribute('data-consent', labels);
      s.setAttribute('data-name', name);
      s.src = '/js/count.js';
      document.body.appendChild(s);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', add);
  else add();
})();
