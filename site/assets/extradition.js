/* lawgap extradition verdicts in the browser, from data/compare.json (render/site/extradition_data.py).
   verdict() follows engine/extradition.py rule for rule and word for word: tests/test_extradition_browser.py
   runs both on the same facts and compares grounds, reasons, missing facts and conditions. section()
   draws the compare page's extradition part; all text from the data goes in with textContent.
   Loads in the browser (window.lawgapExtradition) and in Node (module.exports) for that test. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.lawgapExtradition = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var CLEARS = "clears", BARS = "bars", UNKNOWN = "unknown";
  var SERIOUS_CRIME_YEARS = 4;
  var GROUNDS = {
    "dual-criminality": "Is the conduct an offence in both States, as the requested State judges dual criminality?",
    "penalty-threshold": "Does the offence carry the minimum penalty the requested State's law asks for?",
    "legal-basis": "Does the requested State have a legal basis to extradite: its own law, or UNTOC where it needs a treaty?",
    "death-penalty": "Would the requested State refuse because the requesting State's penalty includes death?",
    "nationals": "Does the requested State surrender its own nationals?"
  };
  var UNTOC_CONDITION = "the offence is transnational and involves an organized criminal group (UNTOC arts. 3(1) and 16(1))";
  var NO_TREATY_RECORDS = "a bilateral or regional extradition treaty between the two States could still provide one; " +
    "lawgap does not record those";

  // -- three-valued logic and terms (engine/compare.py known_all, engine/thresholds.py, engine/term_words.py) --

  function knownAll(values) {
    if (values.every(function (v) { return v === true; })) return true;
    if (values.some(function (v) { return v === false; })) return false;
    return null;
  }

  function knownAny(values) {
    if (values.some(function (v) { return v === true; })) return true;
    if (values.every(function (v) { return v === false; })) return false;
    return null;
  }

  function termAtLeast(minYears, maxYears, threshold) {
    if (maxYears !== null && maxYears !== undefined) return maxYears === "life" || maxYears >= threshold;
    if (minYears !== null && minYears !== undefined && minYears >= threshold) return true;
    return null;
  }

  // measuredAtLeast: engine/thresholds.py measured_at_least (a threshold read by the minimum or the mean)
  function measuredAtLeast(terms, measure, threshold) {
    var clears = terms.map(function (term) {
      var bounds = term === null ? null : measuredBounds(term, measure);
      if (bounds === null) return null;
      if (bounds[0] >= threshold) return true;
      return bounds[1] < threshold ? false : null;
    });
    if (clears.some(function (c) { return c === true; })) return true;
    return clears.length && clears.every(function (c) { return c === false; }) ? false : null;
  }

  // measuredBounds: engine/thresholds.py _measured_bounds (a minimum not read, "unknown", lies between 0 and the maximum)
  function measuredBounds(term, measure) {
    var low = term[0], top = term[1] === "life" ? Infinity : term[1];
    if (measure === "minimum") {
      if (low !== "unknown") return [low, low];
      return top === null ? null : [0, top];
    }
    if (top === null) return null;
    if (low === "unknown") return [top / 2, top];
    return [(low + top) / 2, (low + top) / 2];
  }

  var MEASURE_WORDS = { maximum: "", minimum: " for the offence's minimum term",
                        mean: " for the mean of the offence's minimum and maximum terms" };

  function plural(number, unit) {
    return number + " " + unit + (number === 1 ? "" : "s");
  }

  function termWords(value) {
    if (value === "life") return "life";
    if (value >= 1 || value === 0) return plural(value, "year");
    var months = value * 12, weeks = value * 52;
    if (Math.abs(months - Math.round(months)) <= 0.06) return plural(Math.round(months), "month");
    if (Math.abs(weeks - Math.round(weeks)) <= 0.1) return plural(Math.round(weeks), "week");
    return months.toFixed(1) + " months";
  }

  function unique(values) {
    return values.filter(function (v, i) { return values.indexOf(v) === i; });
  }

  // -- reading the data ------------------------------------------------------------------------

  var UNKNOWN_FACT = { value: null, words: "unknown" };
  var DEATH_FLAGS = { "1": true, "0": false, "?": null };

  // An object's own key only: a name in the data never reaches Object.prototype.
  function own(object, key) {
    return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function State(data, domain, code, term) {
    var status = data.domains[domain].entries[code].conduct[term];  // [criminal, max, min, extraditable]
    var law = data.extradition.jurisdictions[code];
    var facts = Object.create(null);
    ["nationals", "penalty_threshold", "treaty_required", "untoc_legal_basis", "reciprocity", "death_penalty_refusal",
     "dual_criminality_test"].forEach(function (name) { facts[name] = own(law.facts, name) || UNKNOWN_FACT; });
    var death = data.extradition.death[domain][code];
    var index = data.domains[domain].conducts.indexOf(term);
    var terms = own(own(data.extradition.terms[domain], code), term) || [];
    return { code: code, name: data.jurisdictions[code].name, criminal: status[0], max: status[1], min: status[2], terms: terms,
             facts: facts, treaties: law.treaties,
             death: [DEATH_FLAGS[death.flags.charAt(index)], own(death.tiers, term) || [], own(death.sources, term) || null] };
  }

  function fact(state, name) {
    var recorded = state.facts[name];
    return { jurisdiction: state.code, fact: "extradition." + name, value: recorded.words, source: recorded.source || null,
             url: recorded.url || null };
  }

  function treatyFact(state, treaty) {
    var recorded = state.treaties[treaty];
    return { jurisdiction: state.code, fact: "treaties." + treaty, value: recorded.words, source: recorded.source || null,
             url: recorded.url || null };
  }

  function conductFact(state, term) {
    var words;
    if (state.criminal === null) words = "unknown";
    else if (state.criminal === false) words = "not an offence";
    else if (state.max !== null) words = "an offence, maximum " + termWords(state.max);
    else if (state.min) words = "an offence, at least " + termWords(state.min) + ", maximum unknown";
    else words = "an offence, maximum unknown";
    return { jurisdiction: state.code, fact: "conduct " + term, value: words, source: null, url: null };
  }

  function yesNo(value) {
    return value === true ? "yes" : value === false ? "no" : "unknown";
  }

  function names(states) {
    return states.map(function (s) { return s.name; }).join(" and ");
  }

  function ground(name, outcome, reason, facts, missing, conditions) {
    return { name: name, outcome: outcome, reason: reason, facts: facts, missing: missing || [], conditions: conditions || [] };
  }

  // -- the grounds (engine/extradition.py) ------------------------------------------------------

  function dualCriminality(a, b, term) {
    var test = b.facts.dual_criminality_test.value;
    var facts = [conductFact(a, term), conductFact(b, term), fact(b, "dual_criminality_test")];
    var criminal = knownAll([a.criminal, b.criminal]);
    if (criminal === false) {
      var where = [a, b].filter(function (s) { return s.criminal === false; }).map(function (s) { return s.name; });
      return ground("dual-criminality", BARS, "Not an offence in " + where.join(" or ") + ".", facts);
    }
    if (criminal === null) {
      var unknown = [a, b].filter(function (s) { return s.criminal === null; });
      return ground("dual-criminality", UNKNOWN, "Whether it is an offence in " + names(unknown) + " is not known.", facts,
        unknown.map(function (s) { return s.code + " conduct " + term; }));
    }
    if (test === "conduct") {
      return ground("dual-criminality", CLEARS, "An offence in both, and " + b.name + " judges dual criminality by conduct.", facts);
    }
    if (test === "label") {
      return ground("dual-criminality", UNKNOWN, "An offence in both, but " + b.name + " asks for an offence of the same name " +
        "or category, and lawgap compares conduct, not offence names.", facts);
    }
    return ground("dual-criminality", UNKNOWN, "An offence in both; how " + b.name + " judges dual criminality (by conduct " +
      "or by the offence's name) is not known.", facts, [b.code + " extradition.dual_criminality_test"]);
  }

  function threshold(a, b, term) {
    var value = b.facts.penalty_threshold.value;
    var facts = [fact(b, "penalty_threshold")];
    if (value === false) return ground("penalty-threshold", CLEARS, b.name + "'s law sets no minimum penalty.", facts);
    if (value === null || typeof value !== "object") {
      return ground("penalty-threshold", UNKNOWN, b.name + "'s minimum penalty for extradition is not known.", facts,
        [b.code + " extradition.penalty_threshold"]);
    }
    var judged = { requested: [b], requesting: [a], both: [a, b] }[value.judged_in];
    judged.forEach(function (s) { facts.push(conductFact(s, term)); });
    var whose = { requested: b.name, requesting: a.name, both: "both " + a.name + " and " + b.name }[value.judged_in];
    var measure = value.measure || "maximum";
    var minimum = b.name + "'s minimum of " + termWords(value.years) + MEASURE_WORDS[measure] + " (in the law of " + whose + ")";
    var clears = judged.map(function (s) {
      if (s.criminal === false) return false;
      return measure === "maximum" ? termAtLeast(s.min, s.max, value.years) : measuredAtLeast(s.terms, measure, value.years);
    });
    var result = knownAll(clears);
    if (result === true) return ground("penalty-threshold", CLEARS, "The offence reaches " + minimum + ".", facts);
    if (result === false) {
      return ground("penalty-threshold", BARS, "The offence falls below " + minimum + " in " +
        names(judged.filter(function (s, i) { return clears[i] === false; })) + ".", facts);
    }
    var unknown = judged.filter(function (s, i) { return clears[i] === null; });
    var needed = measure === "maximum" ? "maximum" : "prison term";
    return ground("penalty-threshold", UNKNOWN, "Whether the offence reaches " + minimum + " is not known: its " + needed + " in " +
      names(unknown) + " is not recorded.", facts, unknown.map(function (s) {
        return s.code + " conduct " + term + ": " + (measure === "maximum" ? "maximum prison term" : "prison term"); }));
  }

  function untocParts(a, b, domain, term, asOf) {
    var parts = [{ holds: b.facts.untoc_legal_basis.value, fails: b.name + " does not take UNTOC as a legal basis",
                   facts: [fact(b, "untoc_legal_basis")], missing: [b.code + " extradition.untoc_legal_basis"] }];
    [a, b].forEach(function (s) {
      parts.push({ holds: s.treaties.untoc.party, fails: s.name + " is not a party to UNTOC on " + asOf,
                   facts: [treatyFact(s, "untoc")], missing: [s.code + " treaties.untoc"] });
    });
    var serious = [a, b].map(function (s) { return s.criminal === false ? false : termAtLeast(s.min, s.max, SERIOUS_CRIME_YEARS); });
    var covered = knownAll(serious);
    var missing = [a, b].filter(function (s, i) { return serious[i] === null; })
      .map(function (s) { return s.code + " conduct " + term + ": maximum prison term"; });
    var facts = [];
    var fails = "the offence is not a serious crime (a maximum of at least " + SERIOUS_CRIME_YEARS + " years) in both States";
    if (domain === "human-trafficking") {  // Protocol art. 1(3): its offences are offences established under UNTOC
      var protocol = knownAll([a, b].map(function (s) { return s.treaties["palermo-protocol"].party; }));
      facts = [treatyFact(a, "palermo-protocol"), treatyFact(b, "palermo-protocol")];
      covered = knownAny([protocol, covered]);
      fails += ", and the two are not both parties to the Palermo Protocol";
      if (protocol === null) {
        [a, b].forEach(function (s) { if (s.treaties["palermo-protocol"].party === null) missing.push(s.code + " treaties.palermo-protocol"); });
      }
    }
    parts.push({ holds: covered, fails: fails, facts: facts, missing: missing });
    return parts;
  }

  function legalBasis(a, b, domain, term, asOf) {
    var required = b.facts.treaty_required.value;
    var facts = [fact(b, "treaty_required")];
    if (required === false) {
      facts.push(fact(b, "reciprocity"));
      var conditions = b.facts.reciprocity.value === true ? [a.name + " assures reciprocity"] : [];
      return ground("legal-basis", CLEARS, b.name + " extradites without a treaty.", facts, [], conditions);
    }
    var parts = untocParts(a, b, domain, term, asOf);
    parts.forEach(function (p) { facts = facts.concat(p.facts); });
    var untoc = knownAll(parts.map(function (p) { return p.holds; }));
    if (untoc === true) {
      return ground("legal-basis", CLEARS, b.name + " takes UNTOC as its legal basis for extradition; both States are parties and " +
        "UNTOC covers the offence.", facts, [], [UNTOC_CONDITION]);
    }
    if (untoc === false && required === true) {
      var why = parts.filter(function (p) { return p.holds === false; }).map(function (p) { return p.fails; }).join("; ");
      return ground("legal-basis", BARS, b.name + " extradites only under a treaty, and UNTOC cannot serve here (" + why + "): " +
        NO_TREATY_RECORDS + ".", facts);
    }
    var missing = required === null ? [b.code + " extradition.treaty_required"] : [];
    if (untoc === null) parts.forEach(function (p) { if (p.holds === null) missing = missing.concat(p.missing); });
    return ground("legal-basis", UNKNOWN, "Whether " + b.name + " has a legal basis to extradite to " + a.name + " is not known.", facts, missing);
  }

  function deathPenalty(a, b, term) {
    var refuses = b.facts.death_penalty_refusal.value;
    var death = a.death[0], aggravated = a.death[1];
    var facts = [fact(b, "death_penalty_refusal"),
                 { jurisdiction: a.code, fact: "conduct " + term + ": death penalty", value: yesNo(death), source: a.death[2], url: null }];
    var tiers = aggravated.length && refuses === true ? [a.name + " does not charge the aggravated form (" + aggravated.join(", ") +
      ") that carries death, or assures it will not be imposed or carried out"] : [];
    if (refuses === false) return ground("death-penalty", CLEARS, b.name + "'s law sets no death-penalty bar.", facts);
    if (death === false) return ground("death-penalty", CLEARS, a.name + "'s penalty for the offence does not include death.", facts, [], tiers);
    if (death === true && refuses === true) {
      return ground("death-penalty", BARS, a.name + "'s penalty for the offence includes death, and " + b.name + " refuses to extradite " +
        "without assurances that it will not be imposed or carried out.", facts);
    }
    var missing = (refuses === null ? [b.code + " extradition.death_penalty_refusal"] : [])
      .concat(death === null ? [a.code + " conduct " + term + ": death penalty"] : []);
    var reason;
    if (refuses === null && death === null) {
      reason = "Whether " + b.name + " refuses for the death penalty, and whether " + a.name + "'s penalty for the offence includes death, are not known.";
    } else if (refuses === null) {
      reason = a.name + "'s penalty for the offence includes death; whether " + b.name + " refuses to extradite without assurances is not known.";
    } else {
      reason = b.name + " refuses to extradite without assurances where death may be imposed; whether " + a.name + "'s penalty for the " +
        "offence includes death is not known.";
    }
    return ground("death-penalty", UNKNOWN, reason, facts, missing);
  }

  function nationals(a, b) {
    var rule = b.facts.nationals;
    var facts = [fact(b, "nationals")];
    if (rule.value === "yes") return ground("nationals", CLEARS, b.name + " surrenders its nationals.", facts);
    if (rule.value === "no") {
      return ground("nationals", BARS, b.name + " does not surrender its nationals; under UNTOC art. 16(10) it must then submit the " +
        "case to its own prosecutors.", facts);
    }
    if (rule.value === "conditional") {
      var onlyTo = rule.only_to || [];
      if (onlyTo.length && onlyTo.indexOf(a.code) === -1) {
        return ground("nationals", BARS, b.name + " surrenders its nationals only to " + onlyTo.join(", ") + ", not to " + a.name + ".", facts);
      }
      return ground("nationals", CLEARS, b.name + " surrenders its nationals on a condition.", facts, [], [rule.condition || ""]);
    }
    return ground("nationals", UNKNOWN, "Whether " + b.name + " surrenders its nationals is not known.", facts, [b.code + " extradition.nationals"]);
  }

  function combined(grounds) {
    var outcomes = grounds.map(function (g) { return g.outcome; });
    if (outcomes.indexOf(BARS) !== -1) return "barred";
    if (outcomes.indexOf(UNKNOWN) !== -1) return "unknown";
    return "extraditable";
  }

  // Can `requested` surrender to `requesting` a person sought for `conduct`? (engine/extradition.py verdict)
  function verdict(data, domain, requesting, requested, conduct) {
    var a = State(data, domain, requesting, conduct), b = State(data, domain, requested, conduct);
    var grounds = [dualCriminality(a, b, conduct), threshold(a, b, conduct), legalBasis(a, b, domain, conduct, data.as_of),
                   deathPenalty(a, b, conduct)];
    var own = nationals(a, b);
    var conditions = unique([].concat.apply([], grounds.map(function (g) { return g.conditions; })));
    var missing = unique([].concat.apply([], grounds.filter(function (g) { return g.outcome === UNKNOWN; }).map(function (g) { return g.missing; })));
    var prosecution = data.extradition.prosecution[domain][requested];
    return {
      requesting: requesting, requested: requested, domain: domain, conduct: conduct,
      status: combined(grounds), status_for_nationals: combined(grounds.concat([own])),
      conditions: conditions, conditions_for_nationals: unique(conditions.concat(own.conditions)), missing: missing,
      grounds: grounds, nationals: own,
      prosecution: { jurisdiction: requested, fact: "measures.extraterritorial-jurisdiction", value: prosecution.words,
                     source: prosecution.source || null, url: null }
    };
  }

  // -- the compare page's extradition section ---------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  var VERDICT_WORDS = { "extraditable": "extraditable", "barred": "barred", "unknown": "unknown" };
  var OUTCOME_WORDS = { "clears": "clears", "bars": "bars", "unknown": "unknown" };

  function badge(status) {
    return el("span", { "class": "lawgap-verdict " + status }, [VERDICT_WORDS[status] || "unknown"]);
  }

  function citation(source, url) {
    if (source) {
      var words = source.title + ", " + source.provision + (source.absence ? " (absence finding)" : "") +
        (source.verification !== "source-text" ? " (" + source.verification + ")" : "");
      return /^https:\/\//.test(source.url) ? el("a", { href: source.url, rel: "noopener" }, [words]) : document.createTextNode(words);
    }
    if (url && /^https:\/\//.test(url)) return el("a", { href: url, rel: "noopener" }, ["depositary record"]);
    return null;
  }

  function factItem(item, allNames) {
    var li = el("li", {}, [allNames[item.jurisdiction] + " — " + item.fact + ": " + item.value]);
    var cited = citation(item.source, item.url);
    if (cited) { li.appendChild(document.createTextNode(" — ")); li.appendChild(cited); }
    return li;
  }

  function groundItem(g, allNames) {
    return el("li", { "class": "lawgap-ground" }, [
      el("span", { "class": "lawgap-outcome " + g.outcome }, [OUTCOME_WORDS[g.outcome]]), " ",
      el("strong", {}, [GROUNDS[g.name]]), " " + g.reason,
      el("ul", { "class": "lawgap-facts" }, g.facts.map(function (f) { return factItem(f, allNames); }))
    ]);
  }

  function pairDetails(v, allNames) {
    var summary = allNames[v.requested] + " → " + allNames[v.requesting] + ": ";
    var box = el("details", { "class": "lawgap-pair", "data-requested": v.requested, "data-requesting": v.requesting }, [
      el("summary", {}, [summary, badge(v.status), "; its nationals: ", badge(v.status_for_nationals)])
    ]);
    box.appendChild(el("p", {}, ["The first four grounds decide for anyone found in " + allNames[v.requested] + " and sought by " +
      allNames[v.requesting] + "; the last one only if the person is a national of " + allNames[v.requested] + "."]));
    box.appendChild(el("ul", { "class": "lawgap-grounds" }, v.grounds.concat([v.nationals]).map(function (g) { return groundItem(g, allNames); })));
    if (v.nationals.outcome !== CLEARS) {
      var p = el("p", {}, ["Where it does not surrender its nationals, can " + allNames[v.requested] + "'s courts try them for the offence " +
        "committed abroad (aut dedere aut judicare, UNTOC art. 16(10))? " + v.prosecution.value]);
      var cited = citation(v.prosecution.source, null);
      if (cited) { p.appendChild(document.createTextNode(" — ")); p.appendChild(cited); }
      box.appendChild(p);
    }
    if (v.conditions_for_nationals.length) {
      box.appendChild(el("p", {}, ["Conditions lawgap cannot check: " + v.conditions_for_nationals.join("; ") + "."]));
    }
    var missing = unique(v.missing.concat(v.nationals.outcome === UNKNOWN ? v.nationals.missing : []));
    if (missing.length) box.appendChild(el("p", {}, ["Facts that would settle the unknowns: " + missing.join(", ") + "."]));
    return box;
  }

  function table(head, rows) {
    return el("div", { "class": "scroll" }, [el("table", { "class": "lawgap-extradition-matrix" }, [
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col" }, [h]); }))]),
      el("tbody", {}, rows.map(function (cells) {
        return el("tr", {}, cells.map(function (c, i) { return el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}, [c]); }));
      }))
    ])]);
  }

  var chosenConduct = Object.create(null);  // per domain, kept while the route or domain changes

  // The extradition part of the compare page for the selected States (codes, in route order).
  function section(data, domain, codes, methodologyHref) {
    var conducts = data.domains[domain].conducts;
    if (!chosenConduct[domain] || conducts.indexOf(chosenConduct[domain]) === -1) chosenConduct[domain] = conducts[0];
    var allNames = Object.create(null);
    Object.keys(data.jurisdictions).forEach(function (c) { allNames[c] = data.jurisdictions[c].name; });
    var select = el("select", { id: "lawgap-extradition-conduct" }, conducts.map(function (c) { return el("option", { value: c }, [c]); }));
    select.value = chosenConduct[domain];
    var output = el("div", { id: "lawgap-extradition-output", "aria-live": "polite" });
    var box = el("section", { "class": "lawgap-extradition", "aria-labelledby": "lawgap-extradition-title" }, [
      el("h2", { id: "lawgap-extradition-title" }, ["Extradition"]),
      el("p", {}, ["Can the State where a person is found surrender them to another State on your list? Read from the " +
        "requested State's own law (its minimum penalty, whether it surrenders its nationals, whether it needs a treaty, " +
        "a death-penalty bar) and dual criminality for one conduct. Bilateral and regional treaties, the political-offence " +
        "and fair-trial exceptions and the authorities' discretion are not covered: ",
        el("a", { href: methodologyHref }, ["what the verdict covers"]), "."]),
      el("div", { "class": "controls" }, [el("label", {}, ["Conduct", select])]),
      output
    ]);
    function draw() {
      output.textContent = "";
      var conduct = select.value;
      var verdicts = Object.create(null);
      codes.forEach(function (requested) {
        codes.forEach(function (requesting) {
          if (requested !== requesting) verdicts[requested + ">" + requesting] = verdict(data, domain, requesting, requested, conduct);
        });
      });
      output.appendChild(table(["Person found in ↓, sought by →"].concat(codes.map(function (c) { return allNames[c]; })),
        codes.map(function (requested) {
          return [allNames[requested]].concat(codes.map(function (requesting) {
            if (requested === requesting) return "—";
            var v = verdicts[requested + ">" + requesting];
            var cell = el("span", { "class": "lawgap-verdict-cell" }, [badge(v.status)]);
            if (v.status_for_nationals !== v.status) cell.appendChild(el("small", {}, [" its nationals: " + v.status_for_nationals]));
            return cell;
          }));
        })));
      if (codes.length > 2) {
        output.appendChild(el("h3", {}, ["Legs of the route"]));
        output.appendChild(el("ul", {}, codes.slice(1).map(function (later, i) {
          var earlier = codes[i];
          var back = verdicts[later + ">" + earlier], forth = verdicts[earlier + ">" + later];
          return el("li", {}, [allNames[earlier] + " → " + allNames[later] + ": found in " + allNames[later] + ", sought by " +
            allNames[earlier] + " ", badge(back.status), "; found in " + allNames[earlier] + ", sought by " + allNames[later] + " ", badge(forth.status)]);
        })));
      }
      output.appendChild(el("h3", {}, ["Why, pair by pair"]));
      codes.forEach(function (requested) {
        codes.forEach(function (requesting) {
          if (requested !== requesting) output.appendChild(pairDetails(verdicts[requested + ">" + requesting], allNames));
        });
      });
    }
    select.addEventListener("change", function () { chosenConduct[domain] = select.value; draw(); });
    draw();
    return box;
  }

  return { verdict: verdict, section: section, GROUNDS: GROUNDS };
});
