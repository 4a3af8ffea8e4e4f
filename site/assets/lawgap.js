/* lawgap site scripts: sortable/filterable rankings, and the compare page.
   All text from the data is inserted with textContent, never as HTML. */
(function () {
  "use strict";

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* ---- rankings ------------------------------------------------------------------------ */

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-value") || cell.textContent.trim();
    if (!numeric) return raw.toLowerCase();
    var number = parseFloat(raw.replace(/[^0-9.\-]/g, ""));
    return isNaN(number) ? -1 : number;
  }

  function setUpRanking(box) {
    var table = box.querySelector("table");
    var body = table.tBodies[0];
    var filter = box.querySelector("input[type=search]");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.setAttribute("tabindex", "0");
      th.setAttribute("role", "columnheader button");
      function sort() {
        var numeric = th.getAttribute("data-sort") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); } });
    });
    if (filter) {
      filter.addEventListener("input", function () {
        var needle = filter.value.trim().toLowerCase();
        Array.prototype.forEach.call(body.rows, function (row) {
          row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) === -1;
        });
      });
    }
  }

  /* ---- scrolling tables ---------------------------------------------------------------- */

  // A table wider than its column scrolls in its box (lawgap.css). The boxes lawgap writes are named
  // and focusable in the HTML; Material's boxes around Markdown tables and the compare page's get the
  // same here, named after the section's heading. A box that overflows gets a visible hint.
  var SCROLL_BOXES = ".lawgap-scroll, .md-typeset__scrollwrap, #lawgap-compare .scroll";

  function sectionHeading(node) {
    for (var at = node; at && at !== document.body; at = at.parentElement) {
      for (var before = at.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return before.textContent.replace(/¶$/, "").trim();
      }
    }
    return "";
  }

  function markScrollBoxes() {
    Array.prototype.forEach.call(document.querySelectorAll(SCROLL_BOXES), function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (!box.hasAttribute("role") && overflows) {
        box.setAttribute("role", "region");
        box.setAttribute("tabindex", "0");
        box.setAttribute("aria-label", "Table: " + (sectionHeading(box) || document.title));
      }
      var hint = box.previousElementSibling;
      var hinted = hint && hint.classList.contains("lawgap-scroll-hint");
      if (overflows && !hinted) {
        box.parentNode.insertBefore(el("p", { "class": "lawgap-scroll-hint", "aria-hidden": "true" },
          ["Scroll sideways for more columns →"]), box);
      } else if (!overflows && hinted) {
        hint.remove();
      }
    });
  }

  /* ---- print ----------------------------------------------------------------------------- */

  // The print-only line (site/overrides/main.html) names the address printed from and the day; the
  // same address and the page number go into every printed page's bottom margin (@page margin boxes).
  function cssString(value) {
    return '"' + String(value).replace(/[\\"]/g, "\\$&").replace(/[\r\n]/g, " ") + '"';
  }

  function stampPrint() {
    var stamp = document.querySelector("[data-lawgap-print-stamp]");
    if (!stamp) return;
    var address = window.location.href.split("#")[0];
    stamp.querySelector("[data-lawgap-url]").textContent = address;
    var printed = stamp.querySelector("[data-lawgap-printed]");
    function today() {
      printed.textContent = " · printed " + new Date().toISOString().slice(0, 10);
      printed.hidden = false;
    }
    today();
    window.addEventListener("beforeprint", today);
    var margins = el("style", { media: "print" }, ["@page { @bottom-left { content: " + cssString(address) +
      "; font: 7pt sans-serif; color: #555; } }"]);
    document.head.appendChild(margins);
  }

  /* ---- compare ------------------------------------------------------------------------- */

  var STATUS = { "met": "met", "partial": "partial", "not-met": "not met", "unknown": "unknown" };

  // The address is data: only an object's own keys count, so "constructor" or "__proto__" in a
  // link never reaches Object.prototype.
  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function jurisdictionNames(data) {
    var names = Object.create(null);
    Object.keys(data.jurisdictions).forEach(function (code) { names[code] = data.jurisdictions[code].name; });
    return names;
  }

  function years(value) {
    if (value === null || value === undefined) return "unknown";
    if (value === "life") return "life";
    return value < 1 ? Math.round(value * 12) + " months" : value + " years";
  }

  function yesNo(value) {
    return value === true ? "yes" : value === false ? "no" : "unknown";
  }

  function mark(value) {
    return el("span", { "class": value === true ? "yes" : value === false ? "no" : "unknown" }, [yesNo(value)]);
  }

  function conductCell(status) {
    // status: [criminal, max_years, min_years, extraditable]
    if (status[0] === null) return "unknown";
    if (status[0] === false) return "not criminal";
    if (status[1] === null) return status[2] ? "criminal, at least " + years(status[2]) : "criminal, maximum unknown";
    return "max " + years(status[1]);
  }

  // Same rule as the engine's route (engine/compare.py): an unknown maximum is unknown, not its minimum.
  function sortableYears(status) {
    if (status[1] === "life") return Infinity;
    return status[1];
  }

  function dualCriminality(statuses) {
    var values = statuses.map(function (s) { return s[3]; });
    if (values.every(function (v) { return v === true; })) return true;
    if (values.some(function (v) { return v === false; })) return false;
    return null;
  }

  function weakestLink(codes, statuses, names) {
    var notCriminal = codes.filter(function (code, i) { return statuses[i][0] === false; });
    if (notCriminal.length) return { codes: notCriminal, why: "not criminal" };
    var known = [];
    codes.forEach(function (code, i) {
      var value = sortableYears(statuses[i]);
      if (statuses[i][0] === true && value !== null) known.push([code, value]);
    });
    if (!known.length) return { codes: [], why: "unknown everywhere on the route" };
    var lowest = Math.min.apply(null, known.map(function (k) { return k[1]; }));
    var weakest = known.filter(function (k) { return k[1] === lowest; }).map(function (k) { return k[0]; });
    var unknown = codes.filter(function (code, i) { return statuses[i][0] === null || sortableYears(statuses[i]) === null; });
    var why = "lowest maximum: " + (lowest === Infinity ? "life" : years(lowest));
    if (unknown.length) why += " (unknown in " + unknown.map(function (c) { return names[c]; }).join(", ") + ")";
    return { codes: weakest, why: why };
  }

  function table(head, rows) {
    return el("div", { "class": "scroll" }, [el("table", {}, [
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col" }, [h]); }))]),
      el("tbody", {}, rows.map(function (cells) {
        return el("tr", {}, cells.map(function (c) { return el("td", {}, [c]); }));
      }))
    ])]);
  }

  function renderComparison(output, data, domain, codes, names) {
    output.textContent = "";
    var d = data.domains[domain];
    if (codes.length < 2) {
      output.appendChild(el("p", {}, ["Add at least two jurisdictions to compare them."]));
      return;
    }
    var entries = codes.map(function (code) { return d.entries[code]; });
    var heads = ["", ].concat(codes.map(function (c) { return names[c]; }));

    output.appendChild(el("h2", {}, ["Side by side"]));
    output.appendChild(table(heads, [
      ["Score (on what is known)"].concat(entries.map(function (e) { return e.score === null ? "—" : String(e.score); })),
      ["Coverage"].concat(entries.map(function (e) { return e.coverage + "%"; })),
      ["Core offence maximum"].concat(entries.map(function (e) { return years(e.max_prison_years); })),
      ["Serious crime (≥ 4 years)"].concat(entries.map(function (e) { return mark(e.serious_crime); })),
    ]));

    output.appendChild(el("h2", {}, ["Dual criminality and weakest link"]));
    output.appendChild(el("p", {}, ["Dual criminality holds when the conduct is criminal everywhere selected with a maximum of at least one year. " +
      "The route reads your selection in order: " + codes.map(function (c) { return names[c]; }).join(" → ") + "."]));
    output.appendChild(table(["Conduct", "Dual criminality", "Weakest link"].concat(codes.map(function (c) { return names[c]; })),
      d.conducts.map(function (conduct) {
        var statuses = entries.map(function (e) { return e.conduct[conduct]; });
        var weakest = weakestLink(codes, statuses, names);
        var label = weakest.codes.length ? weakest.codes.map(function (c) { return names[c]; }).join(", ") + " — " + weakest.why : weakest.why;
        return [conduct, mark(dualCriminality(statuses)), label].concat(statuses.map(conductCell));
      })));

    var differing = d.requirements.map(function (r, i) { return [r, i]; }).filter(function (pair) {
      var first = entries[0].requirements[pair[1]];
      return entries.some(function (e) { return e.requirements[pair[1]] !== first; });
    });
    output.appendChild(el("h2", {}, ["Requirements that differ"]));
    if (!differing.length) {
      output.appendChild(el("p", {}, ["Every requirement has the same status in all selected jurisdictions."]));
    } else {
      output.appendChild(table(["Requirement", "Article"].concat(codes.map(function (c) { return names[c]; })),
        differing.map(function (pair) {
          return [pair[0].id, pair[0].article].concat(entries.map(function (e) { return STATUS[e.requirements[pair[1]]]; }));
        })));
    }
  }

  function setUpCompare(root) {
    var source = root.getAttribute("data-src");
    fetch(source).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (data) {
      root.textContent = "";
      var names = jurisdictionNames(data);
      var codes = Object.keys(names).sort(function (a, b) { return names[a].localeCompare(names[b]); });
      var domainSelect = el("select", { id: "lawgap-domain" });
      Object.keys(data.domains).forEach(function (key) {
        domainSelect.appendChild(el("option", { value: key }, [data.domains[key].title]));
      });
      var adder = el("select", { id: "lawgap-add" }, [el("option", { value: "" }, ["Add a jurisdiction…"])]);
      codes.forEach(function (code) { adder.appendChild(el("option", { value: code }, [names[code] + " (" + code + ")"])); });
      var route = [];
      var list = el("div", { id: "lawgap-route", "class": "lawgap-route", role: "list", "aria-label": "Route" });
      var output = el("div", { id: "lawgap-compare-output", "aria-live": "polite" });

      function update() {
        list.textContent = "";
        route.forEach(function (code, index) {
          var up = el("button", { type: "button", title: "Move earlier on the route", "aria-label": "Move " + names[code] + " earlier" }, ["↑"]);
          var remove = el("button", { type: "button", title: "Remove", "aria-label": "Remove " + names[code] }, ["✕"]);
          up.disabled = index === 0;
          up.addEventListener("click", function () { route.splice(index - 1, 0, route.splice(index, 1)[0]); update(); });
          remove.addEventListener("click", function () { route.splice(index, 1); update(); });
          list.appendChild(el("div", { role: "listitem" }, [el("span", {}, [names[code]]), up, remove]));
        });
        Array.prototype.forEach.call(adder.options, function (o) { o.disabled = o.value !== "" && route.indexOf(o.value) !== -1; });
        renderComparison(output, data, domainSelect.value, route, names);
        var query = "?domain=" + encodeURIComponent(domainSelect.value) + "&j=" + route.map(encodeURIComponent).join(",");
        history.replaceState(null, "", query);
      }
      adder.addEventListener("change", function () {
        if (adder.value && route.indexOf(adder.value) === -1) route.push(adder.value);
        adder.value = "";
        update();
      });
      domainSelect.addEventListener("change", update);
      var params = new URLSearchParams(window.location.search);
      var ignored = [];
      var domain = params.get("domain");
      if (domain && has(data.domains, domain)) domainSelect.value = domain;
      else if (domain) ignored.push(domain);
      (params.get("j") || "").split(",").forEach(function (code) {
        if (code && !has(names, code)) ignored.push(code);
        else if (code && route.indexOf(code) === -1) route.push(code);
      });
      root.appendChild(el("div", { "class": "controls" }, [
        el("label", {}, ["Domain", domainSelect]),
        el("label", {}, ["Jurisdictions, in route order (source → destination)", adder]),
      ]));
      if (ignored.length) {
        root.appendChild(el("p", { "class": "lawgap-notice", role: "status" },
          ["Ignored what the address asks for but the data does not hold: " + ignored.join(", ") + "."]));
      }
      root.appendChild(list);
      root.appendChild(output);
      update();
    }).catch(function (error) {
      root.textContent = "Could not load the comparison data (" + error.message + ").";
    });
  }

  /* ---- cite this page ----------------------------------------------------------------- */

  // The "Cite this page" block (templates/cite.md.j2) holds the page's path and a reminder: show the full
  // address (the canonical one when the site declares it, else where this copy is served) and today's date.
  function fillCitations() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var address = canonical ? canonical.href : window.location.href.replace(/[?#].*$/, "");
    var now = new Date();
    var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (part) {
      return String(part).padStart(2, "0");
    }).join("-");
    Array.prototype.forEach.call(document.querySelectorAll("[data-lawgap-cite]"), function (block) {
      var permalink = block.querySelector("[data-lawgap-permalink]");
      permalink.href = address;
      permalink.textContent = address;
      block.querySelector("[data-lawgap-accessed]").textContent = today;
    });
  }

  /* ---- opened from disk ----------------------------------------------------------------- */

  // From a file:// address the browser blocks what the search and the compare page load; say so at the
  // top of the page, with the command that serves the site (README: lawgap serve).
  function warnOpenedFromDisk() {
    if (window.location.protocol !== "file:") return;
    var content = document.querySelector(".md-content__inner") || document.body;
    content.insertBefore(el("p", { "class": "lawgap-from-disk", role: "note" }, [
      "This page is opened from disk, so the search and the compare page cannot load their data. " +
      "Run ", el("code", {}, ["lawgap serve"]), " and open http://127.0.0.1:8000/ instead."]), content.firstChild);
  }

  function start() {
    fillCitations();
    warnOpenedFromDisk();
    Array.prototype.forEach.call(document.querySelectorAll(".lawgap-ranking"), setUpRanking);
    var compare = document.getElementById("lawgap-compare");
    if (compare) setUpCompare(compare);
    // Material wraps Markdown tables once its page is ready (document$); the compare tables come later
    if (window.document$) window.document$.subscribe(markScrollBoxes);
    else markScrollBoxes();
    window.addEventListener("resize", markScrollBoxes);
    if (compare && window.MutationObserver) new MutationObserver(markScrollBoxes).observe(compare, { childList: true, subtree: true });
    stampPrint();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
