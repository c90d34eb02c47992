// The overview's map and timeline, drawn from the JSON API with the page's filters.
// Works offline: country outlines come from the vendored world-atlas file, no tiles.
// Every string from a page is set as text (never as HTML): page text is hostile.
"use strict";
(function () {
  var mapEl = document.getElementById("map");
  if (!mapEl || typeof L === "undefined") return;
  var query = mapEl.dataset.query ? "?" + mapEl.dataset.query : "";
  var COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d"
  };
  // Radius on the ground of a place of each precision, in metres.
  var PRECISION_M = { point: 1000, town: 5000, district: 30000, province: 100000, region: 250000, country: 400000 };

  var map = L.map(mapEl, { worldCopyJump: true, preferCanvas: false }).setView([35, 38], 5);
  map.attributionControl.addAttribution("Outlines: Natural Earth · places: GeoNames");

  function unwrap(geometry) {
    // Rings that cross 180° draw a stray line: shift their western longitudes by 360.
    function fix(ring) {
      var west = ring.some(function (p) { return p[0] < -150; });
      var east = ring.some(function (p) { return p[0] > 150; });
      if (!(west && east)) return ring;
      return ring.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; });
    }
    if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(fix);
    if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map(function (poly) { return poly.map(fix); });
    return geometry;
  }

  fetch("/static/vendor/world-atlas-2.0.2/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(function (world) {
      var countries = topojson.feature(world, world.objects.countries);
      // Antarctica (ISO 010) circles the pole: in Web Mercator it would cover the map.
      countries.features = countries.features.filter(function (f) { return f.id !== "010"; });
      countries.features.forEach(function (f) { if (f.geometry) unwrap(f.geometry); });
      L.geoJSON(countries, { style: { color: "#8a8f98", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: 1 }, interactive: false })
        .addTo(map).bringToBack();
    });

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  function popup(p) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/incidents/" + encodeURIComponent(p.id);
    link.textContent = p.sub_type + (p.location ? " in " + p.location : "");
    box.appendChild(link);
    box.appendChild(text("div", (p.date || "undated") + " · grade " + p.grade));
    if (p.killed[1] > 0) box.appendChild(text("div", (p.killed[0] === p.killed[1] ? p.killed[0] : p.killed[0] + "–" + p.killed[1]) + " killed"));
    return box;
  }

  fetch("/api/v1/map" + query)
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var layer = L.featureGroup().addTo(map);
      data.points.forEach(function (p) {
        var colour = COLOURS[p.type] || "#34495e";
        L.circle([p.lat, p.lon], {
          radius: PRECISION_M[p.precision] || 5000, color: colour, weight: 1, dashArray: "3 3", fill: false, interactive: false
        }).addTo(layer);
        var marker = L.circleMarker([p.lat, p.lon], {
          radius: Math.min(28, 5 + 2.5 * Math.sqrt(p.killed[1] || 0)), color: "#222", weight: 1,
          fillColor: colour, fillOpacity: p.contested ? 0.45 : 0.85, className: "incident-marker"
        });
        marker.bindPopup(popup(p));
        marker.addTo(layer);
      });
      if (data.points.length) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 9 });
      var legend = document.getElementById("map-legend");
      if (legend) {
        legend.textContent = data.shown + " of " + data.total + " placed incidents on the map";
        Object.keys(COLOURS).forEach(function (type) {
          var key = text("span", type, "key");
          key.dataset.type = type;
          legend.appendChild(document.createTextNode(" "));
          legend.appendChild(key);
        });
      }
      mapEl.dataset.markers = String(data.points.length);
    });

  var SVG = "http://www.w3.org/2000/svg";
  var timelineEl = document.getElementById("timeline");
  if (!timelineEl) return;
  fetch("/api/v1/timeline" + query)
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var perDay = {};
      data.days.forEach(function (d) { perDay[d.day] = (perDay[d.day] || 0) + d.count; });
      var days = Object.keys(perDay).sort();
      if (!days.length) { timelineEl.appendChild(text("p", "No dated incidents.", "empty")); return; }
      var first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
      var span = Math.max(1, (last - first) / 86400000);
      var width = 600, height = 80, max = Math.max.apply(null, days.map(function (d) { return perDay[d]; }));
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", "0 0 " + width + " " + (height + 16));
      svg.setAttribute("class", "timeline");
      days.forEach(function (d) {
        var x = 4 + (width - 12) * ((Date.parse(d) - first) / 86400000) / span;
        var h = Math.max(2, (height - 4) * perDay[d] / max);
        var bar = document.createElementNS(SVG, "rect");
        bar.setAttribute("x", x.toFixed(1)); bar.setAttribute("y", (height - h).toFixed(1));
        bar.setAttribute("width", "4"); bar.setAttribute("height", h.toFixed(1));
        bar.setAttribute("class", "bar");
        var title = document.createElementNS(SVG, "title");
        title.textContent = d + ": " + perDay[d] + " incident(s)";
        bar.appendChild(title);
        bar.addEventListener("click", function () {
          var params = new URLSearchParams(mapEl.dataset.query || "");
          params.set("since", d); params.set("until", d);
          window.location.search = params.toString();
        });
        svg.appendChild(bar);
      });
      [[days[0], "start"], [days[days.length - 1], "end"]].forEach(function (item) {
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("x", item[1] === "start" ? "2" : String(width - 2));
        label.setAttribute("y", String(height + 13));
        label.setAttribute("text-anchor", item[1]);
        label.textContent = item[0];
        svg.appendChild(label);
      });
      timelineEl.appendChild(svg);
    });
})();
