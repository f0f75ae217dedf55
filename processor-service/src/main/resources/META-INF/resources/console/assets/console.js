// Shows every <time datetime="..."> in the browser's time zone and language; the UTC instant stays on hover.
(function () {
  function localize(root) {
    var lang = document.documentElement.lang || undefined;
    var format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      if (el.dataset.localized) { return; }
      var at = new Date(el.getAttribute('datetime'));
      if (isNaN(at)) { return; }
      el.title = at.toISOString().replace('T', ' ').replace('Z', ' UTC');
      el.textContent = format.format(at);
      el.dataset.localized = 'true';
    });
  }
  document.addEventListener('DOMContentLoaded', function () { localize(document); });
  document.addEventListener('htmx:afterSettle', function (e) { localize(e.target); });
})();
