package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"seutu/internal/testwait"
)

// menuState is what a reader sees of the header's main menu.
type menuState struct {
	Button   bool   // the Valikko button is rendered
	Expanded string // its aria-expanded
	Controls bool   // its aria-controls names the menu
	Menu     bool   // the menu is rendered
	Links    int    // menu links rendered
	Rows     int    // distinct rows the rendered links sit on
	SameRow  bool   // the button sits on the row of the site's name
	Active   string // the focused element: "button", "menu link", "brand", …
	Ring     bool   // the focused element matches :focus-visible and has an outline
}

const jsMenuState = `(() => {
  const vis = ` + jsVisible + `;
  const b = document.querySelector('[data-menu-toggle]');
  const nav = document.getElementById('paavalikko');
  const links = [...nav.querySelectorAll('a')].filter(vis);
  const brand = document.querySelector('.site-brand').getBoundingClientRect();
  const a = document.activeElement;
  let active = a ? a.tagName.toLowerCase() : '';
  if (a === b) active = 'button';
  else if (a && nav.contains(a)) active = 'menu link';
  else if (a && a.matches('.site-brand')) active = 'brand';
  else if (a && a.matches('.skip-link')) active = 'skip link';
  const r = b.getBoundingClientRect();
  return {
    Button: vis(b),
    Expanded: b.getAttribute('aria-expanded') || '',
    Controls: b.getAttribute('aria-controls') === nav.id,
    Menu: vis(nav),
    Links: links.length,
    Rows: new Set(links.map((l) => Math.round(l.getBoundingClientRect().top))).size,
    SameRow: vis(b) && r.top < brand.bottom && r.bottom > brand.top,
    Active: active,
    Ring: !!a && a.matches(':focus-visible') && getComputedStyle(a).outlineStyle !== 'none',
  };
})()`

// TestMainMenu opens and closes the main menu of the real site at 375 px
// by keyboard alone: Tab to the button, Enter opens, Tab enters the menu,
// Escape closes it and returns to the button, Space opens and closes. From
// 896 px up the menu is one row with no button; without scripts, at 375
// px, the menu is simply shown.
func TestMainMenu(t *testing.T) {
	dir := buildReal(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	browser := newBrowser(t)
	tab := newTab(t, browser)
	state := func() menuState { t.Helper(); return eval[menuState](t, tab, jsMenuState) }
	press := func(key string) { t.Helper(); do(t, tab, "key "+key, chromedp.KeyEvent(key)) }
	const items = 6 // content/site.toml's [[menu]]

	do(t, tab, "open / at 375 px", chromedp.EmulateViewport(375, 800), chromedp.Navigate(srv.URL+"/"))
	s := state()
	if !s.Button || s.Expanded != "false" || !s.Controls || s.Menu {
		t.Fatalf("at 375 px on load: %+v; want the button shown, aria-expanded false, aria-controls the menu, the menu folded", s)
	}
	if !s.SameRow {
		t.Errorf("at 375 px the button is not on the row of the site's name")
	}

	// Tab: the skip link, the site's name, the button.
	for _, want := range []string{"skip link", "brand", "button"} {
		press(kb.Tab)
		if s = state(); s.Active != want {
			t.Fatalf("Tab reached %q, want %q", s.Active, want)
		}
	}
	if !s.Ring {
		t.Errorf("the focused button shows no focus ring")
	}

	press(kb.Enter)
	if s = state(); s.Expanded != "true" || !s.Menu || s.Links != items || s.Rows != items {
		t.Fatalf("after Enter: %+v; want aria-expanded true and %d links, one a row", s, items)
	}
	press(kb.Tab)
	if s = state(); s.Active != "menu link" || !s.Ring {
		t.Fatalf("Tab from the open menu's button reached %q (focus ring %v), want a menu link", s.Active, s.Ring)
	}

	press(kb.Escape)
	if s = state(); s.Expanded != "false" || s.Menu || s.Active != "button" {
		t.Fatalf("after Escape in the menu: %+v; want it folded and the focus on the button", s)
	}

	press(" ")
	if s = state(); s.Expanded != "true" || !s.Menu {
		t.Fatalf("after Space: %+v; want the menu open", s)
	}
	press(" ")
	if s = state(); s.Expanded != "false" || s.Menu || s.Active != "button" {
		t.Fatalf("after a second Space: %+v; want the menu folded, the focus on the button", s)
	}

	// From 56em (896 px) up: no button, the menu on one row beside or
	// below the name, never wrapped onto a second.
	for _, width := range []int64{896, 1024, 1280} {
		do(t, tab, "open / at "+itoa(width)+" px", chromedp.EmulateViewport(width, 900), chromedp.Navigate(srv.URL+"/"))
		if s = state(); s.Button || !s.Menu || s.Links != items || s.Rows != 1 {
			t.Errorf("at %d px: %+v; want no button and the %d links on one row", width, s, items)
		}
	}

	// Without scripts the menu is shown as it is, and no button.
	plain := newTab(t, browser)
	off, cancel := testwait.Step(plain)
	defer cancel()
	if _, err := chromedp.Call(off, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turning JavaScript off: %v", testwait.Why(off, err))
	}
	do(t, plain, "open / at 375 px without scripts", chromedp.EmulateViewport(375, 800), chromedp.Navigate(srv.URL+"/"))
	// jsMenuState is read by the test's own evaluation, which runs with
	// the page's scripts off.
	if s := eval[menuState](t, plain, jsMenuState); s.Button || !s.Menu || s.Links != items {
		t.Errorf("at 375 px without scripts: %+v; want the menu shown and no button", s)
	}
}
