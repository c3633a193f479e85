// Progressive: ticking a facet box submits the search form at once (the page works without this).
document.querySelectorAll('#case-search .facets input[type=checkbox]').forEach(function (box) {
  box.addEventListener('change', function () { box.form.submit(); });
});
