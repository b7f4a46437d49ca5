package live

import (
	"bytes"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// eventsPath is where pages listen for rebuilds.
const eventsPath = "/_seutu/events"

// types are the content types of the files a site has; others fall back
// to the system's table.
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml; charset=utf-8",
	".ics":  "text/calendar; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".webp": "image/webp",
	".pdf":  "application/pdf",
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// serveSite serves the site from memory, and the event stream; Run puts
// the Host check in front of it.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// The event stream too: it only ever sends.
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == eventsPath {
		s.hub.serve(w, r, s.state.Load(), s.limits)
		return
	}
	st := s.state.Load()
	name, redirect := find(st.files, r.URL.Path)
	switch {
	case redirect:
		http.Redirect(w, r, location(name, r.URL.RawQuery), http.StatusMovedPermanently)
	case name == "":
		s.write(w, r, http.StatusNotFound, "404.html", notFoundPage(st, r.URL.Path))
	default:
		s.write(w, r, http.StatusOK, name, st.files[name])
	}
}

// find maps a URL path to a file of the site: /x/ to x/index.html. A
// folder without its slash is told apart, for a redirect: then name is
// the folder, cleaned ("" for the site's root).
func find(files map[string][]byte, urlPath string) (name string, redirect bool) {
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if _, ok := files[p]; ok && p != "" {
		return p, false
	}
	index := path.Join(p, "index.html")
	if _, ok := files[index]; ok {
		if !strings.HasSuffix(urlPath, "/") {
			return p, true
		}
		return index, false
	}
	return "", false
}

// location is where the folder dir redirects: its cleaned path on this
// server, with the request's query. It is built from dir, never from the
// request's path: that echoed, //evil.example/..%2fx went to evil.example.
// dir is clean, so the path starts with one slash; escaped, a backslash,
// which browsers read as a slash, cannot follow it.
func location(dir, rawQuery string) string {
	u := url.URL{Path: "/" + dir + "/", RawQuery: rawQuery}
	if dir == "" {
		u.Path = "/"
	}
	return u.String()
}

// notFoundPage is the 404.html nearest above the path: /en/x/ gets
// en/404.html, the English one, when the site has it; else the site's own.
func notFoundPage(st *state, urlPath string) []byte {
	dir := path.Dir(path.Clean("/" + urlPath))
	for {
		name := strings.TrimPrefix(path.Join(dir, "404.html"), "/")
		if page, ok := st.files[name]; ok {
			return page
		}
		if dir == "/" {
			break
		}
		dir = path.Dir(dir)
	}
	return []byte("<!doctype html><html lang=\"fi\"><title>Sivua ei löytynyt</title><body><p>Sivua ei löytynyt.</p></body></html>")
}

// write sends one file; HTML pages get the live-reload script.
func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, name string, data []byte) {
	ct := contentType(name)
	if strings.HasPrefix(ct, "text/html") {
		data = inject(data)
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject puts the live-reload script before </body>, or at the end.
func inject(page []byte) []byte {
	tag := []byte("<script>" + script + "</script>")
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}
