package live

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// heartbeat keeps idle event streams open through proxies.
const heartbeat = 15 * time.Second

type event struct {
	name string // reload, css or error
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
// at once.
func (h *hub) serve(w http.ResponseWriter, r *http.Request, st *state) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
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

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": seutu\n\n")
	if len(st.errors) > 0 {
		writeEvent(w, event{name: "error", data: errorData(st.errors, "")})
	}
	flusher.Flush()
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case e, open := <-c:
			if !open {
				return
			}
			writeEvent(w, e)
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case <-r.Context().Done():
			return
		}
		flusher.Flush()
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
