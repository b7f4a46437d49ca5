// Package serve serves a built site over HTTP for preview. It serves only
// files inside the output folder, never lists a folder, answers a missing
// page with the site's own 404.html and status 404, and is meant for the
// loopback address.
package serve

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// Handler serves the site in root.
func Handler(root fs.FS) http.Handler {
	return &handler{root: root}
}

type handler struct{ root fs.FS }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := h.find(r.URL.Path)
	if !ok {
		h.notFound(w, r)
		return
	}
	if strings.HasSuffix(name, "index.html") && !strings.HasSuffix(r.URL.Path, "/") && !strings.HasSuffix(r.URL.Path, ".html") {
		// /verkostot → /verkostot/, so that relative links resolve.
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFileFS(w, r, h.root, name)
}

// find maps a URL path to a file: /x/ to x/index.html. It never returns a
// folder, and fs.FS refuses any path that would leave the root.
func (h *handler) find(urlPath string) (string, bool) {
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if p == "" {
		p = "."
	}
	if !fs.ValidPath(p) {
		return "", false
	}
	st, err := fs.Stat(h.root, p)
	if err != nil {
		return "", false
	}
	if st.IsDir() {
		p = path.Join(p, "index.html")
		if st, err = fs.Stat(h.root, p); err != nil || st.IsDir() {
			return "", false
		}
	}
	return p, true
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	page, err := fs.ReadFile(h.root, "404.html")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	if err != nil {
		page = []byte("<!doctype html><title>404</title><p>Sivua ei löytynyt.</p>")
	}
	_, _ = w.Write(page)
}

// Listen opens addr; pass the listener to Serve. Splitting the two lets the
// caller print the address only once it is really listening.
func Listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}

// Serve serves h on l until ctx is done, then shuts down gracefully.
func Serve(ctx context.Context, l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(shutdown)
		if e := <-done; !errors.Is(e, http.ErrServerClosed) {
			return e
		}
		return err
	}
}
