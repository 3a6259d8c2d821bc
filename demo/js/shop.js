/* Northwind Coffee shop: "Add to cart" updates the cart count. Never throws. */
(function () {
  'use strict';
  var count = 0;
  try {
    var saved = parseInt(window.sessionStorage.getItem('northwind-cart') || '0', 10);
    if (saved > 0) count = saved;
  } catch (err) {
    /* storage unavailable */
  }

  function render() {
    try {
      var els = document.querySelectorAll('[data-cart-count]');
      for (var i = 0; i < els.length; i++) els[i].textContent = String(count);
    } catch (err) {
      /* ignore */
    }
  }

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  ready(function () {
    render();
    try {
      document.addEventListener('click', function (e) {
        var t = e.target;
        var btn = t && t.closest ? t.closest('[data-add-to-cart]') : null;
        if (!btn) return;
        count += 1;
        try {
          window.sessionStorage.setItem('northwind-cart', String(count));
        } catch (err) {
          /* ignore */
        }
        render();
        var status = document.getElementById('cart-status');
        if (status)
          status.textContent = (btn.getAttribute('data-add-to-cart') || 'Item') + ' added to cart.';
        var label = btn.querySelector('.btn-label');
        if (label) {
          label.textContent = 'Added ✓';
          setTimeout(function () {
            label.textContent = 'Add to cart';
          }, 1200);
        }
      });
    } catch (err) {
      /* ignore */
    }
  });
})();
