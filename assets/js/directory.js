/* directory.js – filters for the network directory (/verkostot/).
 *
 * Progressive enhancement: without this script the directory lists every
 * network and the filter form stays hidden. With it, the form appears and
 * narrows the cards by name, category, scope, coordinator and member
 * municipality. The filters live in the URL query (?nimi=…&luokka=…), so
 * a filtered view can be shared and reloaded. No dependencies, no build.
 *
 * Markup (layouts/partials/directory.html):
 *   form[data-directory-filters]  the form, rendered hidden; its data-texts
 *                                 holds the count's texts in the page's
 *                                 language (JSON, {n} for the number; see
 *                                 lang.ScriptTexts), so none is typed here
 *   [data-filter="nimi|luokka|…"] its fields
 *   [data-filter-status]          the live region for the count
 *   [data-filter-group]           a category's section of cards
 *   [data-network]                a card, with data-nimi, data-luokka,
 *                                 data-laajuus, data-koordinoija and
 *                                 data-kunta (space-separated keys)
 *   [data-filter-unlisted]        the networks that list no member
 *                                 municipalities, rendered hidden: shown
 *                                 while a municipality is chosen, as they
 *                                 may include it too; each
 *                                 [data-unlisted-network] entry has the
 *                                 card's attributes but data-kunta
 *   nav.toc a[href="#…"]          the table of contents of the groups
 */
