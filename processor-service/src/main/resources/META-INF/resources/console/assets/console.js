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
