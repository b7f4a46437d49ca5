package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"seutu/internal/build"
	"seutu/internal/testwait"
)

// tools holds the checkers installed from package-lock.json by .ci/test
// (npm ci --prefix internal/browsertest/tools).
const tools = "tools/node_modules"

// wcagTags are the axe-core rule sets of the level Finnish law asks for,
// WCAG 2.1 AA, and the newer 2.2 AA.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// toolFile returns the path of a checker's file, failing the test with the
// way to install it when it is missing.
func toolFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(tools, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is missing: run %s, which installs chromium, a Java runtime and the npm checkers, then runs the tests", p, installAll)
	}
	return p
}

// buildReal builds the repository's own site as CI publishes it and
// returns the output folder.
func buildReal(t *testing.T) string {
	t.Helper()
	dest := t.TempDir()
	rep, err := build.Build(context.Background(), build.Options{Source: "../..", Dest: dest, Now: helsinki(t, "2026-11-23T12:00"), Minify: true, Fingerprint: true})
	if err != nil || rep.Failed() {
		t.Fatalf("building the real site: %v %v", err, rep.Diags)
	}
	return dest
}

// htmlPages lists the site-relative URLs of the built HTML pages, redirect
// pages of old addresses left out, and the web editor's page at /admin/:
// what runs there is Decap CMS's own interface, not the site's (its round
// trip is TestEditorRoundTrip's; the Nu checker still reads its page).
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var urls []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), `http-equiv="refresh"`) {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(filepath.ToSlash(rel), "admin/") {
			return nil
		}
		urls = append(urls, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return urls
}

type axeResult struct {
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// TestAccessibilityEveryPage opens every page of the real site in headless
// Chromium, runs axe-core with the WCAG A and AA rules, and checks that
// nothing overflows sideways on a 320 px wide screen.
func TestAccessibilityEveryPage(t *testing.T) {
	axe, err := os.ReadFile(toolFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := buildReal(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	pages := htmlPages(t, dir)
	if len(pages) < 50 {
		t.Fatalf("only %d pages", len(pages))
	}
	tab := newTab(t, newBrowser(t))
	tags, _ := json.Marshal(wcagTags)
	axeRun := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]}).then(r => ({violations: r.violations}))`
	// First prove that the checker sees a fault: an image without alt text.
	do(t, tab, "open the home page", chromedp.Navigate(srv.URL+"/"))
	run(t, tab, "injecting axe-core and an image without alt text", chromedp.Evaluate[bool](string(axe)+`;document.body.append(Object.assign(document.createElement("img"), {src: "x.png"}));true`))
	if res := run(t, tab, "axe on the home page", chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise)); len(res.Violations) == 0 || res.Violations[0].ID != "image-alt" {
		t.Fatalf("axe-core did not report an image without alt text: %+v", res)
	}
	for _, page := range pages {
		// Each page's steps have their own limit (run): a busy machine
		// slows every page, and no budget is shared among them.
		do(t, tab, "open "+page, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+page))
		run(t, tab, page+": injecting axe-core", chromedp.Evaluate[bool](string(axe)+";true"))
		res := run(t, tab, page+": axe", chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
		for _, v := range res.Violations {
			for _, n := range v.Nodes {
				t.Errorf("%s: %s (%s): %v %s", page, v.ID, v.Help, n.Target, n.HTML)
			}
		}
		do(t, tab, "narrow "+page, chromedp.EmulateViewport(320, 800))
		if w := eval[int](t, tab, `document.documentElement.scrollWidth`); w > 320 {
			wide := eval[string](t, tab, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 321).slice(0, 3).map(e => e.outerHTML.slice(0, 120)).join("\n")`)
			t.Errorf("%s: %d px wide at 320 px:\n%s", page, w, wide)
		}
	}
	t.Logf("%d pages checked", len(pages))
}

