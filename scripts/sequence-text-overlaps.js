// Run in the report page by scripts/check-report-in-browser.sh: every pair of <text> elements of every sequence
// diagram must not overlap (boxes from the browser's layout, 1 px of slack for anti-aliasing), and no label may end
// in the ellipsis that marks a cut. Writes one line into <pre id="sequence-text-overlaps">.
(function () {
  var slack = 1, diagrams = document.querySelectorAll('svg.sequence-diagram'), texts = 0, pairs = 0, cut = 0;
  var examples = [];
  for (var d = 0; d < diagrams.length; d++) {
    var nodes = diagrams[d].querySelectorAll('text'), boxes = [];
    for (var i = 0; i < nodes.length; i++) {
      var r = nodes[i].getBoundingClientRect(), t = nodes[i].textContent;
      if (r.width > 0 && r.height > 0) { boxes.push({r: r, t: t}); }
      if (/…$/.test(t)) { cut++; if (examples.length < 5) { examples.push('cut: "' + t + '"'); } }
    }
    texts += boxes.length;
    for (var a = 0; a < boxes.length; a++) {
      for (var b = a + 1; b < boxes.length; b++) {
        var p = boxes[a].r, q = boxes[b].r;
        if (p.left + slack < q.right && q.left + slack < p.right && p.top + slack < q.bottom && q.top + slack < p.bottom) {
          pairs++;
          if (examples.length < 5) { examples.push('"' + boxes[a].t + '" over "' + boxes[b].t + '" in ' + diagrams[d].id); }
        }
      }
    }
  }
  var out = document.createElement('pre');
  out.id = 'sequence-text-overlaps';
  out.textContent = diagrams.length + ' diagrams, ' + texts + ' labels, ' + pairs + ' overlapping pairs, ' + cut
      + ' cut labels' + (examples.length ? '; e.g. ' + examples.join('; ') : '');
  document.body.appendChild(out);
})();
