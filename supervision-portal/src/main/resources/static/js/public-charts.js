// Draws each public table marked data-chart as an ECharts chart in the element named by
// data-target. The table stays on the page: it is the accessible, no-JavaScript form of the same
// numbers, so the chart itself is hidden from screen readers (aria-hidden).
(function () {
  if (!window.echarts) { return; }
  var colours = { A: '#1e7b34', B: '#2f6fb0', C: '#9a6700', D: '#a3192e' };
  Array.prototype.forEach.call(document.querySelectorAll('table[data-chart]'), function (table) {
    var box = document.getElementById(table.getAttribute('data-target'));
    if (!box) { return; }
    var kind = table.getAttribute('data-chart');
    var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var labels = [];
    var columns = names.slice(1).map(function () { return []; });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      labels.push(row.cells[0].textContent.trim());
      for (var i = 1; i < row.cells.length; i++) { columns[i - 1].push(Number(row.cells[i].textContent)); }
    });
    var series;
    if (kind === 'bar') {
      series = [{ name: names[1], type: 'bar', data: columns[0].map(function (v, i) {
        return { value: v, itemStyle: { color: colours[labels[i]] || '#2f6fb0' } };
      }), label: { show: true, position: 'top' } }];
    } else if (kind === 'line') {
      series = [{ name: names[1], type: 'line', data: columns[0], symbolSize: 8, label: { show: true } }];
    } else {
      series = columns.map(function (data, i) { return { name: names[i + 1], type: 'bar', stack: 'all', data: data }; });
    }
    var chart = echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: kind === 'stack' ? { type: 'scroll', top: 0 } : undefined,
      grid: { left: 45, right: 15, top: kind === 'stack' ? 40 : 20, bottom: 30 },
      xAxis: { type: 'category', data: labels },
      yAxis: kind === 'line' ? { type: 'value', min: 0, max: 100 } : { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
