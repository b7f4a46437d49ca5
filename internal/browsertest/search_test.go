package browsertest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"seutu/internal/testwait"
)

// searchQuery is a line of internal/search/testdata/queries.tsv.
type searchQuery struct {
	kind, text        string
	expect, forbidden []string
}

func readSearchQueries(t *testing.T) []searchQuery {
	t.Helper()
	f, err := os.Open("../search/testdata/queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []searchQuery
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < 3 {
			t.Fatalf("internal/search/testdata/queries.tsv:%d: %d columns, want kind, query and the expected URLs", line, len(cols))
		}
		q := searchQuery{kind: cols[0], text: cols[1], expect: strings.Fields(cols[2])}
		if len(cols) > 3 {
			q.forbidden = strings.Fields(cols[3])
		}
		out = append(out, q)
	}
	if len(out) < 20 {
		t.Fatalf("only %d queries in queries.tsv", len(out))
	}
	return out
}

// searchState is what the search page shows: the live region's text and
// the result links, best first.
type searchState struct {
	Status string   `json:"status"`
	Links  []string `json:"links"`
	Query  string   `json:"query"`
}

const jsSearchState = `({
	status: document.getElementById("hakutila").textContent,
	links: [...document.querySelectorAll("#hakutulokset a")].map(a => a.getAttribute("href")),
	query: document.getElementById("hakusana").value,
})`

