package build

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"seutu/internal/write"
)

// Session builds a site again and again, for the dev server: each Rebuild
// is told which files changed and renders again only what depends on them
// (see incremental.go), keeping the whole site in memory. A failed rebuild
// keeps the last good site.
//
// A Session is safe for concurrent use; rebuilds run one at a time.
type Session struct {
	mu   sync.Mutex
	opts Options
	root *os.Root
	good map[string][]byte // the last good site, by output path
}

// Result is what a rebuild did.
type Result struct {
	Report   *Report
	Files    map[string][]byte // the site now served: the new one, or the last good one on failure
	Rendered int               // pages rendered by this rebuild
	Changed  []string          // output paths whose bytes changed
	Duration time.Duration
}

// Failed reports whether the rebuild kept the last good site.
func (r *Result) Failed() bool { return r.Report.Failed() }

// NewSession opens the site folder opts.Source for rebuilding.
func NewSession(opts Options) (*Session, error) {
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, err
	}
	return &Session{opts: opts, root: root}, nil
}

// Close releases the site folder.
func (s *Session) Close() error { return s.root.Close() }

// Rebuild builds the site again after the files in changed (slash paths
// relative to the site folder) changed; nil means everything may have.
func (s *Session) Rebuild(changed []string) *Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	mem := write.NewMemory()
	rep := Run(s.root.FS(), s.opts, mem)
	res := &Result{Report: rep, Files: s.good, Rendered: rep.Pages}
	if !rep.Failed() {
		res.Changed = diffFiles(s.good, mem.Files())
		s.good = mem.Files()
		res.Files = s.good
	}
	res.Duration = time.Since(start)
	return res
}

// diffFiles lists the paths whose content differs between two sites.
func diffFiles(old, new map[string][]byte) []string {
	var out []string
	for p, b := range new {
		if o, ok := old[p]; !ok || string(o) != string(b) {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := new[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
