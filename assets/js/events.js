/* events.js – keeps event lists current between builds.
 *
 * The build decides what is upcoming by its own clock; a page built
 * yesterday would still show yesterday's event as upcoming. This script
 * compares each event's end (data-event-ends, RFC 3339) with the reader's
 * clock and:
 *   - on /tapahtumat/ moves ended events from [data-events-upcoming] to
 *     their year under [data-events-past];
 *   - on the home page drops ended events from [data-upcoming-list];
 *   - on an event's page shows "Tapahtuma on päättynyt" and "Ilmoittautuminen
 *     päättynyt" once they apply.
 * Without JavaScript the pages are as the build left them. No dependencies.
 */
(function () {
  'use strict';

  // over reports whether the instant in el's attribute has passed. It
  // agrees with the build (model.Event.Ended): over from that instant on.
  function over(el, attr, now) {
    var t = Date.parse(el.getAttribute(attr) || '');
    return !isNaN(t) && t <= now;
  }

  function each(root, sel, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(sel), fn);
  }

  // yearSection finds or makes the past events' section of a year, kept
  // in descending order after the [data-no-past] paragraph.
  function yearSection(past, year) {
    var groups = past.querySelectorAll('[data-event-year-group]');
    for (var i = 0; i < groups.length; i++) {
      if (groups[i].getAttribute('data-event-year-group') === year) return groups[i];
    }
    var sec = document.createElement('section');
    sec.className = 'event-year';
    sec.setAttribute('data-event-year-group', year);
    var h = document.createElement('h3');
    h.textContent = year;
    var ul = document.createElement('ul');
    ul.className = 'card-list event-list';
    sec.appendChild(h);
    sec.appendChild(ul);

    var y = parseInt(year, 10);
    for (var j = 0; j < groups.length; j++) {
      if (parseInt(groups[j].getAttribute('data-event-year-group'), 10) < y) {
        groups[j].parentNode.insertBefore(sec, groups[j]);
        return sec;
      }
    }
    var after = groups.length ? groups[groups.length - 1] :
      past.querySelector('[data-no-past]') || past.querySelector('h2');
    if (after) {
      after.parentNode.insertBefore(sec, after.nextSibling);
    } else {
      past.insertBefore(sec, past.firstChild);
    }
    return sec;
  }

  // eventsPage moves ended events from the upcoming list to the past.
  function eventsPage(now) {
    var up = document.querySelector('[data-events-upcoming]');
    var past = document.querySelector('[data-events-past]');
    if (!up || !past) return;
    each(up, '[data-event-ends]', function (item) {
      if (!over(item, 'data-event-ends', now)) return;
      var year = item.getAttribute('data-event-year') || '';
      if (!year) {
        var t = new Date(Date.parse(item.getAttribute('data-event-ends')));
        year = String(t.getFullYear());
      }
      var list = yearSection(past, year).querySelector('ul, ol');
      // Upcoming runs oldest first, past newest first: prepending one by
      // one keeps both orders.
      list.insertBefore(item, list.firstChild);
    });
    each(up, '[data-event-group]', function (g) {
      if (!g.querySelector('[data-event-ends]')) g.parentNode.removeChild(g);
    });
    var noUp = up.querySelector('[data-no-upcoming]');
    if (noUp && !up.querySelector('[data-event-ends]')) noUp.hidden = false;
    var noPast = past.querySelector('[data-no-past]');
    if (noPast && past.querySelector('[data-event-ends]')) noPast.hidden = true;
  }

  // homePage drops ended events from the short lists of upcoming events.
  // The build renders a few more than the list shows (hidden), so that
  // the list stays full when the first ones have ended: data-max says
  // how many to show.
  function homePage(now) {
    each(document, '[data-upcoming-list]', function (list) {
      each(list, '[data-event-ends]', function (item) {
        if (over(item, 'data-event-ends', now)) item.parentNode.removeChild(item);
      });
      var max = parseInt(list.getAttribute('data-max') || '0', 10);
      Array.prototype.forEach.call(list.querySelectorAll('[data-event-ends]'), function (item, i) {
        item.hidden = max > 0 && i >= max;
      });
      if (list.querySelector('[data-event-ends]')) return;
      var box = list.parentNode;
      var none = box && box.querySelector('[data-no-upcoming]');
      if (box) box.removeChild(list);
      if (none) none.hidden = false;
    });
  }

  // eventPage shows the notices of an event that ended, or whose
  // registration closed, after the build.
  function eventPage(now) {
    each(document, '[data-event-box][data-event-ends]', function (box) {
      if (!over(box, 'data-event-ends', now)) return;
      each(box, '[data-event-ended-notice]', function (n) { n.hidden = false; });
    });
    each(document, '[data-registration-closes]', function (el) {
      if (!over(el, 'data-registration-closes', now)) return;
      each(el, '[data-registration-closed-notice]', function (n) { n.hidden = false; });
    });
  }

  function init() {
    var now = Date.now();
    eventsPage(now);
    homePage(now);
    eventPage(now);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
