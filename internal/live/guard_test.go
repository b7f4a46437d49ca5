package live

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"seutu/internal/testwait"
)

// The tests of the server's rules against pages of other sites (issue
// #21): redirects stay on the server, a Host that is not the server's is
// refused, the event stream answers GET alone, idle connections close.
// They send their requests byte for byte, as an attacker's page or a
// browser would, not as Go's client would clean them up.

// raw sends a request whose request line and header lines are exactly
// head, each line ending in \r\n, on a connection of its own, and returns
// the response and the rest of the connection. The connection closes when
// ctx ends, so that a hang fails the step, and with the test.
func (s *liveSite) raw(t *testing.T, ctx context.Context, head string) (*http.Response, *bufio.Reader) {
	t.Helper()
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", s.host)
	if err != nil {
		t.Fatal(testwait.Why(ctx, err))
	}
	t.Cleanup(func() { conn.Close() })
	context.AfterFunc(ctx, func() { conn.Close() })
	if _, err := io.WriteString(conn, head+"\r\n"); err != nil {
		t.Fatal(testwait.Why(ctx, err))
	}
	br := bufio.NewReader(conn)
	method, _, _ := strings.Cut(head, " ")
	resp, err := http.ReadResponse(br, &http.Request{Method: method})
	if err != nil {
		t.Fatal(testwait.Why(ctx, err))
	}
	return resp, br
}

// rawGet sends a GET of target with the Host header host ("" for none, as
// HTTP/1.0 allows) and Connection: close.
func (s *liveSite) rawGet(t *testing.T, ctx context.Context, target, host string) *http.Response {
	t.Helper()
	head := "GET " + target + " HTTP/1.0\r\n"
	if host != "" {
		head = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
	}
	resp, _ := s.raw(t, ctx, head)
	return resp
}

// onThisServer tells whether a Location stays on the server that sent it:
// one slash, then neither a slash nor a backslash, which browsers read as
// a slash: //host and /\host are another host.
func onThisServer(loc string) bool {
	return loc == "/" || len(loc) > 1 && loc[0] == '/' && loc[1] != '/' && loc[1] != '\\'
}

func TestRedirectsOnlyOnItself(t *testing.T) {
	s := start(t)
	tests := []struct {
		name, target string
		status       int
		location     string // "" for none
	}{
		{"a folder without its slash", "/verkostot", 301, "/verkostot/"},
		{"the query kept", "/verkostot?sivu=2&q=a%2Fb", 301, "/verkostot/?sivu=2&q=a%2Fb"},
		{"another host and an escaped dot-dot", "//evil.example/..%2fverkostot", 301, "/verkostot/"},
		{"a double slash", "//verkostot", 301, "/verkostot/"},
		{"an escaped double slash", "/%2fverkostot", 301, "/verkostot/"},
		{"escaped slashes before a host", "/%2f%2fevil.example", 404, ""},
		{"a backslash", `/\evil.example`, 404, ""},
		{"a backslash and an escaped dot-dot", `/\evil.example/..%2fverkostot`, 301, "/verkostot/"},
		{"an escaped backslash and dot-dot", "/%5cevil.example/..%2fverkostot", 301, "/verkostot/"},
		{"the absolute form without a path", "http://" + s.host, 301, "/"},
		{"a folder with its slash", "/verkostot/", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := testwait.Step(s.ctx)
			defer cancel()
			resp := s.rawGet(t, ctx, tt.target, s.host)
			io.Copy(io.Discard, resp.Body)
			loc := resp.Header.Get("Location")
			if resp.StatusCode != tt.status || loc != tt.location {
				t.Errorf("GET %s: %d, Location %q; want %d, %q", tt.target, resp.StatusCode, loc, tt.status, tt.location)
			}
			if loc != "" && !onThisServer(loc) {
				t.Errorf("GET %s redirects off the server: Location %q", tt.target, loc)
			}
		})
	}
}

