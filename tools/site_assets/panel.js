/* Kernel-free panels of the read-only edition (plain JavaScript, no libraries, no network).
 *
 * Each panel's data (sliders, a grid of poses solved in advance by the Python model, the
 * readouts as the model computed them) is JSON inlined in the page (<script
 * type="application/json" id="panel-data-N">); how the picture looks (colours, line widths,
 * drawing order, words) comes from anatomy/view/picture_spec.py, inlined as
 * <script id="picture-spec">. Nothing here invents a colour or a label: a test checks that
 * this file holds no colour of its own and that what it draws matches the spec.
 *
 * Between grid points the panel shows the nearest computed pose; the readouts always belong
 * to the pose drawn, and say the grid step.
 */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var specNode = document.getElementById("picture-spec");
  if (!specNode) { return; }
  var SPEC = JSON.parse(specNode.textContent);
  var PX_PER_PT = 100 / 72;      // the kernel figure is drawn at 100 dpi
  var SIDE_AXES_PX = 435;        // height of the kernel scene's side view (5 in, 87 %)
  var TEXT_SCALE = 1.0;          // words in proportion to the picture, as in the kernel's

  function hexRGB(c) { return [1, 3, 5].map(function (i) { return parseInt(c.slice(i, i + 2), 16); }); }

  /* The strain ramp, computed as matplotlib's LinearSegmentedColormap does (see
   * picture_spec.strain_rgb): linear RGB between stops, a 256-entry table, truncation. */
  function strainRGB(rangeUsed) {
    var s = SPEC.strain, x = (rangeUsed - s.lo) / (1 - s.lo);
    return lutRGB(s.stops, s.lut, Math.min(Math.max(x, 0), 1));
  }
  /* The nerve's own ramp (picture_spec.nerve_rgb): load as a share of its threshold. */
  function nerveRGB(load) {
    var n = SPEC.nerve;
    return lutRGB(n.ramp, n.lut, Math.min(Math.max(load, 0), n.top) / n.top);
  }
  function lutRGB(stops, lut, x) {
    var i = Math.min(Math.floor(x * lut), lut - 1), t = i / (lut - 1);
    for (var k = 0; k < stops.length - 1; k++) {
      var a = stops[k][0], b = stops[k + 1][0];
      if (t <= b) {
        var f = b === a ? 0 : (t - a) / (b - a), ca = hexRGB(stops[k][1]), cb = hexRGB(stops[k + 1][1]);
        return [0, 1, 2].map(function (j) { return Math.round((1 - f) * ca[j] + f * cb[j]); });
      }
    }
    return hexRGB(stops[stops.length - 1][1]);
  }
  function rgb(c) { return "rgb(" + c.join(",") + ")"; }

  /* A tapered belly along a 2-D path (the kernel scene's _belly_polygon). */
  function bellyPolygon(xy, head) {
    var n = xy.length, s = [0], i;
    for (i = 1; i < n; i++) { s.push(s[i - 1] + Math.hypot(xy[i][0] - xy[i - 1][0], xy[i][1] - xy[i - 1][1])); }
    var total = Math.max(s[n - 1], 1e-9), span = SPEC.belly.span[head], a = span[0], b = span[1];
    var m = SPEC.belly.samples, pts = [], u = [];
    for (i = 0; i < m; i++) {
      var ui = a + (b - a) * i / (m - 1), target = ui * total, j = 1;
      while (j < n - 1 && s[j] < target) { j++; }
      var f = s[j] > s[j - 1] ? (target - s[j - 1]) / (s[j] - s[j - 1]) : 0;
      f = Math.min(Math.max(f, 0), 1);
      pts.push([xy[j - 1][0] + f * (xy[j][0] - xy[j - 1][0]), xy[j - 1][1] + f * (xy[j][1] - xy[j - 1][1])]);
      u.push(ui);
    }
    var half = SPEC.belly.half_width_m[head] * 1000, left = [], right = [];
    for (i = 0; i < m; i++) {
      var p = pts[Math.max(i - 1, 0)], q = pts[Math.min(i + 1, m - 1)], d = (i === 0 || i === m - 1) ? 1 : 2;
      var tx = (q[0] - p[0]) / d, ty = (q[1] - p[1]) / d, norm = Math.max(Math.hypot(tx, ty), 1e-12);
      tx /= norm; ty /= norm;
      var w = half * Math.pow(Math.sin(Math.PI * (u[i] - a) / (b - a)), 0.6);
      if (!(w > 0)) { w = 0; }
      left.push([pts[i][0] - ty * w, pts[i][1] + tx * w]);
      right.push([pts[i][0] + ty * w, pts[i][1] - tx * w]);
    }
    return left.concat(right.reverse());
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function h(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  // points are in mm, y up; the SVG's y goes down
  function pts(list) { return list.map(function (p) { return p[0].toFixed(1) + "," + (-p[1]).toFixed(1); }).join(" "); }
  function strokeStyle(style) {
    var a = { fill: style.fill || "none", stroke: style.stroke, "stroke-width": (style.width * PX_PER_PT).toFixed(2),
              "vector-effect": "non-scaling-stroke", "stroke-linejoin": "round" };
    if (style.cap) { a["stroke-linecap"] = style.cap; }
    if (style.opacity !== undefined) { a.opacity = style.opacity; }
    return a;
  }
  // matplotlib scales a dash pattern by the line width (points): the same on screen here
  function dashes(pattern, width) { return pattern.map(function (v) { return (v * width * PX_PER_PT).toFixed(2); }).join(" "); }
  // build_site.delta_rows: each row stored as its difference from the last row before it
  function undelta(rows) {
    var prev = null;
    return rows.map(function (r) {
      if (!r) { return r; }
      var out = prev ? r.map(function (v, i) { return v + prev[i]; }) : r.slice();
      prev = out;
      return out;
    });
  }
  function fmtGrid(v) { return String(Math.round(v * 1000) / 1000); }

  function Panel(root, data) {
    this.root = root; this.data = data;
    this.col = {};
    var self = this;
    data.columns.forEach(function (c, i) { self.col[c] = i + 1; });  // entry 0: geometry index
    this.heads = Object.keys(data.heads);
    this.values = data.sliders.map(function (s) { return s.value; });
    this.extraBase = 1 + data.columns.length + data.tables.varying.length;  // see build_site
    this.geoms = undelta(data.geometry);
    this.nerveCourses = data.nerve ? undelta(data.nerve) : null;
    this.build();
    this.show();
  }

  Panel.prototype.build = function () {
    var d = this.data, self = this, root = this.root;
    root.classList.add("panel");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", d.title + " (interactive figure)");
    root.appendChild(h("h3", { "class": "panel-title" }, d.title));
    var controls = h("div", { "class": "panel-controls" });
    this.inputs = [];
    this.outputs = [];
    d.sliders.forEach(function (s, i) {
      var id = root.id + "-" + s.key;
      var row = h("div", { "class": "slider-row" });
      var label = h("label", { "for": id }, s.label);
      var input = h("input", { type: "range", id: id, min: s.min, max: s.max, step: s.step,
                               value: s.value, "data-key": s.key });
      var out = h("output", { "for": id, "class": "slider-value" });
      input.addEventListener("input", function () { self.values[i] = parseFloat(input.value); self.show(); });
      row.appendChild(label); row.appendChild(input); row.appendChild(out);
      controls.appendChild(row);
      self.inputs.push(input); self.outputs.push(out);
    });
    this.person = null;  // the second person drawn (an entry of data.compare.people)
    if (d.compare) {
      var field = h("fieldset", { "class": "compare-choice" });
      field.appendChild(h("legend", {}, d.compare.description.replace(/:\s*$/, "")));
      var options = [{ option: d.compare.nobody, person: null }].concat(
        d.compare.people.map(function (p) { return { option: p.option, person: p }; }));
      options.forEach(function (o, k) {
        var id = root.id + "-compare-" + k, wrap = h("span", { "class": "compare-option" });
        var radio = h("input", { type: "radio", name: root.id + "-compare", id: id, value: String(k) });
        if (k === 0) { radio.checked = true; }
        radio.addEventListener("change", function () { if (radio.checked) { self.person = o.person; self.show(); } });
        wrap.appendChild(radio); wrap.appendChild(h("label", { "for": id }, o.option));
        field.appendChild(wrap);
      });
      this.compareRadios = field.querySelectorAll("input");
      controls.appendChild(field);
    }
    var buttons = h("div", { "class": "panel-buttons" });
    if (d.play) {
      this.playButton = h("button", { type: "button", "class": "play", "aria-pressed": "false" }, "\u25B6 Play");
      this.playButton.addEventListener("click", function () { self.togglePlay(); });
      buttons.appendChild(this.playButton);
    }
    var reset = h("button", { type: "button", "class": "reset" }, "\u21BA Reset");
    reset.addEventListener("click", function () { self.reset(); });
    buttons.appendChild(reset);
    controls.appendChild(buttons);
    root.appendChild(controls);

    var body = h("div", { "class": "panel-body" });
    var view = h("div", { "class": "panel-view" });
    var L = d.limits_m, x0 = L[0] * 1000, y0 = L[1] * 1000, x1 = L[2] * 1000, y1 = L[3] * 1000;
    this.mmPerPx = (y1 - y0) / SIDE_AXES_PX;
    var svg = el("svg", { viewBox: [x0, -y1, x1 - x0, y1 - y0].map(function (v) { return v.toFixed(0); }).join(" "),
                          role: "img", "class": "side-view", preserveAspectRatio: "xMidYMid meet" });
    this.svgTitle = el("title", {}, svg);
    el("rect", { x: x0, y: -y1, width: x1 - x0, height: y1 - y0, fill: "white" }, svg);
    var items = [];  // [z, element, updater]
    var S = SPEC.side;
    items.push([S.support.z, el("polyline", strokeStyle(S.support)), "support"]);
    items.push([S.other_leg.z, el("polyline", strokeStyle(S.other_leg)), "other_leg"]);
    items.push([S.foot.z, el("polyline", strokeStyle(S.foot)), "foot"]);
    items.push([S.trunk.z, el("polyline", strokeStyle(S.trunk)), "trunk"]);
    var head = el("circle", strokeStyle(S.head));
    head.setAttribute("r", (S.head.radius_m * 1000).toFixed(1));
    items.push([S.head.z, head, "head"]);
    items.push([S.arm.z, el("polyline", strokeStyle(S.arm)), "arm"]);
    this.vertebrae = [];
    for (var v = 0; v < 5; v++) {
      var poly = el("polygon", strokeStyle(S.vertebra));
      this.vertebrae.push(poly);
      items.push([S.vertebra.z, poly, null]);
    }
    this.bones = {};
    var B = SPEC.bone_style;
    Object.keys(SPEC.bones).forEach(function (name) {
      var b = SPEC.bones[name], g = el("g", { "data-bone": name });
      var fill = null;
      if (b.filled) {
        fill = el("polygon", { fill: B.fill, "fill-opacity": B.fill_opacity, stroke: "none" }, g);
      }
      var line = el("polyline", strokeStyle({ stroke: B.stroke, width: B.width }), g);
      self.bones[name] = { fill: fill, line: line, segment: b.segment, local: d.outlines_mm[name] };
      items.push([b.z, g, null]);
    });
    this.muscles = {};
    this.heads.forEach(function (hd) {
      var z = SPEC.muscle_z[hd], g = el("g", { "data-head": hd });
      var tendon = el("polyline", strokeStyle({ stroke: S.tendon.stroke, width: S.tendon.width, cap: "round" }), g);
      var belly = el("polygon", strokeStyle({ stroke: S.belly.stroke, width: S.belly.width, fill: "none" }), g);
      el("title", {}, belly).textContent = d.head_labels[hd];
      self.muscles[hd] = { tendon: tendon, belly: belly };
      items.push([z + 0.005, g, null]);
    });
    // the joint-angle arcs: arc, dashed reference line, label (picture_spec ARCS, ARC_STYLE)
    var A = SPEC.arc_style;
    this.arcs = {};
    d.extra.arcs.forEach(function (key) {
      var colour = key === "lumbar" ? SPEC.lumbar_label.colour : SPEC.arcs[key].colour;
      var g = el("g", { "class": "angle", "data-angle": key });
      var arc = null, ref = null;
      if (key !== "lumbar") {
        arc = el("polyline", strokeStyle({ stroke: colour, width: A.width }), g);
        ref = el("line", strokeStyle({ stroke: colour, width: A.ref_width }), g);
        ref.setAttribute("stroke-dasharray", dashes(A.ref_dash, A.ref_width));
      }
      self.arcs[key] = { g: g, arc: arc, ref: ref, colour: colour };
      items.push([key === "lumbar" ? A.text_z : A.z, g, null]);
    });
    // the comparison person: outlines only (picture_spec COMPARISON), hidden until chosen
    if (d.compare) {
      var C = SPEC.comparison, ghost = el("g", { "class": "comparison", opacity: C.opacity, "aria-hidden": "true" });
      var gs = { bones: {}, bellies: {} };
      function ghostLine(kind, dashed, tag) {
        var a = strokeStyle({ stroke: C.stroke, width: C.widths[kind], cap: "round" });
        var e = el(tag || "polyline", a, ghost);
        if (dashed) { e.setAttribute("stroke-dasharray", dashes(C.dash, C.widths[kind])); }
        return e;
      }
      Object.keys(SPEC.bones).forEach(function (name) { gs.bones[name] = ghostLine("bone", true); });
      ["trunk", "arm", "other_leg", "foot", "spine"].forEach(function (k) { gs[k] = ghostLine(k, true); });
      this.heads.forEach(function (hd) { gs.bellies[hd] = ghostLine("belly", false, "polygon"); });
      gs.head = ghostLine("head", true, "circle");
      gs.head.setAttribute("r", (S.head.radius_m * 1000).toFixed(1));
      this.ghost = gs;
      this.ghostGroup = ghost;
      items.push([C.z, ghost, null]);
    }
    // the sciatic nerve (nerve panels): its line over a dark edge, a label with an arrow
    if (d.nerve) {
      var N = SPEC.nerve, ng = el("g", { "class": "nerve" });
      var edge = el("polyline", strokeStyle({ stroke: N.edge, width: N.width + N.edge_extra, cap: "round" }), ng);
      var nline = el("polyline", strokeStyle({ stroke: N.edge, width: N.width, cap: "round" }), ng);
      el("title", {}, nline).textContent = N.name;
      this.nerve = { edge: edge, line: nline };
      items.push([N.z, ng, null]);
    }
    items.sort(function (a, b) { return a[0] - b[0]; });
    this.parts = {};
    items.forEach(function (it) { svg.appendChild(it[1]); if (it[2]) { self.parts[it[2]] = it[1]; } });
    var textAttrs = { fill: SPEC.text_colour,
                      "paint-order": "stroke", stroke: "white", "stroke-width": (3).toFixed(1),
                      "vector-effect": "non-scaling-stroke", "class": "fig-text" };
    this.labels = [];
    d.extra.arcs.forEach(function (key) {
      var t = el("text", Object.assign({}, textAttrs, { fill: self.arcs[key].colour, dy: "0.35em" }), self.arcs[key].g);
      self.arcs[key].text = t;
      self.labels.push(t);
    });
    if (d.nerve) {  // the label on top of everything, as the kernel's (zorder 7)
      var lab = el("g", { "class": "nerve-label" }, svg), N2 = SPEC.nerve;
      this.nerve.box = el("rect", { fill: "white", "fill-opacity": N2.label_box_opacity, rx: 3,
                                    "stroke-width": (PX_PER_PT).toFixed(2), "vector-effect": "non-scaling-stroke" }, lab);
      this.nerve.arrow = el("line", strokeStyle({ stroke: N2.edge, width: N2.arrow_width }), lab);
      this.nerve.head = el("polygon", { fill: N2.edge, stroke: "none" }, lab);
      this.nerve.text = el("text", Object.assign({}, textAttrs, { "text-anchor": "middle", "class": "fig-text nerve-text" }), lab);
      this.nerve.group = lab;
    }
    if (d.compare) {
      this.ghostTag = el("text", Object.assign({}, textAttrs, { fill: SPEC.comparison.tag_colour, "text-anchor": "middle",
                                                                "class": "fig-text comparison-tag" }), svg);
      this.labels.push(this.ghostTag);
    }
    this.tagLine = el("line", strokeStyle({ stroke: SPEC.muted_text_colour, width: 0.9 }), svg);
    this.tagText = el("text", Object.assign({}, textAttrs, { dy: "0.35em" }), svg);
    this.tagText.textContent = SPEC.text.group_tag;
    var caption = el("text", Object.assign({}, textAttrs, { x: (x0 + 0.02 * (x1 - x0)).toFixed(0) }), svg);
    caption.textContent = SPEC.text.side_title;
    var directions = el("text", Object.assign({}, textAttrs, { x: ((x0 + x1) / 2).toFixed(0),
                        "text-anchor": "middle", fill: SPEC.muted_text_colour, style: "white-space: pre" }), svg);
    directions.textContent = SPEC.text.directions;
    view.appendChild(svg);
    this.svg = svg;
    this.box = [x0, y0, x1, y1];
    this.caption = caption; this.directions = directions;
    // Text keeps a readable size on screen whatever the picture's scale (a phone shows a
    // wide scene small): sizes are in screen pixels, converted to the picture's units.
    this.unitsPerPx = this.mmPerPx;
    if (window.ResizeObserver) {
      new ResizeObserver(function () { if (self.current) { self.fitText(); self.show(); } }).observe(svg);
    }
    view.appendChild(this.legend());
    if (d.nerve) { view.appendChild(this.nerveLegend()); }
    body.appendChild(view);
    var side = h("div", { "class": "panel-readouts" });
    this.status = h("p", { "class": "status", role: "status" });
    this.readout = h("div", { "class": "readout-tables" });
    this.gridNote = h("p", { "class": "grid-note" });
    side.appendChild(this.status); side.appendChild(this.readout); side.appendChild(this.gridNote);
    body.appendChild(side);
    root.appendChild(body);
  };

  Panel.prototype.legend = function () {
    var s = SPEC.strain, box = h("div", { "class": "legend" });
    box.appendChild(h("p", { "class": "legend-title" }, SPEC.text.legend_title));
    var svg = el("svg", { viewBox: "0 0 300 14", "class": "ramp", role: "img", preserveAspectRatio: "none",
                          "aria-label": "colour scale from " + SPEC.text.legend_ticks.join(" to ") });
    var defs = el("defs", {}, svg), grad = el("linearGradient", { id: this.root.id + "-ramp" }, defs);
    for (var i = 0; i <= 16; i++) {
      var u = s.lo + (1 - s.lo) * i / 16;
      el("stop", { offset: (i / 16).toFixed(3), "stop-color": rgb(strainRGB(u)) }, grad);
    }
    el("rect", { x: 0, y: 0, width: 300, height: 14, fill: "url(#" + this.root.id + "-ramp)" }, svg);
    box.appendChild(svg);
    var ticks = h("div", { "class": "legend-ticks" });
    SPEC.text.legend_ticks.forEach(function (t, i) {
      var span = h("span", {}, t);
      span.style.left = (100 * (s.legend_ticks[i] - s.lo) / (1 - s.lo)).toFixed(1) + "%";
      ticks.appendChild(span);
    });
    box.appendChild(ticks);
    return box;
  };

  /* The nerve's scale (the kernel's small bar in the side view's corner), under the picture. */
  Panel.prototype.nerveLegend = function () {
    var N = SPEC.nerve, box = h("div", { "class": "legend nerve-legend" });
    var svg = el("svg", { viewBox: "0 0 300 14", "class": "ramp", role: "img", preserveAspectRatio: "none",
                          "aria-label": N.name + ": colour scale from " + N.scale_ticks.join(" to ") });
    var defs = el("defs", {}, svg), id = this.root.id + "-nerve-ramp", grad = el("linearGradient", { id: id }, defs);
    for (var i = 0; i <= 16; i++) {
      el("stop", { offset: (i / 16).toFixed(3), "stop-color": rgb(nerveRGB(N.top * i / 16)) }, grad);
    }
    el("rect", { x: 0, y: 0, width: 300, height: 14, fill: "url(#" + id + ")" }, svg);
    box.appendChild(svg);
    var ticks = h("div", { "class": "legend-ticks" });
    N.scale_ticks.forEach(function (t, i) {
      var span = h("span", {}, t);
      span.style.left = (100 * i / (N.scale_ticks.length - 1)).toFixed(1) + "%";
      ticks.appendChild(span);
    });
    box.appendChild(ticks);
    return box;
  };

  Panel.prototype.nearestIndex = function () {
    var d = this.data, flat = 0, chosen = [], idx = [];
    for (var i = 0; i < d.sliders.length; i++) {
      var g = d.sliders[i].grid, v = this.values[i], best = 0;
      for (var j = 1; j < g.length; j++) { if (Math.abs(g[j] - v) < Math.abs(g[best] - v)) { best = j; } }
      chosen.push(g[best]); idx.push(best);
      flat = flat * g.length + best;
    }
    return { flat: flat, chosen: chosen, idx: idx };
  };

  Panel.prototype.geometry = function (index) {
    var g = this.geoms[index], out = {}, pos = 0;
    this.data.layout.forEach(function (part) {
      var name = part[0], n = part[1], list = [];
      for (var i = 0; i < n; i++) { list.push(name === "transforms" ? [g[pos], g[pos + 1], g[pos + 2] / 100] : [g[pos], g[pos + 1]]); pos += name === "transforms" ? 3 : 2; }
      out[name] = list;
    });
    out.transforms = { pelvis: out.transforms[0], femur: out.transforms[1], tibia: out.transforms[2] };
    return out;
  };

  Panel.prototype.show = function () {
    var d = this.data, self = this;
    var near = this.nearestIndex(), rec = d.points[near.flat], geo = this.geometry(rec[0]);
    this.current = { index: near.flat, chosen: near.chosen, record: rec };
    d.sliders.forEach(function (s, i) {
      self.outputs[i].textContent = fmtGrid(self.values[i]) + "°";
      self.inputs[i].setAttribute("aria-valuetext", fmtGrid(self.values[i]) + " degrees; showing the pose computed at " + fmtGrid(near.chosen[i]));
    });
    // bones: the outline in its segment's frame, moved by the segment's transform
    Object.keys(this.bones).forEach(function (name) {
      var b = self.bones[name], str = pts(self.placed(name, geo));
      b.line.setAttribute("points", str);
      if (b.fill) { b.fill.setAttribute("points", str); }
    });
    this.heads.forEach(function (hd) {
      var xy = geo["path:" + hd], m = self.muscles[hd];
      m.tendon.setAttribute("points", pts(xy));
      m.belly.setAttribute("points", pts(bellyPolygon(xy, hd)));
      m.belly.setAttribute("fill", rgb(strainRGB(rec[self.col["colour:" + hd]] / 1000)));
    });
    for (var v = 0; v < 5; v++) { this.vertebrae[v].setAttribute("points", pts(geo.lumbar.slice(4 * v, 4 * v + 4))); }
    ["support", "other_leg", "foot", "trunk", "arm"].forEach(function (k) { self.parts[k].setAttribute("points", pts(geo[k])); });
    this.parts.head.setAttribute("cx", geo.head[0][0]);
    this.parts.head.setAttribute("cy", -geo.head[0][1]);
    this.drawArcs(geo, rec);
    this.drawGhost(near.idx);
    if (!this.textPx) { this.fitText(); }
    this.drawNerve(rec);
    // the group tag where the kernel scene puts it (anatomy.view.scene.group_tag_place)
    var tag = geo.tag, at = tag[0], end = tag[1], ha = d.anchors[tag[2][0]];
    this.tagLine.setAttribute("x1", end[0]); this.tagLine.setAttribute("y1", -end[1]);
    this.tagLine.setAttribute("x2", at[0]); this.tagLine.setAttribute("y2", -at[1]);
    this.tagText.setAttribute("x", at[0]); this.tagText.setAttribute("y", -at[1]);
    this.tagText.setAttribute("text-anchor", { left: "start", center: "middle", right: "end" }[ha]);
    this.keepInside();
    this.readouts(rec, near.chosen);
  };

  /* The arcs as the kernel scene draws them (anatomy.view.scene.angle_marks): stored per
   * pose as centre, start direction and sweep, label place and anchor; radii from the spec. */
  Panel.prototype.drawArcs = function (geo, rec) {
    var d = this.data, self = this, A = SPEC.arc_style, base = this.extraBase;
    d.extra.arcs.forEach(function (key, k) {
      var a = self.arcs[key], text = d.words[rec[base + k]];
      if (key === "lumbar") {
        var at = geo["label:lumbar"][0];
        a.text.setAttribute("x", at[0]); a.text.setAttribute("y", -at[1]);
        a.text.setAttribute("text-anchor", "middle");
        a.text.textContent = text;
        return;
      }
      var m = geo["arc:" + key], shown = m[3][1] === 1;
      a.g.setAttribute("display", shown ? "inline" : "none");
      if (!shown) { a.text.textContent = ""; return; }
      var c = m[0], from = m[1][0] / 100 * Math.PI / 180, sweep = m[1][1] / 100 * Math.PI / 180;
      var r = SPEC.arcs[key].radius_m * 1000, n = A.samples, list = [];
      for (var i = 0; i < n; i++) {
        var t = from + sweep * i / (n - 1);
        list.push([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)]);
      }
      a.arc.setAttribute("points", pts(list));
      var L = r * A.ref_length;
      a.ref.setAttribute("x1", c[0]); a.ref.setAttribute("y1", -c[1]);
      a.ref.setAttribute("x2", (c[0] + L * Math.cos(from)).toFixed(1));
      a.ref.setAttribute("y2", (-(c[1] + L * Math.sin(from))).toFixed(1));
      a.text.setAttribute("x", m[2][0]); a.text.setAttribute("y", -m[2][1]);
      a.text.setAttribute("text-anchor", { left: "start", center: "middle", right: "end" }[d.anchors[m[3][0]]]);
      a.text.textContent = text;
    });
  };

  /* The second person, at the same slider values but with their own SLR (as the kernel
   * panel solves it): outlines only, dashed, named above the head. */
  Panel.prototype.drawGhost = function (idx) {
    if (!this.ghost) { return; }
    var d = this.data, p = this.person, gs = this.ghost;
    this.ghostGroup.setAttribute("display", p ? "inline" : "none");
    this.ghostTag.setAttribute("display", p ? "inline" : "none");
    this.ghostRecord = null;
    if (!p) { return; }
    var flat = 0;
    d.sliders.forEach(function (s, i) {
      if (s.key !== "slr_deg") { flat = flat * s.grid.length + idx[i]; }
    });
    var rec = p.points[flat], geo = this.geometry(rec[0]), self = this;
    this.ghostRecord = rec;
    Object.keys(gs.bones).forEach(function (name) {
      gs.bones[name].setAttribute("points", pts(self.placed(name, geo)));
    });
    ["trunk", "arm", "other_leg", "foot"].forEach(function (k) { gs[k].setAttribute("points", pts(geo[k])); });
    var spine = [];
    for (var v = 0; v < 5; v++) {
      var q = geo.lumbar.slice(4 * v, 4 * v + 4);
      spine.push([(q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4, (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4]);
    }
    spine.push(geo.trunk[0]);
    gs.spine.setAttribute("points", pts(spine));
    this.heads.forEach(function (hd) { gs.bellies[hd].setAttribute("points", pts(bellyPolygon(geo["path:" + hd], hd))); });
    var head = geo.head[0], top = head[1] + SPEC.side.head.radius_m * 1000 * SPEC.comparison.tag_above_head;
    gs.head.setAttribute("cx", head[0]); gs.head.setAttribute("cy", -head[1]);
    this.ghostTag.setAttribute("x", head[0]); this.ghostTag.setAttribute("y", -top);
    this.ghostTag.textContent = SPEC.text.comparison_tag.replace("{label}", p.label);
  };

  /* The nerve as anatomy.view.nerve_art draws it: its course, coloured by its load on its
   * own ramp, and the two-line label offset from the middle of the course (kernel points,
   * in proportion to the picture), an arrow pointing at it. */
  Panel.prototype.drawNerve = function (rec) {
    if (!this.nerve) { return; }
    var d = this.data, N = SPEC.nerve, nv = this.nerve, k = this.extraBase + d.extra.nerve;
    var flat = this.nerveCourses[rec[0]], course = [];
    for (var i = 0; i < flat.length; i += 2) { course.push([flat[i], flat[i + 1]]); }
    var colour = rgb(nerveRGB(rec[k] / 1000)), str = pts(course);
    nv.edge.setAttribute("points", str); nv.line.setAttribute("points", str);
    nv.line.setAttribute("stroke", colour);
    nv.box.setAttribute("stroke", colour);
    var lines = d.words[rec[k + 1]].split("\n"), t = nv.text;
    while (t.firstChild) { t.removeChild(t.firstChild); }
    var thigh = course[Math.floor(course.length * N.label_at)];
    var lying = rec[k + 2] === 1, off = N.label_offset_pt[lying ? "lying" : "upright"];
    var k2 = PX_PER_PT * this.mmPerPx, x = thigh[0] + off[0] * k2, y = thigh[1] + off[1] * k2;
    t.setAttribute("font-size", (this.textPx * N.font_scale * this.unitsPerPx).toFixed(1));
    lines.forEach(function (line, j) {
      var span = el("tspan", { x: x.toFixed(1), dy: j === 0 ? (lying ? (-(lines.length - 1) * 1.2 - 0.25) + "em" : "0.95em") : "1.2em" }, t);
      span.textContent = line;
    });
    t.setAttribute("y", (-y).toFixed(1));
    var r = t.getBBox(), pad = 0.25 * this.textPx * this.unitsPerPx;
    nv.box.setAttribute("x", r.x - pad); nv.box.setAttribute("y", r.y - pad);
    nv.box.setAttribute("width", r.width + 2 * pad); nv.box.setAttribute("height", r.height + 2 * pad);
    // the arrow: from the box's edge nearest the thigh to just short of the nerve
    var sx = x, sy = lying ? r.y + r.height + pad : r.y - pad, ex = thigh[0], ey = -thigh[1];
    var len = Math.hypot(ex - sx, ey - sy) || 1, ux = (ex - sx) / len, uy = (ey - sy) / len;
    var stop = 2 * k2, hl = 8 * k2 * N.arrow_width, hw = 3 * k2 * N.arrow_width;
    ex -= ux * stop; ey -= uy * stop;
    nv.arrow.setAttribute("x1", sx.toFixed(1)); nv.arrow.setAttribute("y1", sy.toFixed(1));
    nv.arrow.setAttribute("x2", (ex - ux * hl).toFixed(1)); nv.arrow.setAttribute("y2", (ey - uy * hl).toFixed(1));
    nv.head.setAttribute("points", [[ex, ey], [ex - ux * hl - uy * hw, ey - uy * hl + ux * hw],
      [ex - ux * hl + uy * hw, ey - uy * hl - ux * hw]].map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "));
    nv.loadNow = rec[k] / 1000;
  };

  /* A bone's outline in its segment's frame, moved by the pose's segment transform. */
  Panel.prototype.placed = function (name, geo) {
    var b = this.bones[name], t = geo.transforms[b.segment], a = t[2] * Math.PI / 180;
    var c = Math.cos(a), s = Math.sin(a);
    return b.local.map(function (p) { return [t[0] + c * p[0] - s * p[1], t[1] + s * p[0] + c * p[1]]; });
  };

  /* Labels stay whole inside the picture and off each other: a phone shows the scene small
   * and the words at a readable size, so a label by the picture's edge would be cut and
   * neighbours (an arc's label, the second person's name) would run into each other. Each is
   * shifted in, then moved up or down (the shorter way) off the labels placed before it
   * (the arcs' first: they sit by their joints); never hidden. */
  Panel.prototype.keepInside = function () {
    var b = this.box, pad = 2 * this.unitsPerPx, gap = 2 * this.unitsPerPx;
    var placed = [this.directions.getBBox()];  // the direction words stay where they are
    if (this.nerve) { placed.push(this.nerve.box.getBBox()); }  // and the nerve's label box
    function overlap(r, q) {
      return r.x < q.x + q.width && q.x < r.x + r.width && r.y < q.y + q.height && q.y < r.y + r.height;
    }
    this.labels.concat([this.tagText]).forEach(function (t) {
      if (!t.textContent || t.getAttribute("display") === "none" || t.parentNode.getAttribute("display") === "none") { return; }
      var x = parseFloat(t.getAttribute("x")), y = parseFloat(t.getAttribute("y")), r = t.getBBox();
      var dx = Math.max(0, b[0] + pad - r.x) - Math.max(0, r.x + r.width - (b[2] - pad));
      var dy = Math.max(0, -b[3] + pad - r.y) - Math.max(0, r.y + r.height - (-b[1] - pad));
      if (dx) { t.setAttribute("x", (x + dx).toFixed(1)); }
      if (dy) { t.setAttribute("y", (y + dy).toFixed(1)); y += dy; }
      // the nearest clear place above or below, in half-line steps, inside the picture
      var step = 0.5 * t.getBBox().height + gap, top = -b[3] + pad, bottom = -b[1] - pad;
      for (var n = 0; n <= 24; n++) {
        var off = (n % 2 ? -1 : 1) * Math.ceil(n / 2) * step;
        t.setAttribute("y", (y + off).toFixed(1));
        r = t.getBBox();
        if (n > 0 && (r.y < top || r.y + r.height > bottom)) { continue; }
        if (!placed.some(function (q) { return overlap(r, q); })) { break; }
        if (n === 24) { t.setAttribute("y", y.toFixed(1)); }  // nowhere clear: where it was
      }
      placed.push(t.getBBox());
    });
    // the group tag's leader follows its words
    this.tagLine.setAttribute("x2", this.tagText.getAttribute("x"));
    this.tagLine.setAttribute("y2", this.tagText.getAttribute("y"));
  };

  Panel.prototype.fitText = function () {
    var w = this.svg.getBoundingClientRect().width, b = this.box;
    if (w > 0) { this.unitsPerPx = (b[2] - b[0]) / w; }
    var u = this.unitsPerPx, px = Math.max(13, TEXT_SCALE * SPEC.font_pt * PX_PER_PT * this.mmPerPx / u);
    this.labels.concat([this.tagText, this.directions]).forEach(function (t) { t.setAttribute("font-size", (px * u).toFixed(1)); });
    this.caption.setAttribute("font-size", (px * 1.15 * u).toFixed(1));
    this.caption.setAttribute("y", (-b[3] + 1.5 * px * u).toFixed(0));
    this.directions.setAttribute("y", (-b[1] - 0.5 * px * u).toFixed(0));
    this.textPx = px;
  };

  Panel.prototype.num = function (name) { return this.current.record[this.col[name]]; };

  function esc(t) { return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;"); }

  /* The readout tables: the kernel panel's own cells (anatomy.ui.controls.readout_html) for
   * the pose drawn; cells that never change are stored once, the others per grid point. */
  Panel.prototype.readouts = function (rec, chosen) {
    var d = this.data, c = this.col, T = d.tables, base = 1 + d.columns.length;
    function v(name) { return rec[c[name]]; }
    var texts = T.fixed.slice(), n = 0, html = "";
    T.varying.forEach(function (pos, k) { texts[pos] = T.strings[rec[base + k]]; });
    T.shape.forEach(function (table, ti) {
      html += "<table class='readout-table readout-" + ti + "'><tbody>";
      table.forEach(function (row) {
        html += "<tr>";
        row.forEach(function (tag, ci) {
          var text = esc(texts[n++]);
          if (tag === "th") { html += "<th scope='col'>" + text + "</th>"; }
          else if (ci === 0) { html += "<th scope='row'>" + text + "</th>"; }
          else { html += "<td>" + text + "</td>"; }
        });
        html += "</tr>";
      });
      html += "</tbody></table>";
    });
    html += this.comparisonTable(rec);
    this.readout.innerHTML = html;
    // the honest-state line, word for word the kernel scene's (anatomy.view.scene.status_text)
    var msg = d.words[rec[this.extraBase + d.extra.status]], stopped = msg !== "";
    this.status.textContent = msg;
    this.status.hidden = !stopped;
    this.root.classList.toggle("stopped", stopped);
    var parts = d.sliders.map(function (s, i) { return s.label.replace(/\s*\(°[^)]*\)/, "").replace(/:.*$/, "") + " " + fmtGrid(chosen[i]) + "°"; });
    var steps = d.sliders.map(function (s) { return fmtGrid(s.grid_step) + "°"; });
    this.gridNote.textContent = "Showing the pose the model computed at " + parts.join(", ") +
      " (the nearest grid point; grid step " + steps.join(" / ") + ").";
    var second = this.person ? ". " + SPEC.text.comparison_tag.replace("{label}", this.person.label) : "";
    this.svgTitle.textContent = d.title + ": " + parts.join(", ") + second + (msg ? ". " + msg : "");
  };

  /* The second person's numbers beside this person's: the rows of the kernel figure's
   * readout (anatomy.view.scene.person_rows), each person's column as the model computed it. */
  Panel.prototype.comparisonTable = function (rec) {
    var d = this.data, p = this.person, g = this.ghostRecord;
    if (!p || !g) { return ""; }
    var mine = this.extraBase + d.extra.person, html = "<table class='readout-table comparison-table'>" +
      "<caption>" + esc(d.compare.description.replace(/:\s*$/, "")) + "</caption><thead><tr><th scope='col'></th>" +
      "<th scope='col'>" + esc(SPEC.text.comparison_columns[0]) + "</th><th scope='col'>" +
      esc(SPEC.text.comparison_columns[1].replace("{label}", p.label)) + "</th></tr></thead><tbody>";
    d.compare.labels.forEach(function (label, i) {
      html += "<tr><th scope='row'><abbr title='" + esc(label[1]).replace(/'/g, "&#39;") + "'>" + esc(label[0]) + "</abbr></th><td>" +
        esc(d.words[rec[mine + i]]) + "</td><td class='second'>" + esc(d.words[g[1 + i]]) + "</td></tr>";
    });
    return html + "</tbody></table>";
  };

  Panel.prototype.reset = function () {
    this.stop();
    var self = this;
    this.data.sliders.forEach(function (s, i) { self.values[i] = s.value; self.inputs[i].value = s.value; });
    if (this.compareRadios) { this.compareRadios[0].checked = true; this.person = null; }
    this.show();
  };

  Panel.prototype.stop = function () {
    if (this.timer) { clearInterval(this.timer); this.timer = null; }
    if (this.playButton) { this.playButton.textContent = "\u25B6 Play"; this.playButton.setAttribute("aria-pressed", "false"); }
  };

  /* Play: the task's natural direction (task registry), from where the slider is to the
   * end of its range (from the start if it is already there), one grid point per tick. */
  Panel.prototype.togglePlay = function () {
    if (this.timer) { this.stop(); return; }
    var d = this.data, i = d.sliders.findIndex(function (s) { return s.key === d.play; }), self = this;
    var grid = d.sliders[i].grid.slice();
    if (d.play_direction === -1) { grid.reverse(); }
    var here = this.nearestIndex().chosen[i], k = grid.indexOf(here);
    if (k < 0 || k >= grid.length - 1) { k = 0; }
    this.playButton.textContent = "\u23F8 Pause";
    this.playButton.setAttribute("aria-pressed", "true");
    this.timer = setInterval(function () {
      if (k >= grid.length) { self.stop(); return; }
      self.values[i] = grid[k]; self.inputs[i].value = grid[k]; self.show(); k++;
    }, 60);
  };

  var panels = [];
  document.querySelectorAll(".site-panel").forEach(function (root) {
    var node = document.getElementById("panel-data-" + root.id.replace("panel-", ""));
    panels.push(new Panel(root, JSON.parse(node.textContent)));
  });
  window.siteStrainRGB = strainRGB;       // for the tests
  window.siteNerveRGB = nerveRGB;
  window.siteBellyPolygon = bellyPolygon;  // for the tests
  window.sitePanels = panels;
})();
