// The site's search: reads the index that package internal/search wrote
// under the search page's folder, a few files per query, and lists the
// pages that match, best first. No third-party code, no server.
//
// Words become keys as in Go (internal/search/analyze.go, lang.go):
// lowercase, then the Snowball stemmer of the index's language (the
// manifest's "lang"), ported below from the Go code that Snowball
// generates (github.com/blevesearch/snowballstem/finnish, swedish,
// english); Finnish stems are then evened out ("even"). The Go tests run
// this file in node over each language's words of the site and hold its
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
  Env.prototype.replace = function (bra, ket, s) {
    var adjustment = s.length - (ket - bra);
    var right = ket < bra ? bra : ket;
    this.current = this.current.slice(0, bra) + s + this.current.slice(right);
    this.limit += adjustment;
    if (this.cursor >= ket) this.cursor += adjustment;
    else if (this.cursor > bra) this.cursor = bra;
    return adjustment;
  };
  Env.prototype.sliceFrom = function (s) { this.replace(this.bra, this.ket, s); return true; };
  Env.prototype.sliceDel = function () { return this.sliceFrom(""); };
  Env.prototype.insert = function (bra, ket, s) {
    var adjustment = this.replace(bra, ket, s);
    if (bra <= this.bra) this.bra += adjustment;
    if (bra <= this.ket) this.ket += adjustment;
  };
  // eqS, as Go's EqS, tests the string at the cursor without regard to
  // the limit.
  Env.prototype.eqS = function (s) {
    if (this.cursor >= this.limit || !this.current.startsWith(s, this.cursor)) return false;
    this.cursor += s.length;
    return true;
  };
  Env.prototype.nextChar = function () { this.cursor++; };
  Env.prototype.prevChar = function () { this.cursor--; };
  Env.prototype.hop = function (n) { return this.cursor + n; };
  // findAmong is findAmongB forwards.
  Env.prototype.findAmong = function (v, ctx) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit;
    var commonI = 0, commonJ = 0, firstKeyInspected = false;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0;
      var common = commonI < commonJ ? commonI : commonJ;
      var w = v[k];
      for (var m = common; m < w[0].length; m++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(m);
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
        this.cursor = c + e[0].length;
        if (!e[3]) return e[2];
        var res = e[3](this, ctx);
        this.cursor = c + e[0].length;
        if (res) return e[2];
      }
      i = e[1];
      if (i < 0) return 0;
    }
  };
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

  // --- Snowball's Swedish stemmer ----------------------------------
  // Translated line by line from the Go code Snowball generates
  // (github.com/blevesearch/snowballstem/swedish), over the Env above.

  var stemSwedish = (function () {
    var A_0 = [
        ["a", -1, 1],
        ["arna", 0, 1],
        ["erna", 0, 1],
        ["heterna", 2, 1],
        ["orna", 0, 1],
        ["ad", -1, 1],
        ["e", -1, 1],
        ["ade", 6, 1],
        ["ande", 6, 1],
        ["arne", 6, 1],
        ["are", 6, 1],
        ["aste", 6, 1],
        ["en", -1, 1],
        ["anden", 12, 1],
        ["aren", 12, 1],
        ["heten", 12, 1],
        ["ern", -1, 1],
        ["ar", -1, 1],
        ["er", -1, 1],
        ["heter", 18, 1],
        ["or", -1, 1],
        ["s", -1, 2],
        ["as", 21, 1],
        ["arnas", 22, 1],
        ["ernas", 22, 1],
        ["ornas", 22, 1],
        ["es", 21, 1],
        ["ades", 26, 1],
        ["andes", 26, 1],
        ["ens", 21, 1],
        ["arens", 29, 1],
        ["hetens", 29, 1],
        ["erns", 21, 1],
        ["at", -1, 1],
        ["andet", -1, 1],
        ["het", -1, 1],
        ["ast", -1, 1]
    ];
    var A_1 = [
        ["dd", -1, -1],
        ["gd", -1, -1],
        ["nn", -1, -1],
        ["dt", -1, -1],
        ["gt", -1, -1],
        ["kt", -1, -1],
        ["tt", -1, -1]
    ];
    var A_2 = [
        ["ig", -1, 1],
        ["lig", 0, 1],
        ["els", -1, 1],
        ["fullt", -1, 3],
        ["l\u00f6st", -1, 2]
    ];
    var G_v = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 0, 32];
    var G_s_ending = [119, 127, 149];
    function r_mark_regions(env, context) {
      context.i_p1 = env.limit
      var v_1 = env.cursor
      {
        var c = env.hop((3))
        if (0 > c || c > env.limit) {
          return false
        }
        env.cursor = c
      }
      context.i_x = env.cursor
      env.cursor = v_1
    golab0:
      for (;;) {
        var v_2 = env.cursor
      lab1:
        for (;;) {
          if (!env.inGrouping(G_v, 97, 246)) {
            break lab1
          }
          env.cursor = v_2
          break golab0
        }
        env.cursor = v_2
        if (env.cursor >= env.limit) {
          return false
        }
        env.nextChar()
      }
    golab2:
      for (;;) {
      lab3:
        for (;;) {
          if (!env.outGrouping(G_v, 97, 246)) {
            break lab3
          }
          break golab2
        }
        if (env.cursor >= env.limit) {
          return false
        }
        env.nextChar()
      }
      context.i_p1 = env.cursor
    lab4:
      for (;;) {
        if (!(context.i_p1 < context.i_x)) {
          break lab4
        }
        context.i_p1 = context.i_x
        break lab4
      }
      return true
    }
    function r_main_suffix(env, context) {
      var among_var;
      var v_1 = env.limit - env.cursor
      if (env.cursor < context.i_p1) {
        return false
      }
      env.cursor = context.i_p1
      var v_2 = env.limitBackward
      env.limitBackward = env.cursor
      env.cursor = env.limit - v_1
      env.ket = env.cursor
      among_var = env.findAmongB(A_0, context)
      if (among_var == 0) {
        env.limitBackward = v_2
        return false
      }
      env.bra = env.cursor
      env.limitBackward = v_2
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!env.sliceDel()) {
          return false
        }
      } else if (among_var == 2) {
        if (!env.inGroupingB(G_s_ending, 98, 121)) {
          return false
        }
        if (!env.sliceDel()) {
          return false
        }
      }
      return true
    }
    function r_consonant_pair(env, context) {
      var v_1 = env.limit - env.cursor
      if (env.cursor < context.i_p1) {
        return false
      }
      env.cursor = context.i_p1
      var v_2 = env.limitBackward
      env.limitBackward = env.cursor
      env.cursor = env.limit - v_1
      var v_3 = env.limit - env.cursor
      if (env.findAmongB(A_1, context) == 0) {
        env.limitBackward = v_2
        return false
      }
      env.cursor = env.limit - v_3
      env.ket = env.cursor
      if (env.cursor <= env.limitBackward) {
        env.limitBackward = v_2
        return false
      }
      env.prevChar()
      env.bra = env.cursor
      if (!env.sliceDel()) {
        return false
      }
      env.limitBackward = v_2
      return true
    }
    function r_other_suffix(env, context) {
      var among_var;
      var v_1 = env.limit - env.cursor
      if (env.cursor < context.i_p1) {
        return false
      }
      env.cursor = context.i_p1
      var v_2 = env.limitBackward
      env.limitBackward = env.cursor
      env.cursor = env.limit - v_1
      env.ket = env.cursor
      among_var = env.findAmongB(A_2, context)
      if (among_var == 0) {
        env.limitBackward = v_2
        return false
      }
      env.bra = env.cursor
      if (among_var == 0) {
        env.limitBackward = v_2
        return false
      } else if (among_var == 1) {
        if (!env.sliceDel()) {
          return false
        }
      } else if (among_var == 2) {
        if (!env.sliceFrom("l\u00f6s")) {
          return false
        }
      } else if (among_var == 3) {
        if (!env.sliceFrom("full")) {
          return false
        }
      }
      env.limitBackward = v_2
      return true
    }
    function stem(env) {
      var context = {
        i_x:  0,
        i_p1: 0,
      }
      var v_1 = env.cursor
    lab0:
      for (;;) {
        if (!r_mark_regions(env, context)) {
          break lab0
        }
        break lab0
      }
      env.cursor = v_1
      env.limitBackward = env.cursor
      env.cursor = env.limit
      var v_2 = env.limit - env.cursor
    lab1:
      for (;;) {
        if (!r_main_suffix(env, context)) {
          break lab1
        }
        break lab1
      }
      env.cursor = env.limit - v_2
      var v_3 = env.limit - env.cursor
    lab2:
      for (;;) {
        if (!r_consonant_pair(env, context)) {
          break lab2
        }
        break lab2
      }
      env.cursor = env.limit - v_3
      var v_4 = env.limit - env.cursor
    lab3:
      for (;;) {
        if (!r_other_suffix(env, context)) {
          break lab3
        }
        break lab3
      }
      env.cursor = env.limit - v_4
      env.cursor = env.limitBackward
      return true
    }
    return function (word) {
      var env = new Env(word);
      stem(env);
      return env.current;
    };
  })();

  // --- Snowball's English stemmer ----------------------------------
  // Translated line by line from the Go code Snowball generates
  // (github.com/blevesearch/snowballstem/english), over the Env above.

  var stemEnglish = (function () {
    var A_0 = [
        ["arsen", -1, -1],
        ["commun", -1, -1],
        ["gener", -1, -1]
    ];
    var A_1 = [
        ["'", -1, 1],
        ["'s'", 0, 1],
        ["'s", -1, 1]
    ];
    var A_2 = [
        ["ied", -1, 2],
        ["s", -1, 3],
        ["ies", 1, 2],
        ["sses", 1, 1],
        ["ss", 1, -1],
        ["us", 1, -1]
    ];
    var A_3 = [
        ["", -1, 3],
        ["bb", 0, 2],
        ["dd", 0, 2],
        ["ff", 0, 2],
        ["gg", 0, 2],
        ["bl", 0, 1],
        ["mm", 0, 2],
        ["nn", 0, 2],
        ["pp", 0, 2],
        ["rr", 0, 2],
        ["at", 0, 1],
        ["tt", 0, 2],
        ["iz", 0, 1]
    ];
    var A_4 = [
        ["ed", -1, 2],
        ["eed", 0, 1],
        ["ing", -1, 2],
        ["edly", -1, 2],
        ["eedly", 3, 1],
        ["ingly", -1, 2]
    ];
    var A_5 = [
        ["anci", -1, 3],
        ["enci", -1, 2],
        ["ogi", -1, 13],
        ["li", -1, 16],
        ["bli", 3, 12],
        ["abli", 4, 4],
        ["alli", 3, 8],
        ["fulli", 3, 14],
        ["lessli", 3, 15],
        ["ousli", 3, 10],
        ["entli", 3, 5],
        ["aliti", -1, 8],
        ["biliti", -1, 12],
        ["iviti", -1, 11],
        ["tional", -1, 1],
        ["ational", 14, 7],
        ["alism", -1, 8],
        ["ation", -1, 7],
        ["ization", 17, 6],
        ["izer", -1, 6],
        ["ator", -1, 7],
        ["iveness", -1, 11],
        ["fulness", -1, 9],
        ["ousness", -1, 10]
    ];
    var A_6 = [
        ["icate", -1, 4],
        ["ative", -1, 6],
        ["alize", -1, 3],
        ["iciti", -1, 4],
        ["ical", -1, 4],
        ["tional", -1, 1],
        ["ational", 5, 2],
        ["ful", -1, 5],
        ["ness", -1, 5]
    ];
    var A_7 = [
        ["ic", -1, 1],
        ["ance", -1, 1],
        ["ence", -1, 1],
        ["able", -1, 1],
        ["ible", -1, 1],
        ["ate", -1, 1],
        ["ive", -1, 1],
        ["ize", -1, 1],
        ["iti", -1, 1],
        ["al", -1, 1],
        ["ism", -1, 1],
        ["ion", -1, 2],
        ["er", -1, 1],
        ["ous", -1, 1],
        ["ant", -1, 1],
        ["ent", -1, 1],
        ["ment", 15, 1],
        ["ement", 16, 1]
    ];
    var A_8 = [
        ["e", -1, 1],
        ["l", -1, 2]
    ];
    var A_9 = [
        ["succeed", -1, -1],
        ["proceed", -1, -1],
        ["exceed", -1, -1],
        ["canning", -1, -1],
        ["inning", -1, -1],
        ["earring", -1, -1],
        ["herring", -1, -1],
        ["outing", -1, -1]
    ];
    var A_10 = [
        ["andes", -1, -1],
        ["atlas", -1, -1],
        ["bias", -1, -1],
        ["cosmos", -1, -1],
        ["dying", -1, 3],
        ["early", -1, 9],
        ["gently", -1, 7],
        ["howe", -1, -1],
        ["idly", -1, 6],
        ["lying", -1, 4],
        ["news", -1, -1],
        ["only", -1, 10],
        ["singly", -1, 11],
        ["skies", -1, 2],
        ["skis", -1, 1],
        ["sky", -1, -1],
        ["tying", -1, 5],
        ["ugly", -1, 8]
    ];
    var G_v = [17, 65, 16, 1];
    var G_v_WXY = [1, 17, 65, 208, 1];
    var G_valid_LI = [55, 141, 2];
    function r_prelude(env, context) {
      context.b_Y_found = false
      var v_1 = env.cursor
    lab0:
      for (;;) {
        env.bra = env.cursor
        if (!env.eqS("'")) {
          break lab0
        }
        env.ket = env.cursor
        if (!env.sliceDel()) {
          return false
        }
        break lab0
      }
      env.cursor = v_1
      var v_2 = env.cursor
    lab1:
      for (;;) {
        env.bra = env.cursor
        if (!env.eqS("y")) {
          break lab1
        }
        env.ket = env.cursor
        if (!env.sliceFrom("Y")) {
          return false
        }
        context.b_Y_found = true
        break lab1
      }
      env.cursor = v_2
      var v_3 = env.cursor
    lab2:
      for (;;) {
      replab3:
        for (;;) {
          var v_4 = env.cursor
        lab4:
          for (var _n173 = 0; _n173 < 2; _n173++) {
          golab5:
            for (;;) {
              var v_5 = env.cursor
            lab6:
              for (;;) {
                if (!env.inGrouping(G_v, 97, 121)) {
                  break lab6
                }
                env.bra = env.cursor
                if (!env.eqS("y")) {
                  break lab6
                }
                env.ket = env.cursor
                env.cursor = v_5
                break golab5
              }
              env.cursor = v_5
              if (env.cursor >= env.limit) {
                break lab4
              }
              env.nextChar()
            }
            if (!env.sliceFrom("Y")) {
              return false
            }
            context.b_Y_found = true
            continue replab3
          }
          env.cursor = v_4
          break replab3
        }
        break lab2
      }
      env.cursor = v_3
      return true
    }
    function r_mark_regions(env, context) {
      context.i_p1 = env.limit
      context.i_p2 = env.limit
      var v_1 = env.cursor
    lab0:
      for (;;) {
      lab1:
        for (;;) {
          var v_2 = env.cursor
        lab2:
          for (;;) {
            if (env.findAmong(A_0, context) == 0) {
              break lab2
            }
            break lab1
          }
          env.cursor = v_2
        golab3:
          for (;;) {
          lab4:
            for (;;) {
              if (!env.inGrouping(G_v, 97, 121)) {
                break lab4
              }
              break golab3
            }
            if (env.cursor >= env.limit) {
              break lab0
            }
            env.nextChar()
          }
        golab5:
          for (;;) {
          lab6:
            for (;;) {
              if (!env.outGrouping(G_v, 97, 121)) {
                break lab6
              }
              break golab5
            }
            if (env.cursor >= env.limit) {
              break lab0
            }
            env.nextChar()
          }
          break lab1
        }
        context.i_p1 = env.cursor
      golab7:
        for (;;) {
        lab8:
          for (;;) {
            if (!env.inGrouping(G_v, 97, 121)) {
              break lab8
            }
            break golab7
          }
          if (env.cursor >= env.limit) {
            break lab0
          }
          env.nextChar()
        }
      golab9:
        for (;;) {
        lab10:
          for (;;) {
            if (!env.outGrouping(G_v, 97, 121)) {
              break lab10
            }
            break golab9
          }
          if (env.cursor >= env.limit) {
            break lab0
          }
          env.nextChar()
        }
        context.i_p2 = env.cursor
        break lab0
      }
      env.cursor = v_1
      return true
    }
    function r_shortv(env, context) {
    lab0:
      for (;;) {
        var v_1 = env.limit - env.cursor
      lab1:
        for (;;) {
          if (!env.outGroupingB(G_v_WXY, 89, 121)) {
            break lab1
          }
          if (!env.inGroupingB(G_v, 97, 121)) {
            break lab1
          }
          if (!env.outGroupingB(G_v, 97, 121)) {
            break lab1
          }
          break lab0
        }
        env.cursor = env.limit - v_1
        if (!env.outGroupingB(G_v, 97, 121)) {
          return false
        }
        if (!env.inGroupingB(G_v, 97, 121)) {
          return false
        }
        if (env.cursor > env.limitBackward) {
          return false
        }
        break lab0
      }
      return true
    }
    function r_R1(env, context) {
      if (!(context.i_p1 <= env.cursor)) {
        return false
      }
      return true
    }
    function r_R2(env, context) {
      if (!(context.i_p2 <= env.cursor)) {
        return false
      }
      return true
    }
    function r_Step_1a(env, context) {
      var among_var;
      var v_1 = env.limit - env.cursor
    lab0:
      for (;;) {
        env.ket = env.cursor
        among_var = env.findAmongB(A_1, context)
        if (among_var == 0) {
          env.cursor = env.limit - v_1
          break lab0
        }
        env.bra = env.cursor
        if (among_var == 0) {
          env.cursor = env.limit - v_1
          break lab0
        } else if (among_var == 1) {
          if (!env.sliceDel()) {
            return false
          }
        }
        break lab0
      }
      env.ket = env.cursor
      among_var = env.findAmongB(A_2, context)
      if (among_var == 0) {
        return false
      }
      env.bra = env.cursor
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!env.sliceFrom("ss")) {
          return false
        }
      } else if (among_var == 2) {
      lab1:
        for (;;) {
          var v_2 = env.limit - env.cursor
        lab2:
          for (;;) {
            {
              var c = env.hop(-(2))
              if (env.limitBackward > c || c > env.limit) {
                break lab2
              }
              env.cursor = c
            }
            if (!env.sliceFrom("i")) {
              return false
            }
            break lab1
          }
          env.cursor = env.limit - v_2
          if (!env.sliceFrom("ie")) {
            return false
          }
          break lab1
        }
      } else if (among_var == 3) {
        if (env.cursor <= env.limitBackward) {
          return false
        }
        env.prevChar()
      golab3:
        for (;;) {
        lab4:
          for (;;) {
            if (!env.inGroupingB(G_v, 97, 121)) {
              break lab4
            }
            break golab3
          }
          if (env.cursor <= env.limitBackward) {
            return false
          }
          env.prevChar()
        }
        if (!env.sliceDel()) {
          return false
        }
      }
      return true
    }
    function r_Step_1b(env, context) {
      var among_var;
      env.ket = env.cursor
      among_var = env.findAmongB(A_4, context)
      if (among_var == 0) {
        return false
      }
      env.bra = env.cursor
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!r_R1(env, context)) {
          return false
        }
        if (!env.sliceFrom("ee")) {
          return false
        }
      } else if (among_var == 2) {
        var v_1 = env.limit - env.cursor
      golab0:
        for (;;) {
        lab1:
          for (;;) {
            if (!env.inGroupingB(G_v, 97, 121)) {
              break lab1
            }
            break golab0
          }
          if (env.cursor <= env.limitBackward) {
            return false
          }
          env.prevChar()
        }
        env.cursor = env.limit - v_1
        if (!env.sliceDel()) {
          return false
        }
        var v_3 = env.limit - env.cursor
        among_var = env.findAmongB(A_3, context)
        if (among_var == 0) {
          return false
        }
        env.cursor = env.limit - v_3
        if (among_var == 0) {
          return false
        } else if (among_var == 1) {
          {
            var c = env.cursor
            var bra = env.cursor, ket = env.cursor;
            env.insert(bra, ket, "e")
            env.cursor = c
          }
        } else if (among_var == 2) {
          env.ket = env.cursor
          if (env.cursor <= env.limitBackward) {
            return false
          }
          env.prevChar()
          env.bra = env.cursor
          if (!env.sliceDel()) {
            return false
          }
        } else if (among_var == 3) {
          if (env.cursor != context.i_p1) {
            return false
          }
          var v_4 = env.limit - env.cursor
          if (!r_shortv(env, context)) {
            return false
          }
          env.cursor = env.limit - v_4
          {
            var c = env.cursor
            var bra = env.cursor, ket = env.cursor;
            env.insert(bra, ket, "e")
            env.cursor = c
          }
        }
      }
      return true
    }
    function r_Step_1c(env, context) {
      env.ket = env.cursor
    lab0:
      for (;;) {
        var v_1 = env.limit - env.cursor
      lab1:
        for (;;) {
          if (!env.eqSB("y")) {
            break lab1
          }
          break lab0
        }
        env.cursor = env.limit - v_1
        if (!env.eqSB("Y")) {
          return false
        }
        break lab0
      }
      env.bra = env.cursor
      if (!env.outGroupingB(G_v, 97, 121)) {
        return false
      }
      var v_2 = env.limit - env.cursor
    lab2:
      for (;;) {
        if (env.cursor > env.limitBackward) {
          break lab2
        }
        return false
      }
      env.cursor = env.limit - v_2
      if (!env.sliceFrom("i")) {
        return false
      }
      return true
    }
    function r_Step_2(env, context) {
      var among_var;
      env.ket = env.cursor
      among_var = env.findAmongB(A_5, context)
      if (among_var == 0) {
        return false
      }
      env.bra = env.cursor
      if (!r_R1(env, context)) {
        return false
      }
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!env.sliceFrom("tion")) {
          return false
        }
      } else if (among_var == 2) {
        if (!env.sliceFrom("ence")) {
          return false
        }
      } else if (among_var == 3) {
        if (!env.sliceFrom("ance")) {
          return false
        }
      } else if (among_var == 4) {
        if (!env.sliceFrom("able")) {
          return false
        }
      } else if (among_var == 5) {
        if (!env.sliceFrom("ent")) {
          return false
        }
      } else if (among_var == 6) {
        if (!env.sliceFrom("ize")) {
          return false
        }
      } else if (among_var == 7) {
        if (!env.sliceFrom("ate")) {
          return false
        }
      } else if (among_var == 8) {
        if (!env.sliceFrom("al")) {
          return false
        }
      } else if (among_var == 9) {
        if (!env.sliceFrom("ful")) {
          return false
        }
      } else if (among_var == 10) {
        if (!env.sliceFrom("ous")) {
          return false
        }
      } else if (among_var == 11) {
        if (!env.sliceFrom("ive")) {
          return false
        }
      } else if (among_var == 12) {
        if (!env.sliceFrom("ble")) {
          return false
        }
      } else if (among_var == 13) {
        if (!env.eqSB("l")) {
          return false
        }
        if (!env.sliceFrom("og")) {
          return false
        }
      } else if (among_var == 14) {
        if (!env.sliceFrom("ful")) {
          return false
        }
      } else if (among_var == 15) {
        if (!env.sliceFrom("less")) {
          return false
        }
      } else if (among_var == 16) {
        if (!env.inGroupingB(G_valid_LI, 99, 116)) {
          return false
        }
        if (!env.sliceDel()) {
          return false
        }
      }
      return true
    }
    function r_Step_3(env, context) {
      var among_var;
      env.ket = env.cursor
      among_var = env.findAmongB(A_6, context)
      if (among_var == 0) {
        return false
      }
      env.bra = env.cursor
      if (!r_R1(env, context)) {
        return false
      }
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!env.sliceFrom("tion")) {
          return false
        }
      } else if (among_var == 2) {
        if (!env.sliceFrom("ate")) {
          return false
        }
      } else if (among_var == 3) {
        if (!env.sliceFrom("al")) {
          return false
        }
      } else if (among_var == 4) {
        if (!env.sliceFrom("ic")) {
          return false
        }
      } else if (among_var == 5) {
        if (!env.sliceDel()) {
          return false
        }
      } else if (among_var == 6) {
        if (!r_R2(env, context)) {
          return false
        }
        if (!env.sliceDel()) {
          return false
        }
      }
      return true
    }
    function r_Step_4(env, context) {
      var among_var;
      env.ket = env.cursor
      among_var = env.findAmongB(A_7, context)
      if (among_var == 0) {
        return false
      }
      env.bra = env.cursor
      if (!r_R2(env, context)) {
        return false
      }
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!env.sliceDel()) {
          return false
        }
      } else if (among_var == 2) {
      lab0:
        for (;;) {
          var v_1 = env.limit - env.cursor
        lab1:
          for (;;) {
            if (!env.eqSB("s")) {
              break lab1
            }
            break lab0
          }
          env.cursor = env.limit - v_1
          if (!env.eqSB("t")) {
            return false
          }
          break lab0
        }
        if (!env.sliceDel()) {
          return false
        }
      }
      return true
    }
    function r_Step_5(env, context) {
      var among_var;
      env.ket = env.cursor
      among_var = env.findAmongB(A_8, context)
      if (among_var == 0) {
        return false
      }
      env.bra = env.cursor
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
      lab0:
        for (;;) {
          var v_1 = env.limit - env.cursor
        lab1:
          for (;;) {
            if (!r_R2(env, context)) {
              break lab1
            }
            break lab0
          }
          env.cursor = env.limit - v_1
          if (!r_R1(env, context)) {
            return false
          }
          var v_2 = env.limit - env.cursor
        lab2:
          for (;;) {
            if (!r_shortv(env, context)) {
              break lab2
            }
            return false
          }
          env.cursor = env.limit - v_2
          break lab0
        }
        if (!env.sliceDel()) {
          return false
        }
      } else if (among_var == 2) {
        if (!r_R2(env, context)) {
          return false
        }
        if (!env.eqSB("l")) {
          return false
        }
        if (!env.sliceDel()) {
          return false
        }
      }
      return true
    }
    function r_exception2(env, context) {
      env.ket = env.cursor
      if (env.findAmongB(A_9, context) == 0) {
        return false
      }
      env.bra = env.cursor
      if (env.cursor > env.limitBackward) {
        return false
      }
      return true
    }
    function r_exception1(env, context) {
      var among_var;
      env.bra = env.cursor
      among_var = env.findAmong(A_10, context)
      if (among_var == 0) {
        return false
      }
      env.ket = env.cursor
      if (env.cursor < env.limit) {
        return false
      }
      if (among_var == 0) {
        return false
      } else if (among_var == 1) {
        if (!env.sliceFrom("ski")) {
          return false
        }
      } else if (among_var == 2) {
        if (!env.sliceFrom("sky")) {
          return false
        }
      } else if (among_var == 3) {
        if (!env.sliceFrom("die")) {
          return false
        }
      } else if (among_var == 4) {
        if (!env.sliceFrom("lie")) {
          return false
        }
      } else if (among_var == 5) {
        if (!env.sliceFrom("tie")) {
          return false
        }
      } else if (among_var == 6) {
        if (!env.sliceFrom("idl")) {
          return false
        }
      } else if (among_var == 7) {
        if (!env.sliceFrom("gentl")) {
          return false
        }
      } else if (among_var == 8) {
        if (!env.sliceFrom("ugli")) {
          return false
        }
      } else if (among_var == 9) {
        if (!env.sliceFrom("earli")) {
          return false
        }
      } else if (among_var == 10) {
        if (!env.sliceFrom("onli")) {
          return false
        }
      } else if (among_var == 11) {
        if (!env.sliceFrom("singl")) {
          return false
        }
      }
      return true
    }
    function r_postlude(env, context) {
      if (!context.b_Y_found) {
        return false
      }
    replab0:
      for (;;) {
        var v_1 = env.cursor
      lab1:
        for (var _n835 = 0; _n835 < 2; _n835++) {
        golab2:
          for (;;) {
            var v_2 = env.cursor
          lab3:
            for (;;) {
              env.bra = env.cursor
              if (!env.eqS("Y")) {
                break lab3
              }
              env.ket = env.cursor
              env.cursor = v_2
              break golab2
            }
            env.cursor = v_2
            if (env.cursor >= env.limit) {
              break lab1
            }
            env.nextChar()
          }
          if (!env.sliceFrom("y")) {
            return false
          }
          continue replab0
        }
        env.cursor = v_1
        break replab0
      }
      return true
    }
    function stem(env) {
      var context = {
        b_Y_found: false,
        i_p2:      0,
        i_p1:      0,
      }
    lab0:
      for (;;) {
        var v_1 = env.cursor
      lab1:
        for (;;) {
          if (!r_exception1(env, context)) {
            break lab1
          }
          break lab0
        }
        env.cursor = v_1
      lab2:
        for (;;) {
          var v_2 = env.cursor
        lab3:
          for (;;) {
            {
              var c = env.hop((3))
              if (0 > c || c > env.limit) {
                break lab3
              }
              env.cursor = c
            }
            break lab2
          }
          env.cursor = v_2
          break lab0
        }
        env.cursor = v_1
        var v_3 = env.cursor
      lab4:
        for (;;) {
          if (!r_prelude(env, context)) {
            break lab4
          }
          break lab4
        }
        env.cursor = v_3
        var v_4 = env.cursor
      lab5:
        for (;;) {
          if (!r_mark_regions(env, context)) {
            break lab5
          }
          break lab5
        }
        env.cursor = v_4
        env.limitBackward = env.cursor
        env.cursor = env.limit
        var v_5 = env.limit - env.cursor
      lab6:
        for (;;) {
          if (!r_Step_1a(env, context)) {
            break lab6
          }
          break lab6
        }
        env.cursor = env.limit - v_5
      lab7:
        for (;;) {
          var v_6 = env.limit - env.cursor
        lab8:
          for (;;) {
            if (!r_exception2(env, context)) {
              break lab8
            }
            break lab7
          }
          env.cursor = env.limit - v_6
          var v_7 = env.limit - env.cursor
        lab9:
          for (;;) {
            if (!r_Step_1b(env, context)) {
              break lab9
            }
            break lab9
          }
          env.cursor = env.limit - v_7
          var v_8 = env.limit - env.cursor
        lab10:
          for (;;) {
            if (!r_Step_1c(env, context)) {
              break lab10
            }
            break lab10
          }
          env.cursor = env.limit - v_8
          var v_9 = env.limit - env.cursor
        lab11:
          for (;;) {
            if (!r_Step_2(env, context)) {
              break lab11
            }
            break lab11
          }
          env.cursor = env.limit - v_9
          var v_10 = env.limit - env.cursor
        lab12:
          for (;;) {
            if (!r_Step_3(env, context)) {
              break lab12
            }
            break lab12
          }
          env.cursor = env.limit - v_10
          var v_11 = env.limit - env.cursor
        lab13:
          for (;;) {
            if (!r_Step_4(env, context)) {
              break lab13
            }
            break lab13
          }
          env.cursor = env.limit - v_11
          var v_12 = env.limit - env.cursor
        lab14:
          for (;;) {
            if (!r_Step_5(env, context)) {
              break lab14
            }
            break lab14
          }
          env.cursor = env.limit - v_12
          break lab7
        }
        env.cursor = env.limitBackward
        var v_13 = env.cursor
      lab15:
        for (;;) {
          if (!r_postlude(env, context)) {
            break lab15
          }
          break lab15
        }
        env.cursor = v_13
        break lab0
      }
      return true
    }
    return function (word) {
      var env = new Env(word);
      stem(env);
      return env.current;
    };
  })();

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

  // key is the index key of a lowercase word in the language of code (fi,
  // sv or en; Finnish for any other), as Analyzer.Key.
  function key(word, code) {
    if (word === "" || /^[0-9]+$/.test(word)) return word;
    if (code === "sv") return stemSwedish(word);
    if (code === "en") return stemEnglish(word);
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
      var k = key(w.w, m.lang);
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
              return { url: rec[0], title: rec[1], kind: rec[2], date: rec[3], excerpt: excerpt(rec, marks, m.lang) };
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

  // marked reports whether a word of a page (in the language of code)
  // matches one of the keys: its own key, or a compound whose key holds a
  // key of four letters or more.
  function marked(w, keys, code) {
    var k = key(w, code);
    for (var i = 0; i < keys.length; i++) {
      if (k === keys[i] || keys[i].length >= 4 && k.indexOf(keys[i]) >= 0) return true;
    }
    return false;
  }

  // excerpt picks from a record's summary and text (in the language of
  // code) the passage with the matched words, and marks them: escaped HTML.
  function excerpt(rec, keys, code) {
    var best = null;
    [rec[4], rec[5]].forEach(function (text) {
      if (!text) return;
      text = text.normalize("NFC");
      var hits = words(text).filter(function (w) { return marked(w.w, keys, code); });
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

  // readTexts reads the results box's data-texts: the status texts in the
  // page's language (internal/lang's table, through lang.ScriptTexts).
  function readTexts(box) {
    try {
      return JSON.parse(box.getAttribute("data-texts") || "{}") || {};
    } catch (e) {
      return {};
    }
  }

  // fill puts the query and a count into a text: {q}, {n}.
  function fill(text, query, n) {
    return (text || "").replace("{q}", function () { return query; }).replace("{n}", String(n));
  }

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
    var texts = readTexts(box);
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
      status.textContent = n === 0 ? fill(texts.none, query, n)
        : fill(n === 1 ? texts.one : texts.other, query, n) +
          (n > res.results.length ? fill(texts.best, query, res.results.length) : "") + ".";
    }

    // carry gives the language switcher's links, which lead to the
    // other languages' search pages, the query too: a reader who
    // switches language keeps the search.
    function carry(query) {
      document.querySelectorAll(".lang-switch a[hreflang]").forEach(function (a) {
        var href = a.getAttribute("href").split("#")[0].split("?")[0];
        a.setAttribute("href", query ? href + "?q=" + encodeURIComponent(query) : href);
      });
    }

    function run(push) {
      var query = input.value.trim();
      var my = ++seq;
      var url = new URL(global.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      if (url.href !== global.location.href) global.history.replaceState(null, "", url.href);
      carry(query);
      if (!query) {
        box.textContent = "";
        status.textContent = "";
        return;
      }
      engine.search(query).then(function (res) {
        if (my === seq) show(query, res);
      }, function () {
        if (my === seq) status.textContent = texts.error || "";
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
