// Draws the trend table above it as a line chart (ECharts, served by the portal). The table stays:
// it is the accessible, no-JavaScript form of the same numbers.
(function () {
  var table = document.getElementById('trend-table');
  var box = document.getElementById('trend-chart');
  if (!table || !box || !window.echarts) { return; }
  var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
  var periods = [];
  var columns = names.slice(1).map(function () { return []; });
  Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
    periods.push(row.cells[0].textContent.trim());
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
      return { name: names[i + 1], type: 'line', data: data, symbolSize: 5,
               lineStyle: i === 0 ? { width: 3 } : { width: 2 } };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