(function () {
  'use strict';

  // The query parameters, in the order they are written to the URL.
  var PARAMS = ['nimi', 'luokka', 'laajuus', 'koordinoija', 'kunta'];
  var ANNOUNCE_DELAY = 300; // ms of quiet typing before the count is read out

  // The page's language, for lower-casing names.
  var LANG = document.documentElement.lang || 'fi';

  // norm makes names comparable: lower case in the page's language,
  // whitespace runs collapsed, ends trimmed.
  function norm(s) {
    return String(s || '').toLocaleLowerCase(LANG).replace(/\s+/g, ' ').trim();
  }

  // readTexts reads the form's data-texts: the count's texts in the page's
  // language. Missing or broken, the count is left unsaid.
  function readTexts(form) {
    try {
      return JSON.parse(form.getAttribute('data-texts') || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  // countText says how many networks are shown, and how many of those
  // that list no members are named at the end, in texts' words.
  function countText(texts, n, unlisted) {
    function say(key, count) {
      return String(texts[key] || '').replace('{n}', count);
    }
    var s;
    if (n === 0) s = say('none', n);
    else if (n === 1) s = say('one', n);
    else s = say('other', n);
    if (unlisted === 1) s += say('unlistedOne', unlisted);
    else if (unlisted > 1) s += say('unlistedOther', unlisted);
    return s;
  }

  // groupID is the fragment the table of contents links a group by: its
  // own id, or that of its heading.
  function groupID(group) {
    if (group.id) return group.id;
    var labelled = group.getAttribute('aria-labelledby');
    if (labelled) return labelled.split(/\s+/)[0];
    var h = group.querySelector('h2[id], h3[id]');
    return h ? h.id : '';
  }

  function init() {
    var form = document.querySelector('[data-directory-filters]');
    if (!form) return;
    var texts = readTexts(form);

    var fields = {};
    Array.prototype.forEach.call(form.querySelectorAll('[data-filter]'), function (el) {
      fields[el.getAttribute('data-filter')] = el;
    });
    var text = fields.nimi || null;
    var status = document.querySelector('[data-filter-status]');
    var cards = Array.prototype.slice.call(document.querySelectorAll('[data-network]'));
    var groups = Array.prototype.slice.call(document.querySelectorAll('[data-filter-group]')).map(function (g) {
      var id = groupID(g);
      var entries = [];
      if (id) {
        Array.prototype.forEach.call(document.querySelectorAll('nav.toc a[href^="#"]'), function (a) {
          if (a.getAttribute('href') === '#' + id) entries.push(a.closest('li') || a);
        });
      }
      return { el: g, cards: g.querySelectorAll('[data-network]'), toc: entries };
    });
    // Each card's values, read once.
    function read(c) {
      return {
        el: c,
        nimi: norm(c.getAttribute('data-nimi')),
        luokka: c.getAttribute('data-luokka') || '',
        laajuus: c.getAttribute('data-laajuus') || '',
        koordinoija: c.getAttribute('data-koordinoija') || '',
        kunta: (c.getAttribute('data-kunta') || '').split(/\s+/).filter(Boolean)
      };
    }
    var data = cards.map(read);
    var unlistedBox = document.querySelector('[data-filter-unlisted]');
    var unlisted = unlistedBox ?
      Array.prototype.map.call(unlistedBox.querySelectorAll('[data-unlisted-network]'), read) : [];

    function values() {
      var v = {};
      PARAMS.forEach(function (p) {
        var el = fields[p];
        v[p] = el ? (p === 'nimi' ? norm(el.value) : el.value) : '';
      });
      return v;
    }

    function matches(d, v) {
      if (v.nimi && d.nimi.indexOf(v.nimi) < 0) return false;
      if (v.luokka && d.luokka !== v.luokka) return false;
      if (v.laajuus && d.laajuus !== v.laajuus) return false;
      if (v.koordinoija && d.koordinoija !== v.koordinoija) return false;
      if (v.kunta && d.kunta.indexOf(v.kunta) < 0) return false;
      return true;
    }

    // The build's count of all networks: hidden while a filter narrows
    // the list, so that it never contradicts the live region.
    var total = document.querySelector('[data-filter-total]');

    // applyUnlisted shows, while a municipality is chosen, the networks
    // that list no members and match the other filters; it returns how
    // many it shows.
    function applyUnlisted(v) {
      if (!unlistedBox) return 0;
      var others = {};
      PARAMS.forEach(function (p) { others[p] = p === 'kunta' ? '' : v[p]; });
      var shown = 0;
      unlisted.forEach(function (d) {
        var ok = !!v.kunta && matches(d, others);
        d.el.hidden = !ok;
        if (ok) shown++;
      });
      unlistedBox.hidden = shown === 0;
      return shown;
    }

    // apply shows the matching cards and hides the rest, with the groups
    // and table-of-contents entries left empty, and keeps the contents'
    // counts true; it returns the count of cards and of the networks
    // without members named apart.
    function apply() {
      var v = values();
      var shown = 0;
      data.forEach(function (d) {
        var ok = matches(d, v);
        d.el.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) {
        var visible = Array.prototype.filter.call(g.cards, function (c) { return !c.hidden; }).length;
        g.el.hidden = visible === 0;
        g.toc.forEach(function (e) {
          e.hidden = visible === 0;
          var count = e.querySelector('[data-toc-count]');
          if (count) count.textContent = '(' + visible + ')';
        });
      });
      if (total) total.hidden = shown !== data.length;
      return { shown: shown, unlisted: applyUnlisted(v) };
    }

    var timer = 0;
    function announce(n) {
      clearTimeout(timer);
      timer = 0;
      if (status) status.textContent = countText(texts, n.shown, n.unlisted);
    }
    function announceLater(n) {
      clearTimeout(timer);
      timer = setTimeout(function () { announce(n); }, ANNOUNCE_DELAY);
    }

    // syncURL writes the filters into the query: only the non-empty ones,
    // in a fixed order, keeping other parameters and the hash.
    function syncURL() {
      if (!window.history || !history.replaceState) return;
      var old = new URLSearchParams(location.search);
      var q = new URLSearchParams();
      PARAMS.forEach(function (p) {
        var el = fields[p];
        var v = el ? (p === 'nimi' ? el.value.replace(/\s+/g, ' ').trim() : el.value) : '';
        if (v) q.append(p, v);
      });
      old.forEach(function (v, k) {
        if (PARAMS.indexOf(k) < 0) q.append(k, v);
      });
      var s = q.toString();
      var url = location.pathname + (s ? '?' + s : '') + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, '', url);
      }
    }

    function update(now) {
      var n = apply();
      syncURL();
      if (now) announce(n); else announceLater(n);
    }

    // The query decides the fields; a select ignores values it does not
    // offer. Fields the query leaves out are cleared, so that values the
    // browser restored on going back cannot disagree with the URL.
    var query = new URLSearchParams(location.search);
    var fromQuery = false;
    PARAMS.forEach(function (p) {
      var el = fields[p];
      if (!el) return;
      var v = query.get(p) || '';
      if (el.tagName === 'SELECT') {
        var known = Array.prototype.some.call(el.options, function (o) { return o.value === v; });
        if (!known) v = '';
      }
      el.value = v;
      if (v) fromQuery = true;
    });

    form.hidden = false;
    var n = apply();
    if (fromQuery) announce(n); // a shared, filtered view says what it shows

    form.addEventListener('input', function (e) {
      update(e.target !== text);
    });
    form.addEventListener('change', function (e) {
      if (e.target !== text) update(true);
    });
    form.addEventListener('submit', function (e) {
      // The button, or Enter in a field: the filters already apply, so
      // stay on the page and say the count now. The form is a plain GET
      // form: the browser's own submission (form.submit()) loads the page
      // with the filters in the query, which init reads.
      e.preventDefault();
      update(true);
    });
    form.addEventListener('reset', function (e) {
      e.preventDefault();
      PARAMS.forEach(function (p) {
        if (fields[p]) fields[p].value = '';
      });
      update(true);
    });
    if (text) {
      text.addEventListener('keydown', function (e) {
        if ((e.key === 'Escape' || e.key === 'Esc') && text.value !== '') {
          e.preventDefault();
          text.value = '';
          update(true);
        }
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
