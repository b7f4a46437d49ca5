package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// switcherState is what a reader and a screen reader get of a page and its
// language switcher.
type switcherState struct {
	Path    string
	Lang    string   // <html lang>
	H1      string   //
	Label   string   // the switcher's aria-label
	Current string   // the link marked aria-current="page"
	Names   []string // the languages, as the links say them
	Langs   []string // each link's lang
}

const jsSwitcherState = `(() => {
  const nav = document.querySelector('nav.lang-switch');
  const links = nav ? [...nav.querySelectorAll('a')] : [];
  const cur = links.find((a) => a.getAttribute('aria-current') === 'page');
  return {
    Path: location.pathname,
    Lang: document.documentElement.lang,
    H1: document.querySelector('h1').textContent.trim(),
    Label: nav ? nav.getAttribute('aria-label') : '',
    Current: cur ? cur.textContent.trim() : '',
    Names: links.map((a) => a.firstChild.textContent.trim()),
    Langs: links.map((a) => a.lang),
  };
})()`

// TestLanguageSwitch switches language by keyboard on a network page of
// the real site and lands on the same network in English, and back; from a
// page that is only in Finnish it lands on the Swedish home page, and the
// link said so before it was followed.
func TestLanguageSwitch(t *testing.T) {
	dir := buildReal(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	browser := newBrowser(t)
	tab := newTab(t, browser)
	state := func() switcherState { t.Helper(); return eval[switcherState](t, tab, jsSwitcherState) }
	follow := func(sel, lang string) {
		t.Helper()
		do(t, tab, "focus "+sel+" and press Enter", chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitReady(chromedp.CSS(`html[lang="`+lang+`"]`)))
	}

	do(t, tab, "open a network page", chromedp.Navigate(srv.URL+"/verkostot/pienten-kuntien-verkosto/"))
	fi := state()
	if fi.Lang != "fi" || fi.Label != "Kieli" || fi.Current != "suomi" {
		t.Fatalf("on the Finnish page: %+v", fi)
	}
	if want := []string{"suomi", "svenska", "English"}; len(fi.Names) != 3 || fi.Names[0] != want[0] || fi.Names[1] != want[1] || fi.Names[2] != want[2] {
		t.Errorf("the switcher names %v, want %v", fi.Names, want)
	}
	if want := []string{"fi", "sv", "en"}; len(fi.Langs) != 3 || fi.Langs[0] != want[0] || fi.Langs[1] != want[1] || fi.Langs[2] != want[2] {
		t.Errorf("the links' lang %v, want %v", fi.Langs, want)
	}

	follow(`nav.lang-switch a[hreflang="en"]`, "en")
	en := state()
	if en.Path != "/en/verkostot/pienten-kuntien-verkosto/" || en.Current != "English" || en.Label != "Language" {
		t.Fatalf("after switching to English: %+v; want the same network in English", en)
	}
	if en.H1 == fi.H1 || en.H1 == "" {
		t.Errorf("the English page's heading %q is the Finnish one", en.H1)
	}

	follow(`nav.lang-switch a[hreflang="fi"]`, "fi")
	if back := state(); back.Path != "/verkostot/pienten-kuntien-verkosto/" || back.H1 != fi.H1 {
		t.Errorf("back to Finnish: %+v", back)
	}

	do(t, tab, "open a page only in Finnish", chromedp.Navigate(srv.URL+"/hankkeet/"))
	note := eval[string](t, tab, `document.querySelector('nav.lang-switch a[hreflang="sv"]').textContent.trim()`)
	if note != "svenska (sidan finns inte på svenska)" {
		t.Errorf("the Swedish link on a page not in Swedish says %q", note)
	}
	follow(`nav.lang-switch a[hreflang="sv"]`, "sv")
	if sv := state(); sv.Path != "/sv/" || sv.Current != "svenska" || sv.Label != "Språk" {
		t.Errorf("from a page only in Finnish to Swedish: %+v; want the Swedish home page", sv)
	}

	// On the search page, switching language keeps the search: the
	// English search page opens with the query in its field.
	do(t, tab, "search in Finnish", chromedp.Navigate(srv.URL+"/haku/?q=kunnanjohtaja"),
		chromedp.WaitReady(`#hakutulokset li`))
	follow(`nav.lang-switch a[hreflang="en"]`, "en")
	if got := eval[string](t, tab, `location.pathname + location.search + " " + document.querySelector('#hakusana').value`); got != "/en/search/?q=kunnanjohtaja kunnanjohtaja" {
		t.Errorf("after switching to English on the search page: %q, want /en/search/?q=kunnanjohtaja with the query in the field", got)
	}
}
