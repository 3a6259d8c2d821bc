/* Northwind Coffee sign-in: the shop's backend vouches for who logged in, and Assent links this
 * browser's consent to that person (assent.identify({ token })). The demo's backend is
 * POST /demo/identity-token, which signs any address (the demo has no passwords); a real site
 * signs on its own backend after its own login, with its project's identity secret (README,
 * "Security"). Never throws. */
(function () {
  'use strict';
  try {
    var form = document.getElementById('login');
    var status = document.getElementById('login-status');
    if (!form) return;
    var say = function (text) {
      if (status) status.textContent = text;
    };
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var email = form.elements.namedItem('email').value;
      fetch('/demo/identity-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email }),
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error('login refused'));
        })
        .then(function (body) {
          window.assent = window.assent || [];
          return new Promise(function (resolve) {
            window.assent.push(function () {
              resolve(window.assent.identify({ token: body.token }));
            });
          });
        })
        .then(function (linked) {
          say(linked ? 'Signed in as ' + email : 'Could not sign in');
        })
        .catch(function () {
          say('Could not sign in');
        });
    });
  } catch (err) {
    /* ignore */
  }
})();
