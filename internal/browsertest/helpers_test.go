package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"seutu/internal/build"
	"seutu/internal/fi"
	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

// testTimeout bounds each test: building, serving and the browser.
const testTimeout = 60 * time.Second

// ownSite is this package's site: six networks in three categories, and
// events on both sides of the build's now. buildSite is the build
// package's small site with every kind of page.
const (
	ownSite   = "testdata/site"
	buildSite = "../build/testdata/site"
)

// helsinki parses a Helsinki wall-clock time such as "2022-08-01T12:00".
func helsinki(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.ParseInLocation("2006-01-02T15:04", s, fi.Helsinki)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// buildAndServe builds the site in src as of now into a temporary folder,
// serves it on 127.0.0.1 and returns its address, "http://127.0.0.1:PORT".
// The server stops when the test ends.
func buildAndServe(t *testing.T, src string, opts build.Options) string {
	t.Helper()
	dest := t.TempDir()
	opts.Source, opts.Dest = src, dest
	// The browser gets what readers get: minified, fingerprinted files
	// whose integrity hashes Chromium checks.
	opts.Minify, opts.Fingerprint = true, true
	rep, err := build.Build(opts)
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	if rep.Failed() {
		t.Fatalf("build %s failed:\n%v", src, rep.Diags)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dest))) // a static host, as in production
	t.Cleanup(srv.Close)
	return srv.URL
}

// copySite copies the site in src to a temporary folder, so that a test
// can change it, and returns the folder.
func copySite(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fetch returns the body of a page as the server sends it.
func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(b)
}

// findChromium finds the browser: Debian's chromium, else another
// Chromium or Chrome on PATH. Without one the test fails: a browser test
// that is skipped tests nothing.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no browser for the browser tests: found none of chromium, chromium-browser, google-chrome on PATH.\n" +
		"Install Debian's chromium (apt-get install chromium) or run .ci/run, which installs it.")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile for the test
// and returns a chromedp context of it; newTab opens tabs in it. The
// context ends, and the browser with it, after testTimeout or when the
// test ends. extra options come after the defaults.
func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := findChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root, in a container
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "fi-FI"),
		chromedp.WindowSize(1024, 900),
		chromedp.UserDataDir(t.TempDir()), // removed after the browser has stopped
	)
	opts = append(opts, extra...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return browser
}

// newTab opens a tab in the browser. Uncaught exceptions of its pages,
// and scripts or stylesheets that fail to load, fail the test.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	var mu sync.Mutex
	var problems []string
	tab, cancel := chromedp.NewContext(browser, chromedp.WithListener(func(ev any) {
		var p string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			p = fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, d.Text)
			if d.Exception != nil && d.Exception.Description != "" {
				p += " " + d.Exception.Description
			}
		case *log.EventEntryAdded:
			e := ev.Entry
			if e.Level == log.EntryLevelError && (strings.HasSuffix(e.URL, ".js") || strings.HasSuffix(e.URL, ".css")) {
				p = fmt.Sprintf("%s: %s", e.URL, e.Text)
			}
		}
		if p != "" {
			mu.Lock()
			problems = append(problems, p)
			mu.Unlock()
		}
	}))
	t.Cleanup(func() {
		cancel()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("page: %s", p)
		}
	})
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return tab
}

// do runs browser actions and fails the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the tab and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// jsVisible is a JavaScript function that reports whether an element is
// rendered: neither it nor an ancestor is hidden, by the hidden attribute
// or by CSS.
const jsVisible = `(el) => !!el && el.getClientRects().length > 0`
