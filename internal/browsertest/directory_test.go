package browsertest

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"seutu/internal/build"
	"seutu/internal/testwait"
)

// The networks of testdata/site, in the order the directory lists them:
// by category, then by name.
var (
	allNetworks = []string{
		"Kunnanjohtajakokoukset", "Talousjohtajien verkosto", // Kuntajohto
		"Alueellinen hyte-verkosto", "Ikäihmisten palveluverkosto", // Hyvinvointi ja terveys
		"Ilmastoviestinnän työryhmä", "Äänekosken seudun ilmastoverkosto", // Ilmasto ja ympäristö
	}
	allCategories = []string{"Kuntajohto", "Hyvinvointi ja terveys", "Ilmasto ja ympäristö"}
)

// dirState is what a reader of /verkostot/ sees: the rendered cards,
// groups and table-of-contents entries, the live region, the fields and
// the address.
type dirState struct {
	Form   bool     // the filter form is rendered
	Cards  []string // titles of the rendered cards
	Groups []string // headings of the rendered groups
	TOC    []string // rendered entries of the table of contents
	Status string   // text of the live region
	// Unlisted are the rendered entries of the networks that list no
	// member municipalities, named apart while a municipality is chosen.
	Unlisted []string
	Fields   map[string]string // data-filter → value
	Search   string            // location.search
	Hash     string            // location.hash
}

const jsDirState = `(() => {
  const vis = ` + jsVisible + `;
  const text = (el) => el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  const fields = {};
  document.querySelectorAll('[data-filter]').forEach((f) => { fields[f.getAttribute('data-filter')] = f.value; });
  return {
    Form: vis(document.querySelector('[data-directory-filters]')),
    Cards: [...document.querySelectorAll('[data-network]')].filter(vis).map((c) => text(c.querySelector('.card__title'))),
    Groups: [...document.querySelectorAll('[data-filter-group]')].filter(vis).map((g) => text(g.querySelector('h2'))),
    TOC: [...document.querySelectorAll('nav.toc li')].filter(vis).map((li) => text(li.querySelector('a'))),
    Status: text(document.querySelector('[data-filter-status]')),
    Unlisted: vis(document.querySelector('[data-filter-unlisted]')) ?
      [...document.querySelectorAll('[data-unlisted-network]')].filter(vis).map(text) : [],
    Fields: fields,
    Search: location.search,
    Hash: location.hash,
  };
})()`

// minPause is the least pause, in ms, before the live region reads out
// the count after a keystroke: directory.js waits 300 ms
// (ANNOUNCE_DELAY); the margin is for the granularity of the page's
// clock and timers, not for speed.
const minPause = 250

// jsWatchPause records in window.__pause the shortest time, by the page's
// clock, from a keystroke in the name field to a change of the live
// region after it.
const jsWatchPause = `(() => {
  const status = document.querySelector('[data-filter-status]');
  let last = -Infinity;
  window.__pause = Infinity;
  document.getElementById('suodatin-nimi').addEventListener('input', () => { last = performance.now(); });
  new MutationObserver(() => { window.__pause = Math.min(window.__pause, performance.now() - last); })
    .observe(status, {childList: true, characterData: true, subtree: true});
  return true;
})()`

func readDir(t *testing.T, ctx context.Context) dirState {
	t.Helper()
	return eval[dirState](t, ctx, jsDirState)
}

// want is what a step expects. cards, search and unlisted (the networks
// without members named apart) are always checked; groups when not nil
// (they must also be the entries of the table of contents), status when
// not empty (polled, as text input announces after a pause), and the
// fields listed.
type want struct {
	cards    []string
	groups   []string
	status   string
	search   string
	fields   map[string]string
	unlisted []string
}

