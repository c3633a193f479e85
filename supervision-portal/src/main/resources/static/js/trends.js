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
  var label = table.getAttribute('data-partial-label') || '';
  var palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452',
                 '#9a60b4', '#ea7ccc', '#a3192e', '#1e7b34', '#2f6fb0', '#8a5a00', '#5b6775',
                 '#d4a72c', '#6b4e00', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f'];
  var chart = echarts.init(box);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: periods.length > 24 ? [{ type: 'slider' }] : [],
    // A period not counted in full (the current one, or one the dates cut) is drawn apart: its
    // point hollow and labelled, the line into it dashed, so its lower count does not read as a fall.
    series: [].concat.apply([], columns.map(function (data, i) {
      var color = palette[i % palette.length];
      var width = i === 0 ? 3 : 2;
      var isPartial = function (j) { return partial.indexOf(periods[j]) >= 0; };
      var solid = { name: names[i + 1], type: 'line', symbolSize: 5, color: color,
                    lineStyle: { width: width },
                    data: data.map(function (v, j) { return isPartial(j) ? null : v; }) };
      if (!partial.length) { return [solid]; }
      var dashed = { name: names[i + 1], type: 'line', color: color, symbol: 'emptyCircle', symbolSize: 8,
                     lineStyle: { width: width, type: 'dashed' },
                     data: data.map(function (v, j) {
                       if (isPartial(j)) {
                         return { value: v, label: { show: i === 0, position: 'top', formatter: label, color: '#6b4e00' } };
                       }
                       return (j > 0 && isPartial(j - 1)) || (j + 1 < data.length && isPartial(j + 1)) ? v : null;
                     }) };
      return [solid, dashed];
    }))
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
