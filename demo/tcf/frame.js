/*
 * A vendor inside an iframe (TCF "CMP JS API", "How can vendors that use iframes call the CMP
 * API from an iframe?"): finds the __tcfapiLocator frame up the window chain and calls
 * __tcfapi through postMessage. `window.tcfCall(command, parameter)` answers a promise.
 */
(function () {
  'use strict';
  var frame = window;
  var locator = null;
  while (frame) {
    try {
      if (frame.frames['__tcfapiLocator']) {
        locator = frame;
        break;
      }
    } catch (e) {
      /* another origin's window: keep looking up */
    }
    if (frame === window.top) break;
    frame = frame.parent;
  }
  var pending = {};
  var next = 0;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch (e) {
        return;
      }
    }
    var answer = data && data.__tcfapiReturn;
    if (answer && pending[answer.callId]) pending[answer.callId](answer);
  });
  window.tcfCall = function (command, parameter) {
    return new Promise(function (resolve, reject) {
      if (!locator) return reject(new Error('no __tcfapiLocator frame'));
      var callId = 'call-' + next++;
      pending[callId] = function (answer) {
        delete pending[callId];
        resolve(answer);
      };
      locator.postMessage(
        { __tcfapiCall: { command: command, version: 2, callId: callId, parameter: parameter } },
        '*',
      );
    });
  };
})();
