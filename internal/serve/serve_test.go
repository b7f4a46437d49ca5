package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func TestServe(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(s), 0o644)
	}
	write("index.html", "<p>etusivu</p>")
	write("404.html", "<p>ei löytynyt</p>")
	write("verkostot/x/index.html", "<p>verkosto</p>")
	write("assets/css/site.css", "body{}")
	write("tyhja/.keep", "")
	secret := filepath.Join(filepath.Dir(root), "secret.txt")
	os.WriteFile(secret, []byte("salainen"), 0o644)
	t.Cleanup(func() { os.Remove(secret) })

	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, l, Handler(os.DirFS(root))) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	base := "http://" + l.Addr().String()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	tests := []struct {
		path     string
		status   int
		body     string
		ctype    string
		location string
	}{
		{"/", 200, "etusivu", "text/html; charset=utf-8", ""},
		{"/verkostot/x/", 200, "verkosto", "text/html; charset=utf-8", ""},
		{"/verkostot/x", 301, "", "", "/verkostot/x/"},
		{"/assets/css/site.css", 200, "body{}", "text/css; charset=utf-8", ""},
		{"/ei-ole/", 404, "ei löytynyt", "text/html; charset=utf-8", ""},
		{"/tyhja/", 404, "ei löytynyt", "", ""},        // no listing of a folder
		{"/../secret.txt", 404, "ei löytynyt", "", ""}, // nothing outside the root
		{"/%2e%2e/secret.txt", 404, "ei löytynyt", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := client.Get(base + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if !strings.Contains(string(b), tt.body) {
				t.Errorf("body %q lacks %q", b, tt.body)
			}
			if strings.Contains(string(b), "salainen") {
				t.Error("served a file outside the output folder")
			}
			if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", resp.Header.Get("Content-Type"), tt.ctype)
			}
			if resp.Header.Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", resp.Header.Get("Location"), tt.location)
			}
		})
	}
	resp, err := http.Post(base+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST status %d", resp.StatusCode)
	}
}
