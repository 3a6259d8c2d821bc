/* Northwind Coffee site behaviour: the current nav link. Never throws.
 * (Buttons with data-assent-open need no code here: the Assent loader handles them.) */
(function () {
  'use strict';
  try {
    var path = (location.pathname.split('/').pop() || 'index.html').toLowerCase();
    if (path.indexOf('.') === -1) path = 'index.html';
    var links = document.querySelectorAll('.site-nav a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = (links[i].getAttribute('href') || '').split('/').pop().toLowerCase();
      if (href === path) {
        links[i].classList.add('is-current');
        links[i].setAttribute('aria-current', 'page');
      }
    }
  } catch (err) {
    /* ignore */
  }
})();
