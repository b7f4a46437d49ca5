/* menu.js – folds the main menu behind a button on narrow screens.
 *
 * Progressive enhancement: without scripts the menu is shown as it is and
 * the button stays hidden. base.html's first script marks the html element
 * with the class "js", so that site.css folds the menu on a narrow screen
 * before the first paint; this script makes the button work:
 *   - it opens and closes the menu and keeps aria-expanded true to what is
 *     shown (site.css shows the menu when aria-expanded is "true");
 *   - Escape closes the open menu and returns focus to the button, from
 *     the button or from a link of the menu.
 * On a wide screen site.css hides the button and always shows the menu, so
 * the button's state does not matter there. No dependencies.
 *
 * Markup (layouts/partials/site.html):
 *   button[data-menu-toggle][aria-controls]  the button
 *   #<aria-controls>                         the menu (nav.main-nav)
 */
(function () {
  'use strict';

  function init() {
    var button = document.querySelector('[data-menu-toggle]');
    if (!button) return;
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    if (!menu) return;

    function open() { return button.getAttribute('aria-expanded') === 'true'; }
    function set(on) { button.setAttribute('aria-expanded', on ? 'true' : 'false'); }

    button.addEventListener('click', function () { set(!open()); });

    function escape(e) {
      // A hidden button (a wide screen) has nothing to close.
      if ((e.key === 'Escape' || e.key === 'Esc') && open() && button.getClientRects().length) {
        e.preventDefault();
        set(false);
        button.focus();
      }
    }
    button.addEventListener('keydown', escape);
    menu.addEventListener('keydown', escape);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
