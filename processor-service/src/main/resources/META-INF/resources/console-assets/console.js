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

// The overview's chart: processed and failed rows per minute (uPlot, from the page's JSON data block).
(function () {
  function draw(root) {
    var box = root.querySelector ? root.querySelector('#chart') : null;
    var data = document.getElementById('chart-data');
    if (!box || !data || typeof uPlot === 'undefined') { return; }
    var series = JSON.parse(data.textContent);
    box.textContent = '';
    new uPlot({
      width: Math.max(320, box.clientWidth || 900), height: 220,
      series: [{}, { label: box.dataset.processed, stroke: '#1a7f37', fill: 'rgba(26,127,55,0.08)' },
               { label: box.dataset.failed, stroke: '#b42318' }],
      axes: [{}, { size: 60 }]
    }, series, box);
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function () { draw(document); });
})();

// A refresh that lands on the login page (the session ended, or the processor's key changed) takes the whole
// window there, instead of swapping the page's content for nothing.
document.addEventListener('htmx:beforeSwap', function (e) {
  var url = e.detail.xhr && e.detail.xhr.responseURL;
  if (url && url.indexOf('/console/login') !== -1) {
    e.detail.shouldSwap = false;
    window.location.assign('/console/login');
  }
});

// The overview refreshes itself only while someone is there: not in a hidden tab, and not once no key or pointer
// has moved for as long as an idle session lasts. A screen left open then neither loads the database nor keeps
// its session alive for ever; the first key or pointer movement resumes it at the next tick.
(function () {
  var last = Date.now();
  function notice() { return document.getElementById('refresh-paused'); }
  function active() {
    last = Date.now();
    if (notice()) { notice().hidden = true; }
  }
  ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, active, { passive: true });
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    var source = e.detail.elt;
    if (!source || source.id !== 'overview') { return; }
    var idle = Number(source.dataset.idleSeconds) * 1000;
    if (document.hidden) {
      e.preventDefault();
    } else if (idle > 0 && Date.now() - last > idle) {
      e.preventDefault();
      if (notice()) { notice().hidden = false; }
    }
  });
})();

// The time filters are typed on the browser's wall clock: the form shows the instant it holds in the browser's
// zone, and sends what was typed as an instant (UTC), so a filter matches the times the list shows.
(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function local(date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
      + pad(date.getHours()) + ':' + pad(date.getMinutes());
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[type=datetime-local][data-instant]').forEach(function (input) {
      var at = new Date(input.dataset.instant);
      if (input.dataset.instant && !isNaN(at)) { input.value = local(at); }
    });
    document.querySelectorAll('form').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.querySelectorAll('input[type=datetime-local]').forEach(function (input) {
          if (!input.value) { return; }
          var at = new Date(input.value); // a datetime-local value is read in the browser's zone
          if (isNaN(at)) { return; }
          var sent = document.createElement('input');
          sent.type = 'hidden';
          sent.name = input.name;
          sent.value = at.toISOString();
          input.removeAttribute('name');
          form.appendChild(sent);
        });
      });
    });
    // a notice of what was just done is said once: reloading the page does not repeat it
    var url = new URL(window.location.href);
    if (url.searchParams.has('done') || url.searchParams.has('retried')) {
      url.searchParams.delete('done');
      url.searchParams.delete('retried');
      window.history.replaceState(null, '', url.pathname + url.search);
    }
  });
})();
