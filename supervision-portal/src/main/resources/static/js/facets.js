// Progressive: ticking a facet box submits the search form at once (the page works without this).
// The page reloads, so the box ticked is remembered and gets the focus back (a keyboard user goes
// on from where they were, not from the top of the page); its filter panel stays open.
(function () {
  var KEY = 'cpsx-facet-focus';
  document.querySelectorAll('#case-search .facets input[type=checkbox]').forEach(function (box) {
    box.addEventListener('change', function () {
      sessionStorage.setItem(KEY, JSON.stringify({ name: box.name, value: box.value }));
      box.form.submit();
    });
  });
  var last = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!last) { return; }
  last = JSON.parse(last);
  var again = Array.prototype.find.call(
    document.querySelectorAll('#case-search .facets input[type=checkbox]'),
    function (box) { return box.name === last.name && box.value === last.value; });
  if (again) {
    var panel = again.closest('details');
    if (panel) { panel.open = true; panel.setAttribute('data-keep-open', ''); }
    again.setAttribute('data-keep-open', '');
    again.focus();
  }
})();
