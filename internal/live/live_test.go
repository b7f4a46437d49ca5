package live

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seutu/internal/build"
	"seutu/internal/fi"
	_ "seutu/internal/golden" // defines -update for go test ./... -update
	"seutu/internal/testwait"
)

func TestInject(t *testing.T) {
	got := string(inject([]byte("<html><body><p>x</p></body></html>")))
	if !strings.HasSuffix(got, "</script></body></html>") || !strings.Contains(got, "<p>x</p><script>") {
		t.Errorf("got %s", got)
	}
	if got := string(inject([]byte("<p>no body"))); !strings.HasPrefix(got, "<p>no body<script>") {
		t.Errorf("got %s", got)
	}
}

// liveSite is a running dev server over a copy of the build package's
// small site.
type liveSite struct {
	dir, base string
	host      string          // the address it listens on, "127.0.0.1:PORT"
	events    chan string     // "name data" of each event
	ctx       context.Context // the test's (testwait.Context); waits are steps of it
}

// start starts the server; opts change it before it runs (its limits).
func start(t *testing.T, opts ...func(*Server)) *liveSite {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + l.Addr().String()
	session, err := build.NewSession(build.Options{Source: dir, BaseURL: base + "/", Now: time.Date(2026, 11, 23, 12, 0, 0, 0, fi.Helsinki)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { session.Close() }) // after the server has stopped: cleanups run last first
	testCtx := testwait.Context(t)
	ctx, cancel := context.WithCancel(testCtx)
	done := make(chan error, 1)
	srv := New(session, dir, io.Discard)
	for _, o := range opts {
		o(srv)
	}
	go func() { done <- srv.Run(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		if err := testwait.Receive(t, testCtx, "the server to stop", done); err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	s := &liveSite{dir: dir, base: base, host: l.Addr().String(), events: make(chan string, 32), ctx: testCtx}
	// Wait for the first build, then listen for events.
	testwait.Until(t, testCtx, "the server to serve the site", func(ctx context.Context) bool {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"/", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	// The stream lasts the whole test, so only the test's context bounds it.
	req, _ := http.NewRequestWithContext(ctx, "GET", base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(testwait.Why(ctx, err))
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && name == "index":
				name = "" // the search index caught up: no test here waits for it
			case strings.HasPrefix(line, "data: ") && name != "":
				s.events <- name + " " + strings.TrimPrefix(line, "data: ")
				name = ""
			}
		}
	}()
	return s
}

func (s *liveSite) write(t *testing.T, rel, data string) {
	t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (s *liveSite) replace(t *testing.T, rel, old, new string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s lacks %q (%v)", rel, old, err)
	}
	s.write(t, rel, strings.Replace(string(b), old, new, 1))
}

// wait returns the next event, which must be a name event. A rebuild
// takes a fraction of a second; only a hang outlasts the step's limit.
func (s *liveSite) wait(t *testing.T, name string) string {
	t.Helper()
	e := testwait.Receive(t, s.ctx, "a "+name+" event", s.events)
	if !strings.HasPrefix(e, name+" ") {
		t.Fatalf("event %q, want %s", e, name)
	}
	return strings.TrimPrefix(e, name+" ")
}

func (s *liveSite) get(t *testing.T, path string) (int, string) {
	t.Helper()
	ctx, cancel := testwait.Step(s.ctx)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(testwait.Why(ctx, err))
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestEditReloadBreakFix is the editor's day: an edit reloads the page
// with the new text; a mistake shows its place in every open page while
// the last good page is still served; the fix reloads again; a stylesheet
// edit swaps styles; a deleted page is gone; a new folder is watched.
func TestEditReloadBreakFix(t *testing.T) {
	s := start(t)
	if _, page := s.get(t, "/verkostot/hyte/"); !strings.Contains(page, eventsPath) {
		t.Fatal("a served page has no live-reload script")
	}

	s.replace(t, "content/verkostot/hyte.md", "title: Alueellinen hyte-verkosto", "title: Alueellinen hyvinvointiverkosto")
	s.wait(t, "reload")
	if _, page := s.get(t, "/verkostot/hyte/"); !strings.Contains(page, "<h1>Alueellinen hyvinvointiverkosto</h1>") {
		t.Error("the page does not show the new title")
	}

	s.replace(t, "content/verkostot/hyte.md", "coordinator: hyvaks", "coordinator: hyvaks-x")
	data := s.wait(t, "error")
	if !strings.Contains(data, `content/verkostot/hyte.md:6:14: error: unknown organization \"hyvaks-x\"`) {
		t.Errorf("error event: %s", data)
	}
	if code, page := s.get(t, "/verkostot/hyte/"); code != 200 || !strings.Contains(page, "Alueellinen hyvinvointiverkosto") {
		t.Errorf("the last good page is not served: %d", code)
	}
	// A page opened now hears the error at once: in the first bytes of
	// its stream, which are read as one step.
	ctx, cancel := testwait.Step(s.ctx)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(testwait.Why(ctx, err))
	}
	head := make([]byte, 4096)
	n, err := io.ReadAtLeast(resp.Body, head, 40)
	resp.Body.Close()
	if !strings.Contains(string(head[:n]), "event: error") {
		t.Errorf("a new page was not told of the error: %q (%v)", head[:n], testwait.Why(ctx, err))
	}

	s.replace(t, "content/verkostot/hyte.md", "coordinator: hyvaks-x", "coordinator: hyvaks")
	s.wait(t, "reload")

	s.write(t, "assets/css/site.css", "body { color: #111 }\n")
	s.wait(t, "css")
	if _, css := s.get(t, "/assets/css/site.css"); css != "body { color: #111 }\n" {
		t.Errorf("stylesheet %q", css)
	}

	os.Remove(filepath.Join(s.dir, "content/kunnat/kinnula.md"))
	s.wait(t, "reload")
	if code, page := s.get(t, "/kunnat/kinnula/"); code != 404 || !strings.Contains(page, "Sivua ei löytynyt") {
		t.Errorf("a deleted page: %d", code)
	}

	s.write(t, "content/tietoa/uusi/sivu.md", "---\ntitle: Uusi sivu\nsummary: Uudessa kansiossa.\n---\n")
	s.wait(t, "reload")
	if code, page := s.get(t, "/tietoa/uusi/sivu/"); code != 200 || !strings.Contains(page, "Uusi sivu") {
		t.Errorf("a page in a new folder: %d", code)
	}
}

func TestServesOnlyTheSite(t *testing.T) {
	s := start(t)
	os.WriteFile(filepath.Join(filepath.Dir(s.dir), "salainen.txt"), []byte("salainen"), 0o644)
	client := &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       testwait.StepTimeout, // each request is a step: only a hang fails it
	}
	tests := []struct {
		path, ctype string
		status      int
	}{
		{"/", "text/html; charset=utf-8", 200},
		{"/assets/css/site.css", "text/css; charset=utf-8", 200},
		{"/tapahtumat/tapahtumat.ics", "text/calendar; charset=utf-8", 200},
		{"/verkostot", "", 301},
		{"/ei-ole/", "text/html; charset=utf-8", 404},
		{"/assets/", "text/html; charset=utf-8", 404}, // no listing
		{"/../salainen.txt", "text/html; charset=utf-8", 404},
		{"/%2e%2e/salainen.txt", "text/html; charset=utf-8", 404},
		{"/content/site.toml", "text/html; charset=utf-8", 404},
	}
	for _, tt := range tests {
		resp, err := client.Get(s.base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || (tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype) {
			t.Errorf("%s: %d %q", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if strings.Contains(string(b), "salainen") {
			t.Errorf("%s: served a file outside the site", tt.path)
		}
	}
	resp, err := client.Post(s.base+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}