func TestAnswersOnlyItsOwnHost(t *testing.T) {
	s := start(t)
	_, port, _ := net.SplitHostPort(s.host)
	tests := []struct {
		name, target, host string
		status             int
	}{
		{"the address it listens on", "/", s.host, 200},
		{"localhost", "/", "localhost:" + port, 200},
		{"localhost in capitals", "/verkostot/", "LOCALHOST:" + port, 200},
		{"the IPv6 loopback", "/", "[::1]:" + port, 200},
		{"another loopback address", "/", "127.0.0.2:" + port, 200},
		{"the event stream", eventsPath, s.host, 200},
		{"the event stream, localhost", eventsPath, "localhost:" + port, 200},
		{"a rebound name", "/", "evil.example:" + port, 421},
		{"a rebound name, a page", "/verkostot/hyte/", "evil.example:" + port, 421},
		{"a rebound name, the event stream", eventsPath, "evil.example:" + port, 421},
		{"a rebound name, a missing page", "/ei-ole/", "evil.example:" + port, 421},
		{"a rebound name without a port", "/", "evil.example", 421},
		{"a name that starts as localhost", "/", "localhost.evil.example:" + port, 421},
		{"a name that starts as the address", "/", "127.0.0.1.evil.example:" + port, 421},
		{"another port", "/", "localhost:1", 421},
		{"an address it does not listen on", "/", "192.0.2.1:" + port, 421},
		{"no Host", "/", "", 421},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := testwait.Step(s.ctx)
			defer cancel()
			resp := s.rawGet(t, ctx, tt.target, tt.host)
			if resp.StatusCode != tt.status {
				t.Fatalf("GET %s, Host %q: %d, want %d", tt.target, tt.host, resp.StatusCode, tt.status)
			}
			if tt.status == 200 {
				return // the event stream does not end: its connection closes with the step
			}
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(testwait.Why(ctx, err))
			}
			body := string(b)
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("Content-Type %q", ct)
			}
			if !strings.Contains(body, "http://"+s.host+"/") || !strings.Contains(body, "DNS rebinding") {
				t.Errorf("the refusal says neither why nor where to go: %q", body)
			}
			if strings.Contains(body, "<") || strings.Contains(body, "evil") {
				t.Errorf("the refusal shows the site or the Host: %q", body)
			}
		})
	}
}

func TestHostCheck(t *testing.T) {
	tests := []struct {
		listen, host string
		want         bool
	}{
		{"127.0.0.1:1313", "127.0.0.1:1313", true},
		{"127.0.0.1:1313", "localhost:1313", true},
		{"127.0.0.1:1313", "[::1]:1313", true},
		{"127.0.0.1:1313", "127.0.0.1:1314", false},
		{"127.0.0.1:1313", "localhost", false}, // port 80
		{"127.0.0.1:1313", "evil.example:1313", false},
		{"127.0.0.1:1313", "192.168.1.5:1313", false},
		{"127.0.0.1:1313", "", false},
		{"127.0.0.1:80", "localhost", true},
		{"127.0.0.1:80", "[::1]", true},
		{"127.0.0.1:80", "evil.example", false},
		{"[::1]:1313", "[::1]:1313", true},
		{"[::1]:1313", "localhost:1313", true},
		{"[::1]:1313", "evil.example:1313", false},
		// On purpose elsewhere, as -addr allows (seutu serve warns):
		{"192.168.1.5:1313", "192.168.1.5:1313", true},
		{"192.168.1.5:1313", "192.168.1.6:1313", false},
		{"192.168.1.5:1313", "kannettava.local:1313", false},
		{"0.0.0.0:1313", "0.0.0.0:1313", true},
		{"0.0.0.0:1313", "192.168.1.5:1313", true},
		{"0.0.0.0:1313", "[fe80::1]:1313", true},
		{"0.0.0.0:1313", "kannettava.local:1313", false},
		{"0.0.0.0:1313", "192.168.1.5:1314", false},
		{"[::]:1313", "10.0.0.2:1313", true},
		{"[::]:1313", "evil.example:1313", false},
	}
	for _, tt := range tests {
		t.Run(tt.listen+" "+tt.host, func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", tt.listen)
			if err != nil {
				t.Fatal(err)
			}
			if got := newHostCheck(addr).allows(tt.host); got != tt.want {
				t.Errorf("listening on %s, Host %q allowed = %v, want %v", tt.listen, tt.host, got, tt.want)
			}
		})
	}
	if newHostCheck(&net.UnixAddr{Name: "/run/seutu.sock", Net: "unix"}).allows("localhost") {
		t.Error("a listener that is not TCP answers to localhost")
	}
	wild := newHostCheck(&net.TCPAddr{IP: net.IPv4zero, Port: 1313})
	if got := wild.use(); got != "localhost:1313" {
		t.Errorf("on 0.0.0.0 a refusal points to %s", got)
	}
}