// TestSearchFromTheHeader searches the real site as a reader does: types
// each query of the committed set into the header's search field of a
// page, presses Enter, and reads the results on /haku/. At least 95 % of
// the expected pages must be among the first five, every query must find
// one of its pages, and none a page it must not find. It then logs the
// time from the last keystroke to the results on the search page, once
// the index files a query needs have been loaded.
func TestSearchFromTheHeader(t *testing.T) {
	dir := buildReal(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := newTab(t, newBrowser(t))
	queries := readSearchQueries(t)
	found, expected := 0, 0
	pages := []string{"/", "/verkostot/", "/kunnat/jyvaskyla/"}
	for i, q := range queries {
		from := pages[i%len(pages)]
		do(t, tab, "open "+from, chromedp.Navigate(srv.URL+from))
		do(t, tab, q.text+": type into the header's field and press Enter",
			chromedp.SendKeys(chromedp.ID("sivuhaku"), q.text+kb.Enter))
		testwait.Until(t, tab, "the results of "+q.text, func(step context.Context) bool {
			s, err := chromedp.Run(step, chromedp.Evaluate[searchState](jsSearchState))
			return err == nil && s.Status != ""
		})
		s := run(t, tab, "read the results", chromedp.Evaluate[searchState](jsSearchState))
		if s.Query != q.text {
			t.Errorf("%q: the search page's field holds %q", q.text, s.Query)
		}
		top := s.Links[:min(5, len(s.Links))]
		hits := 0
		for _, u := range q.expect {
			if slices.Contains(top, u) {
				hits++
			}
		}
		found += hits
		expected += len(q.expect)
		if len(q.expect) > 0 && hits == 0 {
			t.Errorf("%s query %q found none of %v in its top 5: %v (%s)", q.kind, q.text, q.expect, top, s.Status)
		}
		for _, u := range q.forbidden {
			if slices.Contains(s.Links, u) {
				t.Errorf("%s query %q found %s", q.kind, q.text, u)
			}
		}
		if len(q.expect) == 0 && !strings.Contains(s.Status, "ei löytynyt") {
			t.Errorf("%q: the live region says %q", q.text, s.Status)
		}
	}
	t.Logf("recall in the top 5 in Chromium: %d of %d", found, expected)
	if found*100 < expected*95 {
		t.Errorf("recall in the top 5 is %d of %d, want at least 95 %%", found, expected)
	}

	// English: the header of an English page searches the English index
	// on /en/search/, with English keys (managers, manager) and texts.
	do(t, tab, "open /en/", chromedp.Navigate(srv.URL+"/en/"))
	do(t, tab, "managers: type into the English header's field and press Enter",
		chromedp.SendKeys(chromedp.ID("sivuhaku"), "managers"+kb.Enter))
	testwait.Until(t, tab, "the English results", func(step context.Context) bool {
		s, err := chromedp.Run(step, chromedp.Evaluate[searchState](jsSearchState))
		return err == nil && s.Status != ""
	})
	if path := eval[string](t, tab, `location.pathname + location.search`); path != "/en/search/?q=managers" {
		t.Errorf("the English header's search went to %s", path)
	}
	en := run(t, tab, "read the English results", chromedp.Evaluate[searchState](jsSearchState))
	if top := en.Links[:min(5, len(en.Links))]; !slices.Contains(top, "/en/verkostot/kunnanjohtajakokoukset/") {
		t.Errorf("/en/search/?q=managers: the English network page is not in the top 5: %v (%s)", top, en.Status)
	}
	if !strings.Contains(en.Status, "found for ‘managers’") {
		t.Errorf("/en/search/?q=managers: the live region says %q", en.Status)
	}

	// Typing to results: each query typed afresh into the search page's
	// own field; the page notes the last keystroke and the moment the
	// live region changes after it.
	do(t, tab, "open /haku/", chromedp.Navigate(srv.URL+"/haku/"))
	eval[bool](t, tab, `(() => {
		const input = document.getElementById("hakusana");
		window.__typed = 0; window.__shown = 0;
		// In the capture phase, before search.js's own listener: with the
		// index files loaded, the results can be shown before the event
		// reaches a later listener.
		document.addEventListener("input", (ev) => {
			if (ev.target === input) { window.__typed = performance.now(); window.__shown = 0; }
		}, true);
		new MutationObserver(() => { if (window.__typed && !window.__shown) window.__shown = performance.now(); })
			.observe(document.getElementById("hakutila"), {childList: true, characterData: true, subtree: true});
		return true;
	})()`)
	var times []float64
	for pass := range 2 { // the first pass loads the index files; the second is timed
		for _, q := range queries {
			eval[string](t, tab, `document.getElementById("hakusana").value = ""`)
			do(t, tab, "type "+q.text, chromedp.SendKeys(chromedp.ID("hakusana"), q.text))
			testwait.Until(t, tab, "the results of "+q.text, func(step context.Context) bool {
				shown, err := chromedp.Run(step, chromedp.Evaluate[bool](`window.__shown > 0 && document.getElementById("hakutila").textContent.includes(`+js("”"+q.text+"”")+`)`))
				return err == nil && shown
			})
			if pass == 1 {
				times = append(times, eval[float64](t, tab, `window.__shown - window.__typed`))
			}
		}
	}
	sort.Float64s(times)
	t.Logf("last keystroke to results, index files loaded: median %.1f ms, slowest %.1f ms, %d queries",
		times[len(times)/2], times[len(times)-1], len(times))
}

// TestSearchPageChecked runs axe-core and the Nu HTML Checker over the
// search page as a reader sees it with results: the results list, the
// live region and the marked excerpts included.
func TestSearchPageChecked(t *testing.T) {
	axe, err := os.ReadFile(toolFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	jar := toolFile(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("no java on PATH: the Nu HTML Checker runs on Java. Run " + installAll + ", which installs chromium, a Java runtime and the npm checkers, then runs the tests.")
	}
	dir := buildReal(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := newTab(t, newBrowser(t))
	do(t, tab, "open /haku/?q=kunnanjohtajat", chromedp.Navigate(srv.URL+"/haku/?q=kunnanjohtajat"))
	testwait.Until(t, tab, "the results", func(step context.Context) bool {
		n, err := chromedp.Run(step, chromedp.Evaluate[int](`document.querySelectorAll("#hakutulokset mark").length`))
		return err == nil && n > 0
	})
	tags, _ := json.Marshal(wcagTags)
	run(t, tab, "injecting axe-core", chromedp.Evaluate[bool](string(axe)+";true"))
	res := run(t, tab, "axe", chromedp.Evaluate[axeResult](`axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]}).then(r => ({violations: r.violations}))`, chromedp.EvalAwaitPromise))
	for _, v := range res.Violations {
		for _, n := range v.Nodes {
			t.Errorf("/haku/?q=kunnanjohtajat: %s (%s): %v %s", v.ID, v.Help, n.Target, n.HTML)
		}
	}
	html := eval[string](t, tab, `"<!doctype html>\n" + document.documentElement.outerHTML.replace(/<script[^>]*axe[\s\S]*?<\/script>/g, "")`)
	file := filepath.Join(t.TempDir(), "haku.html")
	if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := testwait.Context(t)
	out, err := exec.CommandContext(ctx, java, "-jar", jar, "--errors-only", file).CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running vnu: %v\n%s", err, out)
	}
	if strings.TrimSpace(string(out)) != "" || err != nil {
		t.Errorf("the Nu HTML Checker found errors in the search page with results:\n%s", out)
	}
}
