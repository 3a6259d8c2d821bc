/* The region demo: adds the Assent loader with the region (and a simulated GPC signal) taken
 * from the page's query string, as a site owner testing data-region would. Never throws. */
(function () {
  'use strict';
  var params;
  try {
    params = new URLSearchParams(location.search);
  } catch (err) {
    return;
  }
  var region = params.get('region');
  var gpc = params.get('gpc') === '1';
  if (gpc) {
    try {
      // Browsers with GPC expose it here; this demo stands in for such a browser.
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
        get: function () {
          return true;
        },
      });
    } catch (err) {
      /* ignore */
    }
  }
  var loader = document.createElement('script');
  loader.src = '/assent/assent.js';
  loader.setAttribute('data-project', '00000000-0000-4000-8000-00000000000b');
  if (region) loader.setAttribute('data-region', region);
  // The floating button shows "Opt-out preference signal honoured" beside it (issue 21).
  loader.setAttribute('data-floating-button', 'left');
  document.head.appendChild(loader);

  document.addEventListener('DOMContentLoaded', function () {
    var current = document.getElementById('region-current');
    if (current) {
      current.textContent =
        'Region: ' + (region || 'unknown') + (gpc ? ', with Global Privacy Control.' : '.');
    }
    var forget = document.getElementById('forget-choices');
    if (forget) {
      forget.addEventListener('click', function () {
        window.assent = window.assent || [];
        window.assent.push(function (api) {
          api.reset();
        });
      });
    }
  });
})();
