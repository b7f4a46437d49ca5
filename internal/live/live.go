// Package live is seutu's dev server, for local preview: it serves the
// site from memory, watches the site folder, rebuilds what an edit
// reaches, and tells open pages to reload — or to swap their stylesheets,
// or to show the build's errors over the last good page.
//
// It is meant for the loopback address, and keeps to these rules, since
// any page open in the browser can make requests to it:
//
//   - It serves only the files of the built site, never lists a folder,
//     and answers a missing page with the site's 404.html and status 404.
//   - It answers only GET and HEAD, the event stream (/_seutu/events)
//     too; other methods get 405.
//   - It answers only requests whose Host names it: localhost, a loopback
//     address or the address it listens on, with the port it listens on.
//     When it listens on 0.0.0.0 or :: (on purpose: seutu serve warns),
//     any IP address is its own. Other names get 421 Misdirected Request,
//     saying which address to use: a page whose name is pointed at this
//     machine after it loaded (DNS rebinding) could otherwise read the
//     preview, drafts too, and the errors, which name files.
//   - It redirects only to a path on itself, built from the cleaned path
//     of the request: a folder without its slash, /x, to /x/.
//   - It closes connections that idle, and bounds the time a request and
//     its response may take (limits); the event stream renews its limit
//     with each event.
//
// A burst of saves makes one rebuild, once the files have been quiet for
// 10 ms (watch.go); build.Session renders again only what the change
// reaches. The first build runs the garbage collector at half the pace
// (GOGC=200, unless GOGC is set), since what it allocates is mostly the
// site the server keeps (startGC).
package live

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"seutu/internal/build"
)

// Server is the dev server of one site.
type Server struct {
	session *build.Session
	root    string // the site folder, for the watcher
	log     io.Writer
	state   atomic.Pointer[state]
	hub     hub
	limits  limits
	mu      sync.Mutex // serializes rebuilds and their log lines
}

// limits are the server's time limits. A request and its response on the
// loopback take milliseconds, and these are far longer, so that only a
// stuck or idle client meets them, on a busy machine too.
type limits struct {
	readHeader time.Duration // to read a request's header
	read       time.Duration // to read a whole request
	write      time.Duration // to write a response; the event stream, each event
	idle       time.Duration // a kept-alive connection waits for the next request
	heartbeat  time.Duration // the event stream's comment that keeps it open through proxies
}

var defaultLimits = limits{
	readHeader: 10 * time.Second,
	read:       30 * time.Second,
	write:      30 * time.Second,
	idle:       time.Minute,
	heartbeat:  15 * time.Second,
}

// state is what the server shows: the last good site, and the errors of
// the last rebuild when it failed.
type state struct {
	files  map[string][]byte
	errors []string // "path:line:col: error: message", empty when the site is good
}

// New returns a server for the session of the site folder root, logging
// one line per rebuild to log.
func New(session *build.Session, root string, log io.Writer) *Server {
	s := &Server{session: session, root: root, log: log, limits: defaultLimits}
	s.state.Store(&state{files: map[string][]byte{}})
	if session != nil { // a test of the handler alone has none
		session.IndexAfterReload() // see rebuild
	}
	return s
}

// startGC is the garbage collector's pace (GOGC) for the first build. The
// dev server keeps the whole site, converted bodies and pages, so the
// first build's heap is mostly what it keeps: at the default pace the
// collector scans it over and over for little garbage, and the first page
// came up to a tenth later than a one-shot build's last. Given more room,
// the first build peaks about as high (at 10 000 pages 310–340 MB either
// way); later rebuilds, which make mostly garbage, run at the default
// pace.
const startGC = 200

// Run builds the site, then serves it on l and rebuilds on every change
// until ctx is done.
func (s *Server) Run(ctx context.Context, l net.Listener) error {
	build.WithGCPercent(startGC, func() { s.rebuild(ctx, nil) })
	if ctx.Err() != nil {
		return nil // stopped during the first build: nothing to serve
	}
	w, err := watch(ctx, s.root, s.log, func(changed []string) { s.rebuild(ctx, changed) })
	if err != nil {
		return err
	}
	defer w.Close()

	srv := s.httpServer(ctx, l.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		s.hub.close()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(shutdown)
		if e := <-done; !errors.Is(e, http.ErrServerClosed) {
			return e
		}
		return err
	}
}

// httpServer is the server for the listener at addr: the Host check in
// front of the site, and the limits. Without IdleTimeout a kept-alive
// connection would stay open for good. ReadTimeout and WriteTimeout do not
// cut the event stream short (hub.serve).
func (s *Server) httpServer(ctx context.Context, addr net.Addr) *http.Server {
	return &http.Server{
		Handler:           newHostCheck(addr).guard(http.HandlerFunc(s.serveSite)),
		ReadHeaderTimeout: s.limits.readHeader,
		ReadTimeout:       s.limits.read,
		WriteTimeout:      s.limits.write,
		IdleTimeout:       s.limits.idle,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

// rebuild builds the site again, swaps in the new site when the build
// succeeded, tells the open pages, and prints one line.
func (s *Server) rebuild(ctx context.Context, changed []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res := s.session.Rebuild(ctx, changed)
	if res.Report.Stopped != nil {
		return // the server is stopping
	}
	stamp := time.Now().Format("15:04:05")
	what := describe(changed)
	if res.Failed() {
		var lines []string
		for _, d := range res.Report.Diags {
			lines = append(lines, d.String())
		}
		files := res.Files
		if files == nil {
			files = map[string][]byte{}
		}
		s.state.Store(&state{files: files, errors: lines})
		fmt.Fprintf(s.log, "%s %s: %s; the last good site is still served\n%s\n", stamp, what, res.Report.Diags.Summary(), strings.Join(lines, "\n"))
		s.hub.send(event{name: "error", data: errorData(lines, res.Report.Diags.Summary())})
		return
	}
	s.state.Store(&state{files: res.Files})
	ms := res.Duration.Milliseconds()
	fmt.Fprintf(s.log, "%s %s: %d pages rendered, %d files changed in %d ms\n", stamp, what, res.Rendered, len(res.Changed), ms)
	if changed != nil {
		s.hub.send(event{name: reloadKind(res.Changed)})
	}
	// The search index follows, once the browser has the page: a reader's
	// next search is a few tens of milliseconds later than the reload.
	if idx := s.session.UpdateIndex(); idx != nil {
		if idx.Report.Diags.HasErrors() {
			fmt.Fprintf(s.log, "%s search index: %s\n", stamp, idx.Report.Diags.Error())
			return
		}
		s.state.Store(&state{files: idx.Files})
		if changed != nil {
			s.hub.send(event{name: "index"}) // pages ignore it; a benchmark waits for it
		}
	}
}

// describe names what changed for the log: the first path and how many
// more.
func describe(changed []string) string {
	switch len(changed) {
	case 0:
		return "build"
	case 1:
		return changed[0]
	}
	return fmt.Sprintf("%s +%d", changed[0], len(changed)-1)
}

// reloadKind is "css" when only stylesheets changed, so that pages can
// swap them without reloading, else "reload".
func reloadKind(changed []string) string {
	if len(changed) == 0 {
		return "reload"
	}
	for _, p := range changed {
		if path.Ext(p) != ".css" {
			return "reload"
		}
	}
	return "css"
}
