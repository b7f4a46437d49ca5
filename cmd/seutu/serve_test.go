package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"seutu/internal/testwait"
)

// TestServeCommand runs `seutu serve` on a free port over a copy of a
// test site, reads the address it prints, and edits a page until the new
// text is served; Ctrl-C (the context) stops it with exit 0.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../internal/build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	// Every wait below is one step of the test's context (testwait): a
	// build of the small site takes a fraction of a second idle, and only
	// a hang outlasts a step's limit, however busy the machine.
	testCtx := testwait.Context(t)
	ctx, cancel := context.WithCancel(testCtx)
	defer cancel()
	out, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-source", dir, "-addr", "127.0.0.1:0", "-now", "2026-11-23T12:00"}, w, io.Discard)
		w.Close()
	}()
	lines := bufio.NewScanner(out)
	first, cancelFirst := testwait.Step(testCtx)
	defer cancelFirst()
	unblock := context.AfterFunc(first, func() { out.CloseWithError(context.Cause(first)) }) // ends the Scan below
	if !lines.Scan() {
		t.Fatalf("serve printed nothing: %v", lines.Err())
	}
	unblock()
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(lines.Text())
	if base == "" {
		t.Fatalf("no address in %q", lines.Text())
	}
	go io.Copy(io.Discard, out) // the rebuild log

	// get is one step of ctx: a server that stops answering fails it.
	get := func(ctx context.Context, path string) string {
		ctx, cancel := testwait.Step(ctx)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", base+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	wait := func(path, want string) {
		t.Helper()
		testwait.Until(t, testCtx, fmt.Sprintf("%s to show %q", path, want), func(ctx context.Context) bool {
			return strings.Contains(get(ctx, path), want)
		})
	}
	wait("/verkostot/hyte/", "<h1>Alueellinen hyte-verkosto</h1>")
	if page := get(testCtx, "/verkostot/hyte/"); !strings.Contains(page, "/_seutu/events") {
		t.Error("no live-reload script in a served page")
	}
	file := filepath.Join(dir, "content/verkostot/hyte.md")
	b, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(b), "title: Alueellinen hyte-verkosto", "title: Hyte-verkosto uudella nimellä", 1)), 0o644)
	wait("/verkostot/hyte/", "<h1>Hyte-verkosto uudella nimellä</h1>")
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/")
	}

	// The built site, unlike the served one, has no live-reload script.
	dest := t.TempDir()
	if code := run(context.Background(), []string{"build", "-source", dir, "-dest", dest, "-now", "2026-11-23T12:00"}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("build: exit %d", code)
	}
	if built, _ := os.ReadFile(filepath.Join(dest, "verkostot/hyte/index.html")); strings.Contains(string(built), "_seutu") {
		t.Error("the live-reload script leaked into build output")
	}

	cancel()
	if code := testwait.Receive(t, testCtx, "serve to stop", done); code != 0 {
		t.Errorf("serve exited %d", code)
	}
}
