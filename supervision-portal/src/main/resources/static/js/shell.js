// The portal shell's progressive touches (every page works without them):
// - on a phone, the header menu and the search filters fold into their panels, so the page's own
//   content and the results come first;
// - tables reflow into one card per row on a phone: each cell gets its column's header as a label
//   (css: table.reflow), instead of squeezing every column to one character. A note spanning the
//   footer's columns is kept (as the card list's last line); spans in the head or body are not
//   labelled that way, so such a table stays a table.
(function () {
  var phone = window.matchMedia('(max-width: 800px)').matches;
  document.addEventListener('DOMContentLoaded', function () {
    if (phone) {
      document.querySelectorAll('details.menu, details.filters').forEach(function (panel) {
        if (!panel.querySelector('[data-keep-open]')) { panel.open = false; }
      });
    }
    document.querySelectorAll('main table').forEach(function (table) {
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!head || table.querySelector('thead [colspan], tbody [colspan]')) { return; }
      var labels = Array.prototype.map.call(head.cells, function (c) { return c.textContent.trim(); });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) {
            if (labels[i]) { cell.setAttribute('data-label', labels[i]); }
          });
        });
      });
      table.classList.add('reflow');
    });
  });
})();
