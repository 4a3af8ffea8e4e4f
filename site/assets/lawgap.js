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

  // A ranking box holds the ranked table and the unranked one below it (not enough data to score):
  // each heading sorts its own table, the filter covers both.
  function sortable(table) {
    var body = table.tBodies[0];
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
  }

  function setUpRanking(box) {
    var tables = box.querySelectorAll("table");
    var filter = box.querySelector("input[type=search]");
    Array.prototype.forEach.call(tables, sortable);
    if (filter) {
      filter.addEventListener("input", function () {
        var needle = filter.value.trim().toLowerCase();
        Array.prototype.forEach.call(tables, function (table) {
          Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
            row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) === -1;
          });
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

  /* ---- maps ------------------------------------------------------------------------------ */

  // Under each map, a line repeats the tooltip of the jurisdiction pointed at or focused (a title
  // tooltip waits a second and never shows for keyboard focus or touch).
  var MAP_HINT = "";  // the pages say how to use the maps once, above them

  function setUpMap(svg) {
    var readout = el("p", { "class": "lawgap-map-readout", "aria-hidden": "true" }, [MAP_HINT]);
    svg.parentNode.insertBefore(readout, svg.nextSibling);
    function show(event) {
      var link = event.target.closest && event.target.closest("a");
      readout.textContent = link && svg.contains(link) ? link.getAttribute("aria-label") : MAP_HINT;
    }
    svg.addEventListener("mouseover", show);
    svg.addEventListener("focusin", show);
    svg.addEventListener("mouseleave", function () { readout.textContent = MAP_HINT; });
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

  // The same words as engine/term_words.py: a term under a year in whole months where it is one, else
  // whole weeks (UK "51 weeks" is recorded as 0.98 years), else months to one decimal.
  function plural(number, unit) {
    return number + " " + unit + (number === 1 ? "" : "s");
  }

  function years(value) {
    if (value === null || value === undefined) return "unknown";
    if (value === "life") return "life";
    if (value >= 1 || value === 0) return plural(value, "year");
    var months = value * 12, weeks = value * 52;
    if (Math.abs(months - Math.round(months)) <= 0.06) return plural(Math.round(months), "month");
    if (Math.abs(weeks - Math.round(weeks)) <= 0.1) return plural(Math.round(weeks), "week");
    return months.toFixed(1) + " months";
  }

  function yesNo(value) {
    return value === true ? "yes" : value === false ? "no" : "unknown";
  }

  function mark(value) {
    return el("span", { "class": value === true ? "yes" : value === false ? "no" : "unknown" }, [yesNo(value)]);
  }

  function statusBadge(status, href) {
    var known = has(STATUS, status) ? status : "unknown";
    var badge = el("span", { "class": "lawgap-status " + known }, [STATUS[known]]);
    return href ? el("a", { href: href, title: "The verdict and the facts behind it" }, [badge]) : badge;
  }

  function conductCell(status) {
    // status: [criminal, max_years, min_years, extraditable]
    if (status[0] === null) return "unknown";
    if (status[0] === false) return "not criminal";
    if (status[1] === null) return status[2] ? "criminal, at least " + years(status[2]) : "criminal, maximum unknown";
    return "max " + years(status[1]);
  }

  function sortableYears(value) {
    return value === "life" ? Infinity : value;
  }

  function dualCriminality(statuses) {
    var values = statuses.map(function (s) { return s[3]; });
    if (values.every(function (v) { return v === true; })) return true;
    if (values.some(function (v) { return v === false; })) return false;
    return null;
  }

  // The engine's rule (engine/compare.py weakest_link): a weakest link is named only where the data shows
  // it - the conduct is not criminal there, or its maximum is the lowest and no unknown could be lower (an
  // unknown criminality could be none; an unknown maximum could be lower unless its stated minimum rules
  // that out). Otherwise none is named and the jurisdictions that could be weaker are listed.
  function weakestLink(codes, statuses) {
    var notCriminal = codes.filter(function (code, i) { return statuses[i][0] === false; });
    if (notCriminal.length) return { weakest: notCriminal, couldBeWeaker: [], why: "not criminal" };
    var known = [];
    codes.forEach(function (code, i) {
      if (statuses[i][0] === true && statuses[i][1] !== null) known.push([code, statuses[i][1]]);
    });
    if (!known.length) {
      var criminal = codes.filter(function (code, i) { return statuses[i][0] === true; });
      return { weakest: [], couldBeWeaker: codes.slice(), criminal: criminal, why: "no maximum known on the route" };
    }
    var lowest = Math.min.apply(null, known.map(function (k) { return sortableYears(k[1]); }));
    var atLowest = known.filter(function (k) { return sortableYears(k[1]) === lowest; });
    var couldBeWeaker = codes.filter(function (code, i) {
      var s = statuses[i];
      return s[0] === null || (s[1] === null && (typeof s[2] === "number" ? s[2] : 0) < lowest);  // floor_years: "unknown" is no floor
    });
    var weakest = atLowest.map(function (k) { return k[0]; });
    if (couldBeWeaker.length) {
      return { weakest: [], lowestAt: weakest, couldBeWeaker: couldBeWeaker, why: "lowest known maximum " + years(atLowest[0][1]) };
    }
    return { weakest: weakest, couldBeWeaker: [], why: "lowest maximum: " + years(atLowest[0][1]) };
  }

  function weakestCell(link, names) {
    function named(list) { return list.map(function (c) { return names[c]; }).join(", "); }
    var words;
    if (link.weakest.length) words = named(link.weakest) + " — " + link.why;
    else if (link.lowestAt) words = "Not determined — " + link.why + " (" + named(link.lowestAt) + "); could be lower in " + named(link.couldBeWeaker);
    else words = "Not determined — " + link.why + (link.criminal.length ? " (criminal in " + named(link.criminal) + ", maximum unknown)" : "");
    return el("span", { "class": "lawgap-weakest", "data-weakest": link.weakest.join(","), "data-could-be-weaker": link.couldBeWeaker.join(",") }, [words]);
  }

  function table(head, rows) {
    return el("div", { "class": "scroll" }, [el("table", {}, [
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col" }, [h]); }))]),
      el("tbody", {}, rows.map(function (cells) {
        return el("tr", {}, cells.map(function (c) { return el("td", {}, [c]); }));
      }))
    ])]);
  }

  function jurisdictionPage(code) {
    return "jurisdictions/" + encodeURIComponent(code.toLowerCase()) + ".html";
  }

  function publishedScore(entry) {
    if (entry.scored) return String(entry.score);
    return "not enough data to score (range " + entry.score_min + "–" + entry.score_max + ")";
  }

  function coreMaximum(entry) {
    if (entry.max_prison_years === null && entry.min_prison_years) return "at least " + years(entry.min_prison_years);
    return years(entry.max_prison_years);
  }

  function renderComparison(output, data, domain, codes, names) {
    output.textContent = "";
    var d = data.domains[domain];
    if (codes.length < 2) {
      output.appendChild(el("p", {}, ["Add at least two jurisdictions to compare them."]));
      return;
    }
    var entries = codes.map(function (code) { return d.entries[code]; });
    var linked = codes.map(function (c) { return el("a", { href: jurisdictionPage(c) }, [names[c]]); });

    output.appendChild(el("h2", {}, ["Side by side"]));
    output.appendChild(table([""].concat(linked), [
      ["Score (on what is known)"].concat(entries.map(publishedScore)),
      ["Coverage"].concat(entries.map(function (e) { return e.coverage + "%"; })),
      ["Core offence maximum"].concat(entries.map(coreMaximum)),
      ["Serious crime (≥ 4 years)"].concat(entries.map(function (e) { return mark(e.serious_crime); })),
    ]));

    output.appendChild(el("h2", {}, ["Dual criminality and weakest link"]));
    output.appendChild(el("p", {}, ["Dual criminality holds when the conduct is criminal everywhere selected with a maximum of at least one year. " +
      "The route reads your selection in order: " + codes.map(function (c) { return names[c]; }).join(" → ") + ". " +
      "A weakest link is named only where the data shows it: where a criminality or a maximum is unknown it could be lower."]));
    output.appendChild(table(["Conduct", "Dual criminality", "Weakest link"].concat(codes.map(function (c) { return names[c]; })),
      d.conducts.map(function (conduct) {
        var statuses = entries.map(function (e) { return e.conduct[conduct]; });
        return [conduct, mark(dualCriminality(statuses)), weakestCell(weakestLink(codes, statuses), names)].concat(statuses.map(conductCell));
      })));

    // Extradition for every ordered pair of the selection, worked out by site/assets/extradition.js.
    if (window.lawgapExtradition && data.extradition) {
      output.appendChild(window.lawgapExtradition.section(data, domain, codes, "methodology.html#extradition"));
    }

    var differing = d.requirements.map(function (r, i) { return [r, i]; }).filter(function (pair) {
      var first = entries[0].requirements[pair[1]];
      return entries.some(function (e) { return e.requirements[pair[1]] !== first; });
    });
    output.appendChild(el("h2", {}, ["Requirements that differ"]));
    if (!differing.length) {
      output.appendChild(el("p", {}, ["Every requirement has the same status in all selected jurisdictions."]));
    } else {
      output.appendChild(table(["Requirement", "Article"].concat(linked.map(function (a) { return a.cloneNode(true); })),
        differing.map(function (pair) {
          var r = pair[0];
          var standard = el("a", { href: "baselines/" + encodeURIComponent(r.baseline) + ".html#" + encodeURIComponent(r.id) }, [r.title]);
          return [standard, r.article].concat(entries.map(function (e, i) {
            // the same anchor as the country page's requirement row (render/site/anchors.py)
            return statusBadge(e.requirements[pair[1]], jurisdictionPage(codes[i]) + "#" + encodeURIComponent(domain + "-requirement-" + r.id));
          }));
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
      (data.domain_order || Object.keys(data.domains)).forEach(function (key) {
        if (has(data.domains, key)) domainSelect.appendChild(el("option", { value: key }, [data.domains[key].title]));
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
    Array.prototype.forEach.call(document.querySelectorAll("svg.lawgap-map"), setUpMap);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
