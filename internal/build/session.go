package build

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"seutu/internal/model"
	"seutu/internal/sitefs"
	"seutu/internal/write"
)

// Session builds a site again and again, for the dev server: each Rebuild
// is told which files changed and renders again only what depends on them
// (see incremental.go), keeping the whole site in memory. A failed rebuild
// keeps the last good site.
//
// A Session is safe for concurrent use; rebuilds run one at a time.
type Session struct {
	mu       sync.Mutex
	site     *sitefs.FS
	pipeline *pipeline
	good     map[string][]byte // the last good site, by output path
	snap     *snapshot         // of the site that made good
	uses     map[string]string // output path → layout file, of good
	index    []string          // the search index's files in good
	pending  map[string]bool   // changes since the last good site
}

// Result is what a rebuild did.
type Result struct {
	Report   *Report
	Files    map[string][]byte // the site now served: the new one, or the last good one on failure
	Rendered int               // pages rendered by this rebuild
	Changed  []string          // output paths whose bytes changed
	Duration time.Duration
}

// Failed reports whether the rebuild kept the last good site: the content
// had errors, or the rebuild was stopped.
func (r *Result) Failed() bool { return r.Report.Failed() || r.Report.Stopped != nil }

// NewSession opens the site folder opts.Source for rebuilding.
func NewSession(opts Options) (*Session, error) {
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, err
	}
	site, err := sitefs.Open(src)
	if err != nil {
		return nil, err
	}
	return &Session{site: site, pipeline: newCachingPipeline(site, opts), pending: map[string]bool{}}, nil
}

// Close releases the site folder.
func (s *Session) Close() error { return s.site.Close() }

// Rebuild builds the site again after the files in changed (slash paths
// relative to the site folder) changed; nil means everything may have.
// When ctx ends first, the rebuild stops early, the result reports it in
// Report.Stopped, and the session keeps the site it had.
func (s *Session) Rebuild(ctx context.Context, changed []string) *Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()

	// Changes pile up until a rebuild succeeds: the plan compares with the
	// last good site, not with the last attempt.
	var set map[string]bool
	clean := len(s.pending) == 0 // the last rebuild made the site now served
	if changed != nil && s.good != nil {
		for _, f := range changed {
			s.pending[f] = true
		}
		set = s.pending
	}
	var snap *snapshot
	var pagesOnly bool
	mem := write.NewMemory()
	rep, stats := s.pipeline.run(ctx, set, mem, func(site *model.Site, bodies []string) (func(string) bool, bool) {
		if set == nil {
			snap = takeSnapshot(site)
			return nil, false
		}
		if bodies != nil && clean && s.snap != nil {
			// Only bodies changed since the last good site: only those
			// pages can look different.
			snap, pagesOnly = s.snap, true
			return bodyPages(site, bodies), true
		}
		snap = takeSnapshot(site)
		dirty := plan(s.snap, snap, set, s.uses, s.pipeline.opts.Fingerprint)
		if dirty == nil {
			return nil, false
		}
		return func(p string) bool { return dirty[p] || s.good[p] == nil }, false
	})
	res := &Result{Report: rep, Files: s.good, Rendered: stats.Rendered}
	if res.Failed() {
		// The index files this render made are not served: the next
		// render must write them all again.
		s.pipeline.renderer.ForgetSearch()
	}
	if !res.Failed() {
		files := mem.Files()
		var next map[string][]byte
		if pagesOnly {
			// feeds, calendars and assets too; Clone copies the table
			// whole, where inserting 13 500 files one by one took 3 ms
			next = maps.Clone(s.good)
		} else {
			next = make(map[string][]byte, len(s.good))
		}
		for p, b := range files {
			next[p] = b
		}
		index := stats.Index
		if s.pipeline.indexLater {
			index = s.index // the last index stays served until UpdateIndex
		}
		for _, paths := range [][]string{stats.Paths, index} {
			for _, p := range paths {
				if _, ok := next[p]; !ok {
					next[p] = s.good[p] // not rendered or written: unchanged
				}
			}
		}
		if pagesOnly && !s.pipeline.indexLater {
			// The index's files are listed whole on every rebuild
			// (written when changed): a shard it no longer has must go.
			var gone []string
			now := make(map[string]bool, len(stats.Index))
			for _, p := range stats.Index {
				now[p] = true
			}
			for _, p := range s.index {
				if !now[p] {
					delete(next, p)
					gone = append(gone, p)
				}
			}
			res.Changed = append(diffFiles(s.good, files, false), gone...) // the rest is the last site's
			slices.Sort(res.Changed)
		} else if pagesOnly {
			res.Changed = diffFiles(s.good, files, false)
		} else {
			res.Changed = diffFiles(s.good, next, true)
		}
		s.good, s.snap, s.uses, s.index = next, snap, stats.Uses, index
		s.pending = map[string]bool{}
		res.Files = next
	}
	res.Duration = time.Since(start)
	return res
}

// IndexAfterReload makes every later Rebuild leave the search index as it
// was, for UpdateIndex to write once the browser has reloaded: an edit's
// page reaches the reader without waiting for the index.
func (s *Session) IndexAfterReload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pipeline.indexLater = true
}

// UpdateIndex writes the search index of the site the last Rebuild made,
// when IndexAfterReload left it, and returns the site served now with the
// index's files that changed; nil when there is nothing to write. A
// rebuild in between takes the newer site's index.
func (s *Session) UpdateIndex() *Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	mem := write.NewMemory()
	w := write.NewOutput(mem, s.pipeline.opts.Minify)
	paths, diags, ok := s.pipeline.renderer.WriteIndex(w)
	if !ok {
		return nil
	}
	res := &Result{Report: &Report{Diags: diags}, Files: s.good}
	if diags.HasErrors() {
		s.pipeline.renderer.ForgetSearch()
		return res
	}
	files := mem.Files()
	next := maps.Clone(s.good)
	for p, b := range files {
		next[p] = b
	}
	now := make(map[string]bool, len(paths))
	for _, p := range paths {
		now[p] = true
	}
	var gone []string
	for _, p := range s.index {
		if !now[p] {
			delete(next, p) // a shard the index no longer has
			gone = append(gone, p)
		}
	}
	res.Changed = append(diffFiles(s.good, files, false), gone...)
	slices.Sort(res.Changed)
	s.good, s.index = next, paths
	res.Files = next
	res.Duration = time.Since(start)
	return res
}

// bodyPages picks the output of the pages whose files are in bodies.
func bodyPages(site *model.Site, bodies []string) func(string) bool {
	files := map[string]bool{}
	for _, f := range bodies {
		files[f] = true
	}
	dirty := map[string]bool{}
	for _, p := range site.AllPages() { // a translation's body is its own file
		if files[p.File] {
			dirty[model.OutputPath(p.URL)] = true
		}
	}
	return func(path string) bool { return dirty[path] }
}

// diffFiles lists the paths whose content differs between two sites, or
// with whole false, between old and the files new replaces in it.
func diffFiles(old, new map[string][]byte, whole bool) []string {
	var out []string
	for p, b := range new {
		if o, ok := old[p]; !ok || string(o) != string(b) {
			out = append(out, p)
		}
	}
	if whole {
		for p := range old {
			if _, ok := new[p]; !ok {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}
