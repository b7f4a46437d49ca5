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
	"seutu/internal/testwait"
)

// installAll is the command that installs what the browser tests need
// (chromium, a Java runtime and the npm checkers) and runs the tests; a
// test that misses one of them fails naming it.
const installAll = ".ci/test"

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
	rep, err := build.Build(context.Background(), opts)
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

// client is for the tests' own requests: a server that stops answering
// fails the request after a step's time rather than hanging the test.
var client = &http.Client{Timeout: testwait.StepTimeout}

// fetch returns the body of a page as the server sends it.
func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := client.Get(url)
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
		"Run " + installAll + ", which installs chromium, a Java runtime and the npm checkers, then runs the tests.")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile for the test
// and returns a chromedp context of it; newTab opens tabs in it. The
// context ends, and the browser with it, when the test ends or shortly
// before go test's -timeout (testwait.Context): no fixed budget for the
// whole test, which a busy machine can overrun. Each step has its own
// limit (see run). extra options come after the defaults.
func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := findChromium(t)
	ctx, cancel := context.WithCancel(testwait.Context(t))
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
	// The first action starts the browser, which lives as long as that
	// action's context: a step's context would stop it. A browser that
	// does not start within a step's time is stopped instead.
	hung := time.AfterFunc(testwait.StepTimeout, cancel)
	err := chromedp.Do(browser)
	if !hung.Stop() {
		t.Fatalf("starting %s: no browser in %v: it hangs (%v)", path, testwait.StepTimeout, err)
	}
	if err != nil {
		t.Fatalf("starting %s: %v", path, testwait.Why(ctx, err))
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
	// As for the browser: the first action opens the tab, which lives as
	// long as that action's context.
	hung := time.AfterFunc(testwait.StepTimeout, cancel)
	err := chromedp.Do(tab)
	if !hung.Stop() {
		t.Fatalf("opening a tab: no tab in %v: it hangs (%v)", testwait.StepTimeout, err)
	}
	if err != nil {
		t.Fatalf("opening a tab: %v", testwait.Why(tab, err))
	}
	return tab
}

// run runs a browser action as one step: it fails the test on an error,
// or when the action takes longer than testwait.StepTimeout (a hang: a
// navigation or an evaluation takes well under a second on an idle
// machine), naming the step.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	step, cancel := testwait.Step(ctx)
	defer cancel()
	v, err := chromedp.Run(step, a)
	if err != nil {
		t.Fatalf("%s: %v", what, testwait.Why(step, err))
	}
	return v
}

// do runs browser actions as one step (see run).
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	run(t, ctx, what, chromedp.Steps(steps...))
}

// eval evaluates a JavaScript expression in the tab as one step (see run)
// and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return run(t, ctx, "evaluating "+expr, chromedp.Evaluate[T](expr))
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
