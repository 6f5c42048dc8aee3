// Idle logout that warns first (WCAG 2.2.1): the page knows the server's idle timeout (data-idle-seconds); some
// time before it ends (data-warn-seconds) a dialog counts down and offers to continue, which asks the server to
// keep the session (any request of the session does). At the end the page logs out and shows the goodbye page.
(function () {
  'use strict';
  var body = document.body;
  var idle = parseInt(body.getAttribute('data-idle-seconds'), 10);
  var warn = parseInt(body.getAttribute('data-warn-seconds'), 10);
  var dialog = document.getElementById('idle-dialog');
  if (!idle || !warn || !dialog) { return; }
  var seconds = document.getElementById('idle-seconds');
  var extend = document.getElementById('idle-extend');
  var deadline, warnTimer, tick;

  function schedule() {
    deadline = Date.now() + idle * 1000;
    clearTimeout(warnTimer);
    clearInterval(tick);
    warnTimer = setTimeout(showWarning, (idle - warn) * 1000);
  }

  function showWarning() {
    if (typeof dialog.showModal === 'function') { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
    extend.focus();
    update();
    tick = setInterval(update, 1000);
  }

  function update() {
    // a few seconds early, so that the logout still finds the session (and its CSRF token) alive
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000) - 5);
    seconds.textContent = String(left);
    if (left <= 0) {
      clearInterval(tick);
      var form = document.getElementById('logout-form');
      if (form) { form.submit(); } else { window.location.href = '/logged-out'; }
    }
  }

  extend.addEventListener('click', function () {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {};
    if (header && token) { headers[header.content] = token.content; }
    fetch('/session/extend', { method: 'POST', credentials: 'same-origin', headers: headers })
      .then(function (response) {
        if (!response.ok) { window.location.href = '/logged-out'; return; }
        if (dialog.open) { dialog.close(); }
        schedule();
      });
  });

  schedule();
}());
