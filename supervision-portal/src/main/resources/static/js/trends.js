// Draws the trend table above it as a line chart (ECharts, served by the portal). The table stays:
// it is the accessible, no-JavaScript form of the same numbers.
(function () {
  var table = document.getElementById('trend-table');
  var box = document.getElementById('trend-chart');
  if (!table || !box || !window.echarts) { return; }
  var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
  var periods = [];
  var columns = names.slice(1).map(function () { return []; });
  var partial = [];
  Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
    var period = row.cells[0].getAttribute('data-period') || row.cells[0].textContent.trim();
    periods.push(period);
    if (row.getAttribute('data-partial') === 'true') { partial.push(period); }
    for (var i = 1; i < row.cells.length; i++) { columns[i - 1].push(Number(row.cells[i].textContent)); }
  });
  var chart = echarts.init(box);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: periods.length > 24 ? [{ type: 'slider' }] : [],
    series: columns.map(function (data, i) {
      var line = { name: names[i + 1], type: 'line', data: data, symbolSize: 5,
                   lineStyle: i === 0 ? { width: 3 } : { width: 2 } };
      // A period not counted in full (the current one, or one the dates cut) is shaded and
      // labelled, so its lower count does not read as a fall.
      if (i === 0 && partial.length) {
        var label = table.getAttribute('data-partial-label') || '';
        line.markArea = { silent: true, itemStyle: { color: 'rgba(212, 167, 44, 0.18)' },
          label: { show: true, position: 'insideTop', color: '#6b4e00' },
          data: partial.map(function (p) { return [{ name: label, xAxis: p }, { xAxis: p }]; }) };
      }
      return line;
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
