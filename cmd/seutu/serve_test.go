package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeCommand runs `seutu serve` on a free port over a copy of a
// test site, reads the address it prints, and edits a page until the new
// text is served; Ctrl-C (the context) stops it with exit 0.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../internal/build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-source", dir, "-addr", "127.0.0.1:0", "-now", "2026-11-23T12:00"}, w, io.Discard)
		w.Close()
	}()
	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		t.Fatal("serve printed nothing")
	}
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(lines.Text())
	if base == "" {
		t.Fatalf("no address in %q", lines.Text())
	}
	go io.Copy(io.Discard, out) // the rebuild log

	get := func(path string) string {
		resp, err := http.Get(base + path)
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	wait := func(path, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(get(path), want) {
			if time.Now().After(deadline) {
				t.Fatalf("%s never showed %q", path, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	wait("/verkostot/hyte/", "<h1>Alueellinen hyte-verkosto</h1>")
	if page := get("/verkostot/hyte/"); !strings.Contains(page, "/_seutu/events") {
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
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
