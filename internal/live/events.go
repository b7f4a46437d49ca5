package live

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

type event struct {
	name string // reload, css, error or index
	data string
}

// hub sends events to every open page.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
}

func (h *hub) send(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- e:
		default: // a stuck client misses an event rather than stalling the server
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		close(c)
		delete(h.clients, c)
	}
}

// serve streams events to one page until it goes away or the server
// stops. A page that connects while the site is broken hears the errors
// at once. A HEAD request gets the headers alone.
//
// The stream outlasts the server's write limit, which is for one
// response: each event gets a limit of its own, which still cuts off a
// page that stopped reading. The read limit needs nothing: net/http lifts
// it once it has read a request without a body, to see the client go.
func (h *hub) serve(w http.ResponseWriter, r *http.Request, st *state, lim limits) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	c := make(chan event, 8)
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	if h.clients == nil {
		h.clients = map[chan event]bool{}
	}
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		if h.clients[c] {
			delete(h.clients, c)
		}
		h.mu.Unlock()
	}()

	rc := http.NewResponseController(w)
	// send writes and flushes one event within the write limit, which is
	// set before the writes, since a long event reaches the connection
	// before the flush.
	send := func(write func()) error {
		deadline := time.Time{}
		if lim.write > 0 {
			deadline = time.Now().Add(lim.write)
		}
		if err := rc.SetWriteDeadline(deadline); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
		write()
		return rc.Flush()
	}
	err := send(func() {
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, ": seutu\n\n")
		if len(st.errors) > 0 {
			writeEvent(w, event{name: "error", data: errorData(st.errors, "")})
		}
	})
	if err != nil {
		return
	}
	tick := time.NewTicker(lim.heartbeat)
	defer tick.Stop()
	for {
		var write func()
		select {
		case e, open := <-c:
			if !open {
				return
			}
			write = func() { writeEvent(w, e) }
		case <-tick.C:
			write = func() { fmt.Fprint(w, ": ping\n\n") }
		case <-r.Context().Done():
			return
		}
		if err := send(write); err != nil {
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
}

// errorData is the error event's JSON: every diagnostic line and the count.
func errorData(lines []string, summary string) string {
	b, _ := json.Marshal(map[string]any{"errors": lines, "summary": summary})
	return string(b) // one line: JSON escapes newlines
}