func TestEventsOnlyGET(t *testing.T) {
	s := start(t)
	tests := []struct {
		method string
		status int
		allow  string
	}{
		{"POST", 405, "GET, HEAD"},
		{"PUT", 405, "GET, HEAD"},
		{"DELETE", 405, "GET, HEAD"},
		{"PATCH", 405, "GET, HEAD"},
		{"OPTIONS", 405, "GET, HEAD"},
		{"GET", 200, ""},
		{"HEAD", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			ctx, cancel := testwait.Step(s.ctx)
			defer cancel()
			resp, rest := s.raw(t, ctx, tt.method+" "+eventsPath+" HTTP/1.1\r\nHost: "+s.host+"\r\nConnection: close\r\n")
			if resp.StatusCode != tt.status || resp.Header.Get("Allow") != tt.allow {
				t.Fatalf("%s %s: %d, Allow %q; want %d, %q", tt.method, eventsPath, resp.StatusCode, resp.Header.Get("Allow"), tt.status, tt.allow)
			}
			if ct := resp.Header.Get("Content-Type"); (tt.status == 200) != (ct == "text/event-stream") {
				t.Errorf("Content-Type %q", ct)
			}
			if tt.method == "GET" {
				return // the stream does not end: its connection closes with the step
			}
			// Anything else is answered whole: the server ends the
			// response and closes the connection, as asked.
			io.Copy(io.Discard, resp.Body)
			if _, err := rest.ReadByte(); err != io.EOF {
				t.Errorf("%s %s was not answered whole: %v", tt.method, eventsPath, testwait.Why(ctx, err))
			}
		})
	}
}

// TestIdleConnectionCloses keeps a connection alive after a request and
// expects the server to close it. The idle limit is lowered for the test:
// that the server closes the connection is what is tested, not when.
func TestIdleConnectionCloses(t *testing.T) {
	s := start(t, func(srv *Server) { srv.limits.idle = 50 * time.Millisecond })
	ctx, cancel := testwait.Step(s.ctx)
	defer cancel()
	resp, rest := s.raw(t, ctx, "GET / HTTP/1.1\r\nHost: "+s.host+"\r\n")
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("GET /: %d, Connection: close %v; want a kept-alive 200", resp.StatusCode, resp.Close)
	}
	if _, err := rest.ReadByte(); err != io.EOF {
		t.Errorf("an idle connection was not closed: %v", testwait.Why(ctx, err))
	}
}

// TestServerLimits checks that the server has every time limit, at its
// default: the idle one is tested at work above, and the others only a
// stuck client meets.
func TestServerLimits(t *testing.T) {
	srv := New(nil, "", io.Discard).httpServer(context.Background(), &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313})
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout,
		"ReadTimeout":       srv.ReadTimeout,
		"WriteTimeout":      srv.WriteTimeout,
		"IdleTimeout":       srv.IdleTimeout,
	} {
		if d <= 0 {
			t.Errorf("%s %v: no limit", name, d)
		}
	}
}

// TestEventStreamOutlivesLimits lowers the read and write limits to a
// second and expects an event stream to go on past them: a request's
// limits must not cut the stream short, which a page would see as a
// dropped connection and a missed reload.
func TestEventStreamOutlivesLimits(t *testing.T) {
	const limit = time.Second
	s := start(t, func(srv *Server) {
		srv.limits.read, srv.limits.write = limit, limit
		srv.limits.heartbeat = limit / 10
	})
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	resp, _ := s.raw(t, ctx, "GET "+eventsPath+" HTTP/1.1\r\nHost: "+s.host+"\r\n")
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", eventsPath, resp.StatusCode)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "" {
				continue
			}
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		select {
		case lines <- "ended":
		case <-ctx.Done():
		}
	}()
	next := func(what string) string {
		t.Helper()
		line := testwait.Receive(t, s.ctx, what, lines)
		if line == "ended" {
			t.Fatalf("the stream ended, waiting for %s", what)
		}
		return line
	}
	// A ping comes a heartbeat after the last at the earliest: after 15,
	// the stream has outlived both limits.
	for pings := 0; pings < 15; {
		if next("a ping") == ": ping" {
			pings++
		}
	}
	s.replace(t, "content/verkostot/hyte.md", "title: Alueellinen hyte-verkosto", "title: Alueellinen hyvinvointiverkosto")
	for next("the reload event") != "event: reload" {
	}
}

// A missing page under a language's folder gets that language's 404 page.
func TestNotFoundPageOfTheLanguage(t *testing.T) {
	st := &state{files: map[string][]byte{"404.html": []byte("fi"), "en/404.html": []byte("en")}}
	tests := []struct{ path, want string }{
		{"/ei-ole/", "fi"},
		{"/en/nope/", "en"},
		{"/en/verkostot/nope/", "en"},
		{"/en", "fi"},
		{"/sv/nej/", "fi"}, // no Swedish 404: the site's own
		{"/../en/x/", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := string(notFoundPage(st, tt.path)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
