// The site's search: reads the index that package internal/search wrote
// under the search page's folder, a few files per query, and lists the
// pages that match, best first. No third-party code, no server.
//
// Words become keys as in Go (internal/search/analyze.go): lowercase,
// Snowball's Finnish stemmer (ported below from the Go code that Snowball
// generates, github.com/blevesearch/snowballstem/finnish), then "even".
// The Go tests run this file in node over the site's words and hold its
// keys to Go's.
(function (global) {
  "use strict";

  // --- Snowball's Finnish stemmer --------------------------------------

  function Env(s) {
    this.current = s;
    this.cursor = 0;
    this.limit = s.length;
    this.limitBackward = 0;
    this.bra = 0;
    this.ket = s.length;
  }
  Env.prototype.inGrouping = function (g, min, max) {
    if (this.cursor >= this.limit) return false;
    var ch = this.current.charCodeAt(this.cursor);
    if (ch > max || ch < min) return false;
    ch -= min;
    if ((g[ch >>> 3] & (1 << (ch & 7))) === 0) return false;
    this.cursor++;
    return true;
  };
  Env.prototype.outGrouping = function (g, min, max) {
    if (this.cursor >= this.limit) return false;
    var ch = this.current.charCodeAt(this.cursor);
    if (ch > max || ch < min || (g[(ch - min) >>> 3] & (1 << ((ch - min) & 7))) === 0) {
      this.cursor++;
      return true;
    }
    return false;
  };
  Env.prototype.inGroupingB = function (g, min, max) {
    if (this.cursor <= this.limitBackward) return false;
    var ch = this.current.charCodeAt(this.cursor - 1);
    if (ch > max || ch < min) return false;
    ch -= min;
    if ((g[ch >>> 3] & (1 << (ch & 7))) === 0) return false;
    this.cursor--;
    return true;
  };
  Env.prototype.outGroupingB = function (g, min, max) {
    if (this.cursor <= this.limitBackward) return false;
    var ch = this.current.charCodeAt(this.cursor - 1);
    if (ch > max || ch < min || (g[(ch - min) >>> 3] & (1 << ((ch - min) & 7))) === 0) {
      this.cursor--;
      return true;
    }
    return false;
  };
  Env.prototype.eqSB = function (s) {
    if (this.cursor - this.limitBackward < s.length) return false;
    if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  };
  Env.prototype.sliceFrom = function (s) {
    var bra = this.bra, ket = this.ket;
    var adjustment = s.length - (ket - bra);
    var right = ket < bra ? bra : ket;
    this.current = this.current.slice(0, bra) + s + this.current.slice(right);
    this.limit += adjustment;
    if (this.cursor >= ket) this.cursor += adjustment;
    else if (this.cursor > bra) this.cursor = bra;
  };
  Env.prototype.sliceDel = function () { this.sliceFrom(""); };
  Env.prototype.sliceTo = function () { return this.current.slice(this.bra, this.ket); };
  // findAmongB: among entries are [string, substring index, result, routine].
  Env.prototype.findAmongB = function (v, ctx) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limitBackward;
    var commonI = 0, commonJ = 0, firstKeyInspected = false;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0;
      var common = commonI < commonJ ? commonI : commonJ;
      var w = v[k];
      for (var l = w[0].length - 1 - common; l >= 0; l--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(l);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; commonJ = common; } else { i = k; commonI = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || firstKeyInspected) break;
        firstKeyInspected = true;
      }
    }
    for (;;) {
      var e = v[i];
      if (commonI >= e[0].length) {
        this.cursor = c - e[0].length;
        if (!e[3]) return e[2];
        var res = e[3](this, ctx);
        this.cursor = c - e[0].length;
        if (res) return e[2];
      }
      i = e[1];
      if (i < 0) return 0;
    }
  };

  var gAEI = [17, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8];
  var gV1 = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32];
  var gV2 = [17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32];
  var gParticleEnd = [17, 97, 24, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32];

  function rLONG(e, c) { return e.findAmongB(a5, c) !== 0; }
  function rVI(e) { return e.eqSB("i") && e.inGroupingB(gV2, 97, 246); }

  var a0 = [["pa", -1, 1], ["sti", -1, 2], ["kaan", -1, 1], ["han", -1, 1], ["kin", -1, 1],
    ["h\u00e4n", -1, 1], ["k\u00e4\u00e4n", -1, 1], ["ko", -1, 1], ["p\u00e4", -1, 1], ["k\u00f6", -1, 1]];
  var a1 = [["lla", -1, -1], ["na", -1, -1], ["ssa", -1, -1], ["ta", -1, -1], ["lta", 3, -1], ["sta", 3, -1]];
  var a2 = [["ll\u00e4", -1, -1], ["n\u00e4", -1, -1], ["ss\u00e4", -1, -1], ["t\u00e4", -1, -1],
    ["lt\u00e4", 3, -1], ["st\u00e4", 3, -1]];
  var a3 = [["lle", -1, -1], ["ine", -1, -1]];
  var a4 = [["nsa", -1, 3], ["mme", -1, 3], ["nne", -1, 3], ["ni", -1, 2], ["si", -1, 1], ["an", -1, 4],
    ["en", -1, 6], ["\u00e4n", -1, 5], ["ns\u00e4", -1, 3]];
  var a5 = [["aa", -1, -1], ["ee", -1, -1], ["ii", -1, -1], ["oo", -1, -1], ["uu", -1, -1],
    ["\u00e4\u00e4", -1, -1], ["\u00f6\u00f6", -1, -1]];
  var a6 = [["a", -1, 8], ["lla", 0, -1], ["na", 0, -1], ["ssa", 0, -1], ["ta", 0, -1], ["lta", 4, -1],
    ["sta", 4, -1], ["tta", 4, 9], ["lle", -1, -1], ["ine", -1, -1], ["ksi", -1, -1], ["n", -1, 7],
    ["han", 11, 1], ["den", 11, -1, rVI], ["seen", 11, -1, rLONG], ["hen", 11, 2], ["tten", 11, -1, rVI],
    ["hin", 11, 3], ["siin", 11, -1, rVI], ["hon", 11, 4], ["h\u00e4n", 11, 5], ["h\u00f6n", 11, 6],
    ["\u00e4", -1, 8], ["ll\u00e4", 22, -1], ["n\u00e4", 22, -1], ["ss\u00e4", 22, -1], ["t\u00e4", 22, -1],
    ["lt\u00e4", 26, -1], ["st\u00e4", 26, -1], ["tt\u00e4", 26, 9]];
  var a7 = [["eja", -1, -1], ["mma", -1, 1], ["imma", 1, -1], ["mpa", -1, 1], ["impa", 3, -1],
    ["mmi", -1, 1], ["immi", 5, -1], ["mpi", -1, 1], ["impi", 7, -1], ["ej\u00e4", -1, -1],
    ["mm\u00e4", -1, 1], ["imm\u00e4", 10, -1], ["mp\u00e4", -1, 1], ["imp\u00e4", 12, -1]];
  var a8 = [["i", -1, -1], ["j", -1, -1]];
  var a9 = [["mma", -1, 1], ["imma", 0, -1]];

  function markRegions(e, c) {
    c.p1 = e.limit;
    c.p2 = e.limit;
    for (var n = 0; n < 2; n++) {
      for (;;) { // goto V1
        var v = e.cursor;
        if (e.inGrouping(gV1, 97, 246)) { e.cursor = v; break; }
        e.cursor = v;
        if (e.cursor >= e.limit) return false;
        e.cursor++;
      }
      for (;;) { // gopast non-V1
        if (e.outGrouping(gV1, 97, 246)) break;
        if (e.cursor >= e.limit) return false;
        e.cursor++;
      }
      if (n === 0) c.p1 = e.cursor; else c.p2 = e.cursor;
    }
    return true;
  }

  // findIn is "setlimit tomark mark for ([substring])": the among's
  // result, 0 when none matched.
  function findIn(e, mark, among, c) {
    var v1 = e.limit - e.cursor;
    if (e.cursor < mark) return 0;
    e.cursor = mark;
    var v2 = e.limitBackward;
    e.limitBackward = e.cursor;
    e.cursor = e.limit - v1;
    e.ket = e.cursor;
    var a = e.findAmongB(among, c);
    if (a === 0) { e.limitBackward = v2; return 0; }
    e.bra = e.cursor;
    e.limitBackward = v2;
    return a;
  }

  function particleEtc(e, c) {
    var a = findIn(e, c.p1, a0, c);
    if (a === 0) return false;
    if (a === 1 && !e.inGroupingB(gParticleEnd, 97, 246)) return false;
    if (a === 2 && !(c.p2 <= e.cursor)) return false;
    e.sliceDel();
    return true;
  }

  function possessive(e, c) {
    var a = findIn(e, c.p1, a4, c);
    if (a === 0) return false;
    switch (a) {
      case 1:
        var v3 = e.limit - e.cursor;
        if (e.eqSB("k")) return false;
        e.cursor = e.limit - v3;
        e.sliceDel();
        break;
      case 2:
        e.sliceDel();
        e.ket = e.cursor;
        if (!e.eqSB("kse")) return false;
        e.bra = e.cursor;
        e.sliceFrom("ksi");
        break;
      case 3:
        e.sliceDel();
        break;
      case 4:
      case 5:
      case 6:
        if (e.findAmongB(a === 4 ? a1 : a === 5 ? a2 : a3, c) === 0) return false;
        e.sliceDel();
        break;
    }
    return true;
  }

  function caseEnding(e, c) {
    var a = findIn(e, c.p1, a6, c);
    if (a === 0) return false;
    switch (a) {
      case 1: if (!e.eqSB("a")) return false; break;
      case 2: if (!e.eqSB("e")) return false; break;
      case 3: if (!e.eqSB("i")) return false; break;
      case 4: if (!e.eqSB("o")) return false; break;
      case 5: if (!e.eqSB("\u00e4")) return false; break;
      case 6: if (!e.eqSB("\u00f6")) return false; break;
      case 7:
        var v3 = e.limit - e.cursor;
        lab0: {
          var v4 = e.limit - e.cursor;
          lab1: {
            var v5 = e.limit - e.cursor;
            if (rLONG(e, c)) break lab1;
            e.cursor = e.limit - v5;
            if (!e.eqSB("ie")) { e.cursor = e.limit - v3; break lab0; }
          }
          e.cursor = e.limit - v4;
          if (e.cursor <= e.limitBackward) { e.cursor = e.limit - v3; break lab0; }
          e.cursor--;
          e.bra = e.cursor;
        }
        break;
      case 8:
        if (!e.inGroupingB(gV1, 97, 246)) return false;
        if (!e.outGroupingB(gV1, 97, 246)) return false;
        break;
      case 9: if (!e.eqSB("e")) return false; break;
    }
    e.sliceDel();
    c.endingRemoved = true;
    return true;
  }

  function otherEndings(e, c) {
    var a = findIn(e, c.p2, a7, c);
    if (a === 0) return false;
    if (a === 1) {
      var v3 = e.limit - e.cursor;
      if (e.eqSB("po")) return false;
      e.cursor = e.limit - v3;
    }
    e.sliceDel();
    return true;
  }

  function iPlural(e, c) {
    if (findIn(e, c.p1, a8, c) === 0) return false;
    e.sliceDel();
    return true;
  }

  function tPlural(e, c) {
    var v1 = e.limit - e.cursor;
    if (e.cursor < c.p1) return false;
    e.cursor = c.p1;
    var v2 = e.limitBackward;
    e.limitBackward = e.cursor;
    e.cursor = e.limit - v1;
    e.ket = e.cursor;
    if (!e.eqSB("t")) { e.limitBackward = v2; return false; }
    e.bra = e.cursor;
    var v3 = e.limit - e.cursor;
    if (!e.inGroupingB(gV1, 97, 246)) { e.limitBackward = v2; return false; }
    e.cursor = e.limit - v3;
    e.sliceDel();
    e.limitBackward = v2;
    var a = findIn(e, c.p2, a9, c);
    if (a === 0) return false;
    if (a === 1) {
      var v6 = e.limit - e.cursor;
      if (e.eqSB("po")) return false;
      e.cursor = e.limit - v6;
    }
    e.sliceDel();
    return true;
  }

  function tidy(e, c) {
    var v1 = e.limit - e.cursor;
    if (e.cursor < c.p1) return false;
    e.cursor = c.p1;
    var v2 = e.limitBackward;
    e.limitBackward = e.cursor;
    e.cursor = e.limit - v1;
    var v3 = e.limit - e.cursor;
    lab0: { // undouble a long vowel
      var v4 = e.limit - e.cursor;
      if (!rLONG(e, c)) break lab0;
      e.cursor = e.limit - v4;
      e.ket = e.cursor;
      if (e.cursor <= e.limitBackward) break lab0;
      e.cursor--;
      e.bra = e.cursor;
      e.sliceDel();
    }
    e.cursor = e.limit - v3;
    var v5 = e.limit - e.cursor;
    lab1: { // a trailing a, ä, e or i after a consonant
      e.ket = e.cursor;
      if (!e.inGroupingB(gAEI, 97, 228)) break lab1;
      e.bra = e.cursor;
      if (!e.outGroupingB(gV1, 97, 246)) break lab1;
      e.sliceDel();
    }
    e.cursor = e.limit - v5;
    var v6 = e.limit - e.cursor;
    lab2: { // j after o or u
      e.ket = e.cursor;
      if (!e.eqSB("j")) break lab2;
      e.bra = e.cursor;
      lab3: {
        var v7 = e.limit - e.cursor;
        if (e.eqSB("o")) break lab3;
        e.cursor = e.limit - v7;
        if (!e.eqSB("u")) break lab2;
      }
      e.sliceDel();
    }
    e.cursor = e.limit - v6;
    var v8 = e.limit - e.cursor;
    lab5: { // o after j
      e.ket = e.cursor;
      if (!e.eqSB("o")) break lab5;
      e.bra = e.cursor;
      if (!e.eqSB("j")) break lab5;
      e.sliceDel();
    }
    e.cursor = e.limit - v8;
    e.limitBackward = v2;
    for (;;) { // goto non-V1
      var v9 = e.limit - e.cursor;
      if (e.outGroupingB(gV1, 97, 246)) { e.cursor = e.limit - v9; break; }
      e.cursor = e.limit - v9;
      if (e.cursor <= e.limitBackward) return false;
      e.cursor--;
    }
    e.ket = e.cursor;
    if (e.cursor <= e.limitBackward) return false;
    e.cursor--;
    e.bra = e.cursor;
    c.x = e.sliceTo();
    if (c.x === "") return false;
    if (!e.eqSB(c.x)) return false;
    e.sliceDel();
    return true;
  }

  function stem(word) {
    var e = new Env(word);
    var c = { endingRemoved: false, x: "", p1: 0, p2: 0 };
    var v1 = e.cursor;
    markRegions(e, c);
    e.cursor = v1;
    c.endingRemoved = false;
    e.limitBackward = e.cursor;
    e.cursor = e.limit;
    var steps = [particleEtc, possessive, caseEnding, otherEndings];
    for (var i = 0; i < steps.length; i++) {
      var v = e.limit - e.cursor;
      steps[i](e, c);
      e.cursor = e.limit - v;
    }
    var v6 = e.limit - e.cursor;
    if (c.endingRemoved) {
      var v7 = e.limit - e.cursor;
      iPlural(e, c);
      e.cursor = e.limit - v7;
    } else {
      e.cursor = e.limit - v6;
      var v8 = e.limit - e.cursor;
      tPlural(e, c);
      e.cursor = e.limit - v8;
    }
    var v9 = e.limit - e.cursor;
    tidy(e, c);
    e.cursor = e.limit - v9;
    return e.current;
  }

  // --- Words and keys, as internal/search/analyze.go -------------------

  var vowels = "aeiouyäö";
  function isVowel(ch) { return ch !== undefined && ch.length === 1 && vowels.indexOf(ch) >= 0; }

  function even(s) {
    var r = Array.from(s);
    for (var n = r.length; n > 4 && (isVowel(r[n - 1]) || r[n - 1] === "j" && (r[n - 2] === "ö" || r[n - 2] === "ä")); n = r.length) {
      r.pop();
    }
    n = r.length;
    if (n >= 4) {
      var a = r[n - 2], b = r[n - 1];
      if (a === "k" && b === "s") {
        r.splice(n - 2, 2, "s");
      } else if (b === "t" && (a === "n" || a === "l" || a === "r" || a === "h" || a === "t") ||
        b === "k" && (a === "n" || a === "k") || b === "g" && a === "n" ||
        b === "p" && (a === "m" || a === "p") || b === "d" && a === "h") {
        r.pop();
      } else if (b === "d" && isVowel(a)) {
        r[n - 1] = "t";
      }
    }
    return r.join("");
  }

  function key(word) {
    if (word === "" || /^[0-9]+$/.test(word)) return word;
    return even(stem(word));
  }

  // lower lowercases code point by code point, as Go's unicode.ToLower.
  function lower(w) {
    if (!/[^a-z0-9]/.test(w)) return w;
    var out = "";
    for (var ch of w) out += String.fromCodePoint(ch.toLowerCase().codePointAt(0));
    return out;
  }

  var wordRe = /[\p{L}\p{Nd}\p{M}]+/gu;

  var markRe = /\p{M}/u;

  // words splits text into words with their offsets: lowercase, and
  // composed (NFC) when they have combining marks, as Go's Words.
  function words(text) {
    var out = [];
    wordRe.lastIndex = 0;
    for (var m; (m = wordRe.exec(text)) !== null;) {
      var w = markRe.test(m[0]) ? m[0].normalize("NFC") : m[0];
      out.push({ w: lower(w), start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  // fileName names a shard as Go's FileName does.
  function fileName(prefix) {
    if (prefix === "") return "-";
    var out = "";
    for (var ch of prefix) {
      out += /^[a-z0-9]$/.test(ch) ? ch : "-" + ch.codePointAt(0).toString(16) + "-";
    }
    return out;
  }

  // deletions lists s with one letter left out, each once.
  function deletions(s) {
    var r = Array.from(s), out = [];
    for (var i = 0; i < r.length; i++) {
      var d = r.slice(0, i).concat(r.slice(i + 1)).join("");
      if (out.indexOf(d) < 0) out.push(d);
    }
    return out;
  }

  // withinOne reports whether a and b are one edit apart: a letter added,
  // left out, changed, or two side by side swapped.
  function withinOne(a, b) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (i === a.length) return false; // the same
      var rest = function (x, y) { return a.slice(x).join("") === b.slice(y).join(""); };
      return rest(i + 1, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
    }
    if (a.length > b.length) return a.slice(i + 1).join("") === b.slice(i).join("");
    return a.slice(i).join("") === b.slice(i + 1).join("");
  }

  // --- The engine ------------------------------------------------------

  var RESULTS = 10;     // results shown
  var TYPO = 0.5;       // a word found within one edit, against the word itself
  var MIN_TYPO = 5;     // letters a word needs for a typo to be forgiven

  // Engine answers queries from the index under base (a URL ending in /),
  // whose files get(url) fetches as parsed JSON (a promise).
  function Engine(base, get) {
    this.base = base;
    this.get = get;
    this.files = new Map();
    this.manifest = null;
  }

  Engine.prototype.load = function (path) {
    var p = this.files.get(path);
    if (!p) {
      var self = this;
      p = this.get(this.base + path).catch(function (err) {
        self.files.delete(path); // try again next time
        throw err;
      });
      this.files.set(path, p);
    }
    return p;
  };

  Engine.prototype.init = function () {
    var self = this;
    if (!this.manifest) {
      this.manifest = this.load("index.json").then(function (m) {
        m.stopSet = new Set(m.stop);
        m.tSet = new Set(m.t);
        m.dSet = new Set(m.d);
        return m;
      });
    }
    return this.manifest.then(function (m) { self.m = m; return m; });
  };

  // leaf finds the shard of key among a manifest's prefixes.
  function leaf(set, key) {
    var r = Array.from(key + ".");
    for (var n = r.length; n >= 0; n--) {
      var p = r.slice(0, n).join("");
      if (set.has(p)) return p;
    }
    return null;
  }

  Engine.prototype.entry = function (dir, set, key) {
    var p = leaf(set, key);
    if (p === null) return Promise.resolve(null);
    return this.load(dir + "/" + fileName(p) + ".json").then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
    });
  };

  // postings decodes a key's postings: a Map from document to score.
  Engine.prototype.postings = function (key) {
    return this.entry("t", this.m.tSet, key).then(function (list) {
      if (!list) return null;
      var out = new Map(), doc = 0;
      for (var i = 0; i < list.length; i += 2) {
        doc += list[i];
        out.set(doc, list[i + 1]);
      }
      return out;
    });
  };

  // near finds the keys one edit from key, through the deletion shards.
  Engine.prototype.near = function (key) {
    var self = this, probes = [key].concat(deletions(key));
    return Promise.all(probes.map(function (d) { return self.entry("d", self.m.dSet, d); })).then(function (lists) {
      var out = [];
      lists.forEach(function (l) {
        (l || []).forEach(function (k) {
          if (out.indexOf(k) < 0 && withinOne(key, k)) out.push(k);
        });
      });
      out.sort();
      return out;
    });
  };

  // analyse splits a query into its words and their keys, without stop
  // words.
  Engine.prototype.analyse = function (query) {
    var m = this.m, out = [];
    words(query.normalize("NFC")).forEach(function (w) {
      if (m.stopSet.has(w.w)) return;
      var k = key(w.w);
      if (!out.some(function (x) { return x.key === k; })) out.push({ word: w.w, key: k });
    });
    return out;
  };

  // search answers query: {total, results: [{url, title, kind, date,
  // excerpt (HTML, escaped, matched words in <mark>)}], keys}.
  Engine.prototype.search = function (query, limit) {
    var self = this;
    limit = limit || RESULTS;
    return this.init().then(function (m) {
      var terms = self.analyse(query);
      return Promise.all(terms.map(function (t) { return self.matches(t); })).then(function (perTerm) {
        var scores = new Map(), matched = new Map(), marks = [];
        perTerm.forEach(function (ms) {
          var best = new Map();
          ms.forEach(function (mt) {
            marks.push(mt.key);
            var idf = Math.log(1 + m.docs / mt.postings.size);
            mt.postings.forEach(function (s, doc) {
              var v = s * idf * mt.factor;
              if (!(best.get(doc) >= v)) best.set(doc, v);
            });
          });
          best.forEach(function (v, doc) {
            scores.set(doc, (scores.get(doc) || 0) + v);
            matched.set(doc, (matched.get(doc) || 0) + 1);
          });
        });
        var ranked = [];
        scores.forEach(function (s, doc) {
          var share = matched.get(doc) / terms.length;
          ranked.push({ doc: doc, score: s * share * share });
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var top = ranked.slice(0, limit);
        return Promise.all(top.map(function (r) { return self.record(r.doc); })).then(function (recs) {
          return {
            total: ranked.length,
            keys: marks,
            results: recs.map(function (rec) {
              return { url: rec[0], title: rec[1], kind: rec[2], date: rec[3], excerpt: excerpt(rec, marks) };
            })
          };
        });
      });
    });
  };

  // matches finds a query word's keys and their postings: the key itself,
  // or when the index lacks it and the word is long enough, the keys one
  // edit away, ranked lower.
  Engine.prototype.matches = function (t) {
    var self = this;
    return this.postings(t.key).then(function (p) {
      if (p) return [{ key: t.key, postings: p, factor: 1 }];
      if (Array.from(t.word).length < MIN_TYPO) return [];
      return self.near(t.key).then(function (keys) {
        return Promise.all(keys.map(function (k) { return self.postings(k); })).then(function (ps) {
          var out = [];
          ps.forEach(function (p, i) { if (p) out.push({ key: keys[i], postings: p, factor: TYPO }); });
          return out;
        });
      });
    });
  };

  Engine.prototype.record = function (doc) {
    var chunk = this.m.chunk;
    return this.load("r/" + Math.floor(doc / chunk) + ".json").then(function (recs) { return recs[doc % chunk]; });
  };

  // --- Excerpts ----------------------------------------------------------

  var EXCERPT = 220; // letters around the first match

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // marked reports whether a word of a page matches one of the keys: its
  // own key, or a compound whose key holds a key of four letters or more.
  function marked(w, keys) {
    var k = key(w);
    for (var i = 0; i < keys.length; i++) {
      if (k === keys[i] || keys[i].length >= 4 && k.indexOf(keys[i]) >= 0) return true;
    }
    return false;
  }

  // excerpt picks from a record's summary and text the passage with the
  // matched words, and marks them: escaped HTML.
  function excerpt(rec, keys) {
    var best = null;
    [rec[4], rec[5]].forEach(function (text) {
      if (!text) return;
      text = text.normalize("NFC");
      var hits = words(text).filter(function (w) { return marked(w.w, keys); });
      if (best === null || hits.length > best.hits.length) best = { text: text, hits: hits };
    });
    if (best === null) return "";
    var text = best.text, from = 0, to = text.length;
    if (text.length > EXCERPT) {
      if (best.hits.length > 0) {
        from = Math.max(0, best.hits[0].start - 60);
        var space = text.lastIndexOf(" ", from);
        from = from === 0 ? 0 : space + 1;
      }
      to = Math.min(text.length, from + EXCERPT);
      var end = text.indexOf(" ", to);
      to = end < 0 ? text.length : end;
    }
    var out = from > 0 ? "… " : "", at = from;
    best.hits.forEach(function (h) {
      if (h.start < from || h.end > to) return;
      out += escapeHTML(text.slice(at, h.start)) + "<mark>" + escapeHTML(text.slice(h.start, h.end)) + "</mark>";
      at = h.end;
    });
    out += escapeHTML(text.slice(at, to));
    if (to < text.length && !/…$/.test(text.slice(0, to))) out += " …";
    return out;
  }

  // --- The page ------------------------------------------------------------

  function plural(n, one, many) { return n === 1 ? one : many; }

  function setup(doc) {
    var box = doc.getElementById("hakutulokset");
    var form = doc.getElementById("hakulomake");
    if (!box || !form) return;
    var input = form.querySelector("input[name=q]");
    var status = doc.getElementById("hakutila");
    var engine = new Engine(box.getAttribute("data-index"), function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    });
    var base = box.getAttribute("data-base") || "/";
    var seq = 0;

    function show(query, res) {
      box.textContent = "";
      if (res.results.length > 0) {
        var ol = doc.createElement("ol");
        ol.className = "search-results";
        res.results.forEach(function (r) {
          var li = doc.createElement("li");
          li.className = "search-result";
          var h = doc.createElement("h2");
          h.className = "search-result__title";
          var a = doc.createElement("a");
          a.href = base + r.url.replace(/^\//, "");
          a.textContent = r.title;
          h.appendChild(a);
          li.appendChild(h);
          var meta = doc.createElement("p");
          meta.className = "search-result__meta";
          meta.textContent = r.date ? r.kind + " · " + r.date : r.kind;
          li.appendChild(meta);
          if (r.excerpt) {
            var p = doc.createElement("p");
            p.className = "search-result__excerpt";
            p.innerHTML = r.excerpt; // escaped by excerpt
            li.appendChild(p);
          }
          ol.appendChild(li);
        });
        box.appendChild(ol);
      }
      var n = res.total;
      status.textContent = n === 0 ? "Haulla ”" + query + "” ei löytynyt sivuja."
        : "Haulla ”" + query + "” löytyi " + n + " " + plural(n, "sivu", "sivua") +
          (n > res.results.length ? ", näytetään " + res.results.length + " parasta." : ".");
    }

    function run(push) {
      var query = input.value.trim();
      var my = ++seq;
      var url = new URL(global.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      if (url.href !== global.location.href) global.history.replaceState(null, "", url.href);
      if (!query) {
        box.textContent = "";
        status.textContent = "";
        return;
      }
      engine.search(query).then(function (res) {
        if (my === seq) show(query, res);
      }, function () {
        if (my === seq) status.textContent = "Haku ei nyt toimi: hakemistoa ei saatu ladattua.";
      });
    }

    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    input.addEventListener("input", function () { run(); });
    var q = new URLSearchParams(global.location.search).get("q");
    if (q) {
      input.value = q;
      run();
    }
  }

  global.seutuSearch = { stem: stem, key: key, words: words, fileName: fileName, withinOne: withinOne, Engine: Engine, excerpt: excerpt };
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { setup(document); });
    else setup(document);
  }
})(this);