// check compares the page with w. The live region is polled, since text
// input announces after a pause; everything else must already hold. The
// poll is one step (testwait.Step): the pause is 300 ms, and only a hang
// outlasts a step's limit, however busy the machine.
func check(t *testing.T, ctx context.Context, step string, w want) dirState {
	t.Helper()
	if w.status != "" {
		poll, cancel := testwait.Step(ctx)
		defer cancel()
		_, err := chromedp.Run(poll, chromedp.Poll[bool](
			`document.querySelector('[data-filter-status]').textContent === `+js(w.status),
			chromedp.WithPollingTimeout(testwait.StepTimeout)))
		if err != nil {
			s := readDir(t, ctx)
			t.Fatalf("%s: live region says %q, want %q (%v)", step, s.Status, w.status, testwait.Why(poll, err))
		}
	}
	s := readDir(t, ctx)
	if !s.Form {
		t.Errorf("%s: the filter form is not shown", step)
	}
	if !slices.Equal(s.Cards, w.cards) {
		t.Errorf("%s: cards shown\n\t%q\nwant\n\t%q", step, s.Cards, w.cards)
	}
	if w.groups != nil {
		if !slices.Equal(s.Groups, w.groups) {
			t.Errorf("%s: groups shown %q, want %q", step, s.Groups, w.groups)
		}
		if !slices.Equal(s.TOC, w.groups) {
			t.Errorf("%s: table of contents shows %q, want %q", step, s.TOC, w.groups)
		}
	}
	if s.Search != w.search {
		t.Errorf("%s: location.search %q, want %q", step, s.Search, w.search)
	}
	if !slices.Equal(s.Unlisted, w.unlisted) && len(s.Unlisted)+len(w.unlisted) > 0 {
		t.Errorf("%s: networks without members named apart %q, want %q", step, s.Unlisted, w.unlisted)
	}
	for k, v := range w.fields {
		if s.Fields[k] != v {
			t.Errorf("%s: field %s is %q, want %q", step, k, s.Fields[k], v)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return s
}

// choose picks an option of a select as a reader does: the value
// changes, then input and change fire.
func choose(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
  const el = document.getElementById(%s);
  if (![...el.options].some((o) => o.value === %s)) throw new Error('no option ' + %s);
  el.value = %s;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
  return true;
})()`, js(id), js(value), js(value), js(value)))
}

// TestDirectoryFilters narrows the directory by name, municipality and
// category, and checks the cards, groups, table of contents, live region
// and URL after each step; then reloads the filtered URL, clears the name
// with Escape, finds nothing, and resets.
func TestDirectoryFilters(t *testing.T) {
	start := time.Now()
	base := buildAndServe(t, ownSite, build.Options{Now: helsinki(t, "2022-08-01T12:00")})
	tab := newTab(t, newBrowser(t))

	// The hash stays through every change of the query.
	do(t, tab, "open /verkostot/", chromedp.Navigate(base+"/verkostot/#suodattimet"))
	s := check(t, tab, "on load", want{cards: allNetworks, groups: allCategories})
	if s.Status != "" {
		t.Errorf("on load without a query the live region says %q; want it silent", s.Status)
	}
	if s.Search != "" || s.Hash != "#suodattimet" {
		t.Errorf("on load the address is %q%q", s.Search, s.Hash)
	}

	// Typing filters at once; the count is announced after a pause. The
	// page's own clock measures the pause, from the last keystroke before
	// the live region changed to the change: a timer never fires early,
	// and a busy machine only lengthens it, so the check cannot fail for
	// slowness (a clock in the test would also count the time the
	// keystrokes took to reach the page).
	eval[bool](t, tab, jsWatchPause)
	do(t, tab, "type a name", chromedp.SendKeys(chromedp.ID("suodatin-nimi"), "verkosto"))
	check(t, tab, "name 'verkosto'", want{
		cards: []string{"Talousjohtajien verkosto", "Alueellinen hyte-verkosto",
			"Ikäihmisten palveluverkosto", "Äänekosken seudun ilmastoverkosto"},
		groups: allCategories,
		status: "Näytetään 4 verkostoa",
		search: "?nimi=verkosto",
	})
	switch pause := eval[float64](t, tab, `Number.isFinite(window.__pause) ? window.__pause : -1`); {
	case pause < 0:
		t.Error("no change of the live region after a keystroke was seen")
	case pause < minPause:
		t.Errorf("the live region spoke %.0f ms after a keystroke; want it to wait for a pause (%d ms)", pause, minPause)
	}

	choose(t, tab, "suodatin-kunta", "aanekoski")
	// The financial directors' network lists no members: it is not among
	// the cards, but named apart, as it may include Äänekoski too.
	check(t, tab, "+ kunta Äänekoski", want{
		cards:    []string{"Ikäihmisten palveluverkosto", "Äänekosken seudun ilmastoverkosto"},
		groups:   []string{"Hyvinvointi ja terveys", "Ilmasto ja ympäristö"},
		status:   "Näytetään 2 verkostoa. Lisäksi 1 verkosto ei luettele jäsenkuntiaan (luettelon lopussa)",
		search:   "?nimi=verkosto&kunta=aanekoski",
		unlisted: []string{"Talousjohtajien verkosto"},
	})

	choose(t, tab, "suodatin-luokka", "ilmasto-ja-ymparisto")
	filtered := "?nimi=verkosto&luokka=ilmasto-ja-ymparisto&kunta=aanekoski"
	one := want{
		cards:  []string{"Äänekosken seudun ilmastoverkosto"},
		groups: []string{"Ilmasto ja ympäristö"},
		status: "Näytetään 1 verkosto",
		search: filtered,
		fields: map[string]string{"nimi": "verkosto", "luokka": "ilmasto-ja-ymparisto", "laajuus": "", "koordinoija": "", "kunta": "aanekoski"},
	}
	s = check(t, tab, "+ luokka Ilmasto ja ympäristö", one)
	if s.Hash != "#suodattimet" {
		t.Errorf("the hash became %q", s.Hash)
	}

	// The filtered URL is shareable: reloading it restores the view and
	// announces it.
	do(t, tab, "reload", chromedp.Reload())
	s = check(t, tab, "after reload", one)
	if s.Hash != "#suodattimet" {
		t.Errorf("after reload the hash is %q", s.Hash)
	}

	// Escape clears the name, at once.
	do(t, tab, "Escape", chromedp.Focus(chromedp.ID("suodatin-nimi")), chromedp.KeyEvent(kb.Escape))
	check(t, tab, "Escape", want{
		cards:  []string{"Ilmastoviestinnän työryhmä", "Äänekosken seudun ilmastoverkosto"},
		groups: []string{"Ilmasto ja ympäristö"},
		status: "Näytetään 2 verkostoa",
		search: "?luokka=ilmasto-ja-ymparisto&kunta=aanekoski",
		fields: map[string]string{"nimi": ""},
	})

	// Case, Finnish letters and runs of spaces do not matter.
	do(t, tab, "type a name", chromedp.SendKeys(chromedp.ID("suodatin-nimi"), "  ILMASTOVIESTINNÄN   työ"))
	check(t, tab, "name in capitals", want{
		cards:  []string{"Ilmastoviestinnän työryhmä"},
		groups: []string{"Ilmasto ja ympäristö"},
		status: "Näytetään 1 verkosto",
		search: "?nimi=ILMASTOVIESTINN%C3%84N+ty%C3%B6&luokka=ilmasto-ja-ymparisto&kunta=aanekoski",
	})

	// Nothing matches: every group and entry of the contents is hidden.
	choose(t, tab, "suodatin-koordinoija", "hyvaks")
	check(t, tab, "nothing matches", want{
		cards:  nil,
		groups: []string{},
		status: "Ei verkostoja valituilla suodattimilla",
		search: "?nimi=ILMASTOVIESTINN%C3%84N+ty%C3%B6&luokka=ilmasto-ja-ymparisto&koordinoija=hyvaks&kunta=aanekoski",
	})

	// The reset button brings every network back and says so.
	do(t, tab, "reset", chromedp.Click(chromedp.CSS(`[data-directory-filters] button[type=reset]`)))
	check(t, tab, "reset", want{
		cards:  allNetworks,
		groups: allCategories,
		status: "Näytetään 6 verkostoa",
		fields: map[string]string{"nimi": "", "luokka": "", "laajuus": "", "koordinoija": "", "kunta": ""},
	})
	if s := readDir(t, tab); s.Search != "" || s.Hash != "#suodattimet" {
		t.Errorf("after reset the address is %q%q, want only the hash", s.Search, s.Hash)
	}

	// A query with a value no select offers ignores that value.
	do(t, tab, "open a query", chromedp.Navigate(base+"/verkostot/?laajuus=seudullinen&luokka=ei-ole&nimi=hyte"))
	check(t, tab, "query with an unknown value", want{
		cards:  []string{"Alueellinen hyte-verkosto"},
		groups: []string{"Hyvinvointi ja terveys"},
		status: "Näytetään 1 verkosto",
		search: "?laajuus=seudullinen&luokka=ei-ole&nimi=hyte", // untouched until the reader changes something
		fields: map[string]string{"nimi": "hyte", "luokka": "", "laajuus": "seudullinen"},
	})
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// TestDirectoryKeyboard walks the form with Tab and Shift-Tab, picks a
// category with the arrow keys of the native select, and presses Enter in
// the name field, which must not reload the page.
func TestDirectoryKeyboard(t *testing.T) {
	start := time.Now()
	base := buildAndServe(t, ownSite, build.Options{Now: helsinki(t, "2022-08-01T12:00")})
	tab := newTab(t, newBrowser(t))
	do(t, tab, "open /verkostot/", chromedp.Navigate(base+"/verkostot/"))

	active := func() string {
		t.Helper()
		return eval[string](t, tab, `(() => {
  const a = document.activeElement;
  if (!a) return '';
  if (a.id) return '#' + a.id;
  if (a.matches('nav.toc a')) return 'toc:' + a.getAttribute('href');
  return a.tagName.toLowerCase() + (a.type ? '[type=' + a.type + ']' : '');
})()`)
	}
	press := func(key string, mods ...chromedp.Modifier) {
		t.Helper()
		do(t, tab, "key", chromedp.KeyEvent(key, chromedp.KeyModifiers(mods...)))
	}

	// From the last entry of the table of contents, Tab reaches the name
	// field, the selects in order, the submit button and the reset button.
	do(t, tab, "focus the contents", chromedp.Focus(chromedp.CSS(`nav.toc li:last-child a`)))
	order := []string{"#suodatin-nimi", "#suodatin-luokka", "#suodatin-laajuus", "#suodatin-koordinoija", "#suodatin-kunta", "button[type=submit]", "button[type=reset]"}
	for _, w := range order {
		press(kb.Tab)
		if got := active(); got != w {
			t.Fatalf("Tab reached %s, want %s (order %v)", got, w, order)
		}
	}
	for i := len(order) - 2; i >= 0; i-- {
		press(kb.Tab, chromedp.ModifierShift)
		if got := active(); got != order[i] {
			t.Fatalf("Shift-Tab reached %s, want %s", got, order[i])
		}
	}

	// The native select works with the keyboard: ArrowDown picks the
	// first category.
	press(kb.Tab) // to the category select
	if got := active(); got != "#suodatin-luokka" {
		t.Fatalf("focus on %s, want #suodatin-luokka", got)
	}
	press(kb.ArrowDown)
	check(t, tab, "ArrowDown on the category", want{
		cards:  []string{"Kunnanjohtajakokoukset", "Talousjohtajien verkosto"},
		groups: []string{"Kuntajohto"},
		status: "Näytetään 2 verkostoa",
		search: "?luokka=kuntajohto",
	})

	// The reset button works with the keyboard too.
	do(t, tab, "focus reset", chromedp.Focus(chromedp.CSS(`button[type=reset]`)))
	press(kb.Enter)
	check(t, tab, "Enter on reset", want{cards: allNetworks, groups: allCategories, status: "Näytetään 6 verkostoa"})

	// Enter in the name field submits the form, which the script stops:
	// the page is not reloaded, so the marker survives.
	eval[bool](t, tab, `(() => {
  window.__marker = 'ennen';
  window.__submits = [];
  document.querySelector('[data-directory-filters]').addEventListener('submit', (e) => {
    setTimeout(() => window.__submits.push(e.defaultPrevented), 0);
  });
  return true;
})()`)
	do(t, tab, "type and Enter", chromedp.SendKeys(chromedp.ID("suodatin-nimi"), "hyte"+kb.Enter))
	check(t, tab, "Enter in the name field", want{
		cards:  []string{"Alueellinen hyte-verkosto"},
		status: "Näytetään 1 verkosto",
		search: "?nimi=hyte",
	})
	// Wait for the submit event's record, or for the page to be gone. The
	// record (defaultPrevented) proves that the form did not navigate,
	// whatever the timing. A reload by other means would show as a lost
	// marker; the short wait after gives one the time to begin. On a slow
	// machine it may not have begun yet, so the wait can only miss such a
	// defect, never fail a correct page.
	do(t, tab, "wait for the submit event", chromedp.Poll[chromedp.Void](`window.__marker !== 'ennen' || window.__submits.length > 0`,
		chromedp.WithPollingTimeout(testwait.StepTimeout)))
	time.Sleep(300 * time.Millisecond)
	type after struct {
		Marker  string
		Submits []bool
		Active  string
	}
	a := eval[after](t, tab, `({Marker: window.__marker || '', Submits: window.__submits || [], Active: document.activeElement ? document.activeElement.id : ''})`)
	if a.Marker != "ennen" {
		t.Errorf("Enter in the name field reloaded the page (marker %q)", a.Marker)
	}
	if !slices.Equal(a.Submits, []bool{true}) {
		t.Errorf("submit events (defaultPrevented): %v, want [true]", a.Submits)
	}
	if a.Active != "suodatin-nimi" {
		t.Errorf("after Enter the focus is on %q, want the name field", a.Active)
	}

	// Escape in an empty field does nothing.
	press(kb.Escape)
	press(kb.Escape)
	check(t, tab, "Escape twice", want{cards: allNetworks, search: "", status: "Näytetään 6 verkostoa"})
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// TestDirectoryWithoutJavaScript checks that the directory is whole
// without the script: the served HTML lists every network with the form
// hidden, and Chromium with JavaScript off shows every card and no form.
func TestDirectoryWithoutJavaScript(t *testing.T) {
	start := time.Now()
	base := buildAndServe(t, ownSite, build.Options{Now: helsinki(t, "2022-08-01T12:00")})

	html := fetch(t, base+"/verkostot/")
	if n := len(regexp.MustCompile(`<li[^>]*\bdata-network\b`).FindAllString(html, -1)); n != len(allNetworks) {
		t.Errorf("the HTML has %d network cards, want %d", n, len(allNetworks))
	}
	form := regexp.MustCompile(`<form[^>]*\bdata-directory-filters\b[^>]*>`).FindString(html)
	if form == "" || !regexp.MustCompile(`\shidden[\s>]`).MatchString(form) {
		t.Errorf("the filter form is not hidden in the HTML: %q", form)
	}
	for _, name := range allNetworks {
		if !strings.Contains(html, ">"+name+"</a></h3>") {
			t.Errorf("the HTML lacks the card of %s", name)
		}
	}
	if !regexp.MustCompile(`src="/assets/js/directory\.[0-9a-f]{10}\.js" integrity="sha384-[^"]+" defer`).MatchString(html) {
		t.Errorf("the page does not load directory.js (fingerprinted, with integrity)")
	}

	tab := newTab(t, newBrowser(t))
	off, cancel := testwait.Step(tab)
	defer cancel()
	if _, err := chromedp.Call(off, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turning JavaScript off: %v", testwait.Why(off, err))
	}
	do(t, tab, "open /verkostot/?nimi=hyte", chromedp.Navigate(base+"/verkostot/?nimi=hyte"))
	s := readDir(t, tab)
	if s.Form {
		t.Error("without JavaScript the filter form is shown")
	}
	if !slices.Equal(s.Cards, allNetworks) {
		t.Errorf("without JavaScript the cards are %q, want all %q", s.Cards, allNetworks)
	}
	if !slices.Equal(s.Groups, allCategories) || !slices.Equal(s.TOC, allCategories) {
		t.Errorf("without JavaScript groups %q and contents %q, want %q", s.Groups, s.TOC, allCategories)
	}
	if s.Status != "" {
		t.Errorf("without JavaScript the live region says %q", s.Status)
	}
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// TestDirectorySubmit submits the filter form both ways. The browser's own
// GET submission (form.submit(), which no script can intercept) puts the
// filters in the query and loads the page, which reads them: the URL and
// the cards shown must agree. The submit button, with the script, stays
// on the page and says the count at once.
func TestDirectorySubmit(t *testing.T) {
	base := buildAndServe(t, ownSite, build.Options{Now: helsinki(t, "2022-08-01T12:00")})
	tab := newTab(t, newBrowser(t))
	do(t, tab, "open /verkostot/", chromedp.Navigate(base+"/verkostot/"))

	// The browser's own submission: fields set, no events.
	eval[bool](t, tab, `(() => {
  window.__marker = 'ennen';
  document.getElementById('suodatin-nimi').value = 'verkosto';
  document.getElementById('suodatin-laajuus').value = 'maakunnallinen';
  HTMLFormElement.prototype.submit.call(document.querySelector('[data-directory-filters]'));
  return true;
})()`)
	// The old page goes away under the question, which then fails: ask again.
	testwait.Until(t, tab, "the page the form loaded", func(step context.Context) bool {
		ok, err := chromedp.Run(step, chromedp.Evaluate[bool](`window.__marker === undefined && document.readyState === 'complete'`))
		return err == nil && ok
	})
	// The address the form loaded: every field, the empty ones too, in
	// the form's order.
	loaded := eval[string](t, tab, `performance.getEntriesByType('navigation')[0].name`)
	if want := base + "/verkostot/?nimi=verkosto&luokka=&laajuus=maakunnallinen&koordinoija=&kunta="; loaded != want {
		t.Errorf("the form loaded %s, want %s", loaded, want)
	}
	// The page reads the query and shows what it asks for; the address
	// stays as loaded until the reader changes something.
	check(t, tab, "after the form's own submission", want{
		cards:  []string{"Ikäihmisten palveluverkosto"},
		groups: []string{"Hyvinvointi ja terveys"},
		status: "Näytetään 1 verkosto",
		search: "?nimi=verkosto&luokka=&laajuus=maakunnallinen&koordinoija=&kunta=",
		fields: map[string]string{"nimi": "verkosto", "luokka": "", "laajuus": "maakunnallinen", "koordinoija": "", "kunta": ""},
	})

	// The button, with the script: no reload, the count at once.
	eval[bool](t, tab, `(() => {
  window.__marker = 'ennen';
  const el = document.getElementById('suodatin-laajuus');
  el.value = 'seudullinen';
  return true;
})()`)
	do(t, tab, "click the submit button", chromedp.Click(chromedp.CSS(`[data-directory-filters] button[type=submit]`)))
	check(t, tab, "the submit button", want{
		cards:  []string{"Talousjohtajien verkosto", "Alueellinen hyte-verkosto", "Äänekosken seudun ilmastoverkosto"},
		groups: allCategories,
		status: "Näytetään 3 verkostoa",
		search: "?nimi=verkosto&laajuus=seudullinen",
	})
	if m := eval[string](t, tab, `window.__marker || ''`); m != "ennen" {
		t.Errorf("the submit button reloaded the page (marker %q)", m)
	}
}