// TestScreenshots writes screenshots of the main views at phone and desktop
// widths to internal/browsertest/screenshots, to be looked at: home,
// directory, a network, events, an event, a person, the accessibility
// statement, an ended project and a municipality, at 375 and 1280 px, and
// the main menu opened at 375 px.
func TestScreenshots(t *testing.T) {
	dir := buildReal(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	out := "screenshots"
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t, newBrowser(t))
	views := map[string]string{
		"etusivu":               "/",
		"verkostot":             "/verkostot/",
		"verkosto":              "/verkostot/kunnanjohtajakokoukset/",
		"tapahtumat":            "/tapahtumat/",
		"tapahtuma":             "/ajankohtaista/2018-tulevaisuuden-kunta-jarjestot-mukana/",
		"henkilo":               "/henkilot/kirsi-mukkala/",
		"saavutettavuusseloste": "/saavutettavuusseloste/",
		// an ended project's contacts, and a municipality without a population
		"hanke": "/hankkeet/keski-suomen-vaikuttavat-jarjestot/",
		"kunta": "/kunnat/hankasalmi/",
		// the directory filtered by a municipality: the networks that
		// list no members named at the end
		"verkostot-kunta": "/verkostot/?kunta=jyvaskyla",
	}
	for name, url := range views {
		for _, width := range []int64{375, 1280} {
			do(t, tab, "open "+url, chromedp.EmulateViewport(width, 900), chromedp.Navigate(srv.URL+url))
			// Quality 100 makes a PNG; below it Chromium sends a JPEG.
			png := run(t, tab, "screenshot of "+url, chromedp.FullScreenshot(100))
			file := filepath.Join(out, name+"-"+itoa(width)+".png")
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			if len(png) < 1000 || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
				t.Errorf("%s: a %d-byte screenshot that is not a PNG", file, len(png))
			}
		}
	}
	// The main menu opened on a phone: the screen as it is, not the page.
	do(t, tab, "open the menu at 375 px", chromedp.EmulateViewport(375, 800), chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(chromedp.CSS("[data-menu-toggle]")))
	png := run(t, tab, "screenshot of the open menu", chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(out, "valikko-375.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestValidHTML checks every built page of the real site and of the small
// site with every kind against the Nu HTML Checker: zero errors.
func TestValidHTML(t *testing.T) {
	jar := toolFile(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("no java on PATH: the Nu HTML Checker runs on Java. Run " + installAll + ", which installs chromium, a Java runtime and the npm checkers, then runs the tests.")
	}
	// The checker runs over whole sites, which takes many seconds, so it
	// has the whole test's time (testwait.Context), not a step's.
	ctx := testwait.Context(t)
	vnu := func(args ...string) ([]byte, error) {
		t.Helper()
		out, err := exec.CommandContext(ctx, java, append([]string{"-jar", jar, "--errors-only"}, args...)...).CombinedOutput()
		if ctx.Err() != nil {
			t.Fatalf("the Nu HTML Checker %v: %v", args, context.Cause(ctx))
		}
		return out, err
	}
	// First prove that the checker sees a fault.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "bad.html"), []byte("<!doctype html><html lang=fi><title>x</title><p><div>x</p>"), 0o644)
	if out, _ := vnu(bad); !strings.Contains(string(out), "error") {
		t.Fatalf("the Nu HTML Checker passed broken HTML: %s", out)
	}
	dirs := []string{buildReal(t)}
	small := t.TempDir()
	if rep, err := build.Build(context.Background(), build.Options{Source: buildSite, Dest: small, Now: helsinki(t, "2026-11-23T12:00"), Minify: true, Fingerprint: true}); err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	dirs = append(dirs, small)

	// The checker's language detection must agree with every page's lang,
	// in every language of the real site. It speaks up in warnings, and
	// only on enough text: first prove it does on an English page that
	// says lang="fi".
	wrong := t.TempDir()
	os.WriteFile(filepath.Join(wrong, "en.html"), []byte(`<!doctype html><html lang="fi"><title>Networks</title><p>`+
		strings.Repeat("The municipalities of Central Finland cooperate in many networks, projects and strategies, and readers can find out who coordinates each network and how often it meets. ", 10)+`</p>`), 0o644)
	languageOf := func(dir string) string {
		t.Helper()
		out, _ := exec.CommandContext(ctx, java, "-jar", jar, "--skip-non-html", dir).CombinedOutput()
		var found []string
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "appears to be written in") {
				found = append(found, line)
			}
		}
		return strings.Join(found, "\n")
	}
	if got := languageOf(wrong); got == "" {
		t.Fatal("the Nu HTML Checker did not notice an English page marked lang=\"fi\"")
	}
	if got := languageOf(dirs[0]); got != "" {
		t.Errorf("the Nu HTML Checker disagrees with the pages' lang:\n%s", got)
	}

	for _, dir := range dirs {
		out, err := vnu("--skip-non-html", dir)
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatalf("running vnu: %v\n%s", err, out)
		}
		if len(strings.TrimSpace(string(out))) > 0 || err != nil {
			t.Errorf("the Nu HTML Checker found errors in %s:\n%s", dir, out)
		}
	}
}

// TestHTMLValidate checks every page of the real site, redirect pages and
// the 404 page included, and of the small site with every kind, with
// html-validate: its recommended and a11y presets, two rules off
// (tools/htmlvalidate.cjs says which and why). Zero problems.
func TestHTMLValidate(t *testing.T) {
	cli := toolFile(t, "html-validate/bin/html-validate.mjs")
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("no node on PATH: html-validate runs on Node.js. Run " + installAll + ", which installs chromium, a Java runtime and the npm checkers, then runs the tests.")
	}
	// A whole site takes a few seconds: the whole test's time, not a step's.
	ctx := testwait.Context(t)
	check := func(target string) (string, error) {
		t.Helper()
		out, err := exec.CommandContext(ctx, node, cli, "--config", "tools/htmlvalidate.cjs", "--formatter", "text", target).CombinedOutput()
		if ctx.Err() != nil {
			t.Fatalf("html-validate %s: %v", target, context.Cause(ctx))
		}
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatalf("running html-validate: %v\n%s", err, out)
		}
		return string(out), err
	}
	// First prove that it sees a fault: a form without a submit button,
	// which the directory's filters were (wcag/h32).
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "bad.html"), []byte(`<!doctype html><html lang="fi"><head><title>x</title></head><body><form><label for="q">Nimi</label><input type="search" id="q" name="q"></form></body></html>`), 0o644)
	if out, err := check(bad); err == nil || !strings.Contains(out, "wcag/h32") {
		t.Fatalf("html-validate passed a form without a submit button: %v\n%s", err, out)
	}
	small := t.TempDir()
	if rep, err := build.Build(context.Background(), build.Options{Source: buildSite, Dest: small, Now: helsinki(t, "2026-11-23T12:00"), Minify: true, Fingerprint: true}); err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	for _, dir := range []string{buildReal(t), small} {
		if len(htmlPages(t, dir)) == 0 {
			t.Fatalf("no pages in %s", dir)
		}
		if out, err := check(dir); err != nil || strings.TrimSpace(out) != "" {
			t.Errorf("html-validate found problems in %s (%v):\n%s", dir, err, out)
		}
	}
}
