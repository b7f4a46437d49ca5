package build

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"seutu/assets"
	"seutu/internal/body"
	"seutu/internal/diag"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/overlay"
	"seutu/internal/render"
	"seutu/internal/resolve"
	"seutu/internal/sitefs"
	"seutu/internal/write"
	"seutu/layouts"
)

// ErrNoSite is returned for a source folder that does not exist.
var ErrNoSite = errors.New("no such site folder")

// ErrStopped is returned when the build's context ended before the build
// did (Ctrl-C, SIGTERM): nothing was written. The context's cause follows
// it in the message.
var ErrStopped = errors.New("stopped before the end")

// Options say what to build and where.
type Options struct {
	Source  string    // the site folder
	Dest    string    // the output folder; "" for SOURCE/public
	BaseURL string    // overrides site.toml's base_url when set
	CMSRepo string    // overrides [cms] repo of site.toml when set: owner/name, as CI knows it
	Drafts  bool      // include pages marked draft
	Future  bool      // include news dated after Now
	Now     time.Time // the build's now
	DryRun  bool      // check only: write nothing
	Strict  bool      // warnings fail the build too

	// For production: minified files, and stylesheets and scripts under
	// fingerprinted names (build sets both; serve neither).
	Minify      bool
	Fingerprint bool

	// NoSearch leaves the search index out (the search page stays): for
	// the benchmark that measures what the index costs a build.
	NoSearch bool

	// Cache is a folder that keeps the converted bodies between builds
	// (package body's Memo), so that a build converts only the bodies
	// edited since the last; "" keeps none. It only saves work: the output
	// is the same with it, without it, and with a broken one.
	Cache string
}

// Report tells what a build found and did.
type Report struct {
	Diags  diag.List
	Stages []Stage
	Pages  int   // HTML pages rendered
	Assets int   // asset files copied
	Files  int64 // files written
	Bytes  int64 // bytes written
	Before int64 // bytes rendered, before minifying
	After  int64 // bytes rendered, after minifying
	Site   *model.Site
	Strict bool // warnings count as failures

	// Coverage tells, for each language but the default, which pages
	// have no translation and which translations are older than their
	// original: information for editors (seutu check prints it).
	Coverage []model.Coverage

	// Converted counts the bodies (not blank) converted, and Cached those
	// taken from Options.Cache instead. CacheNote says why the cache was
	// not read or saved, when it was not: never an error of the build.
	Converted, Cached int
	CacheNote         string

	// Stopped is the cause of the context's end when the run stopped
	// early; the report is then incomplete and nothing was published.
	Stopped error
}

// Stage is one timed step of the pipeline: load, resolve, render, write.
type Stage struct {
	Name     string
	Duration time.Duration

	// Overlap is the part of Duration spent while the stage before ran,
	// summed over the goroutines that spent it, so that it may be more
	// than the time that passed. Write has it: render hands each file to
	// the write stage as soon as it is made, on the core that made it, and
	// write's own time after render is the swap into place (Commit). The
	// total of a build counts Overlap once, within the stage before.
	Overlap time.Duration

	// Parts are steps within Duration worth telling apart, shown after
	// it and not counted again: render has its search index.
	Parts []Stage
}

// addTime adds d to the stage called name.
func (r *Report) addTime(name string, d time.Duration) {
	for i := range r.Stages {
		if r.Stages[i].Name == name {
			r.Stages[i].Duration += d
			return
		}
	}
	r.Stages = append(r.Stages, Stage{Name: name, Duration: d})
}

// Failed reports whether the content had errors, or warnings in a strict
// build.
func (r *Report) Failed() bool {
	errs, warns := r.Diags.Count()
	return errs > 0 || (r.Strict && warns > 0)
}

// Summary says what a build made, for the terminal:
//
//	seutu build: 140 pages (18 network, 5 project, …, 40 lists), 152 files,
//	1 234 kB → 812 kB minified; 85ms (load 8ms, resolve 10ms, …)
//
// The total is the time that passed: the stages' times, each overlap
// counted once (see Stage.Overlap).
func (r *Report) Summary(command string) string {
	var total time.Duration
	for _, s := range r.Stages {
		total += s.Duration - s.Overlap
	}
	var b strings.Builder
	fmt.Fprintf(&b, "seutu %s: %d pages (%s), %d files, ", command, r.Pages, r.byKind(), r.Files)
	if r.After < r.Before {
		fmt.Fprintf(&b, "%d kB → %d kB minified", kB(r.Before), kB(r.After))
	} else {
		fmt.Fprintf(&b, "%d kB", kB(r.After))
	}
	if r.Cached > 0 {
		fmt.Fprintf(&b, ", %d of %d bodies from the cache", r.Cached, r.Cached+r.Converted)
	}
	fmt.Fprintf(&b, "; %s (%s)", total.Round(100*time.Microsecond), r.Timings())
	return b.String()
}

func kB(n int64) int64 { return (n + 512) / 1024 }

// byKind counts the pages: "18 network, 5 project, …, 40 lists".
func (r *Report) byKind() string {
	if r.Site == nil {
		return ""
	}
	count := map[model.Kind]int{}
	pages := r.Site.AllPages() // every language's
	for _, p := range pages {
		count[p.Kind]++
	}
	var parts []string
	for _, in := range model.Kinds {
		if count[in.Kind] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[in.Kind], in.Kind))
		}
	}
	if derived := r.Pages - len(pages); derived > 0 {
		parts = append(parts, fmt.Sprintf("%d lists and others", derived))
	}
	if n := len(r.Site.Languages); n > 1 {
		parts = append(parts, fmt.Sprintf("in %d languages", n))
	}
	return strings.Join(parts, ", ")
}

// PrintCoverage writes the coverage of each language for editors:
//
//	en: 22 of 81 pages translated (verkostot 18/18, hankkeet 0/5, …)
//	en: content/verkostot/x.en.md is older than content/verkostot/x.md (updated 2026-11-20 < 2026-12-01)
func (r *Report) PrintCoverage(w io.Writer) {
	for _, c := range r.Coverage {
		var parts []string
		total, done := map[string]int{}, map[string]int{}
		for _, p := range c.Missing {
			total[cmp.Or(p.Section, "(sivut)")]++
		}
		for _, p := range c.Translated {
			sec := cmp.Or(p.Section, "(sivut)")
			total[sec]++
			done[sec]++
		}
		for _, sec := range slices.Sorted(maps.Keys(total)) {
			parts = append(parts, fmt.Sprintf("%s %d/%d", sec, done[sec], total[sec]))
		}
		fmt.Fprintf(w, "%s: %d of %d pages translated (%s)\n", c.Lang, len(c.Translated), c.Pages(), strings.Join(parts, ", "))
		for _, s := range c.Stale {
			fmt.Fprintf(w, "%s: %s is older than %s (updated %s < %s)\n", c.Lang, s.Translation.File, s.Original.File,
				dateOrNone(s.Translation.Updated), s.Original.Updated.Format(time.DateOnly))
		}
	}
}

func dateOrNone(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	return t.Format(time.DateOnly)
}

// Timings prints the stages: "load 12ms, resolve 1ms, render 60ms, write
// 25ms (20ms of it during render, summed over cores)".
func (r *Report) Timings() string {
	var parts []string
	for _, s := range r.Stages {
		d := s.Duration.Round(100 * time.Microsecond)
		part := fmt.Sprintf("%s %s", s.Name, d)
		if s.Overlap > 0 && d > 0 {
			within := "all"
			if s.Overlap < s.Duration {
				within = s.Overlap.Round(100 * time.Microsecond).String()
			}
			part += fmt.Sprintf(" (%s of it during %s, summed over cores)", within, r.before(s.Name))
		}
		for _, p := range s.Parts {
			part += fmt.Sprintf(" (%s %s of it)", p.Name, p.Duration.Round(100*time.Microsecond))
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, ", ")
}

// before names the stage before the one called name.
func (r *Report) before(name string) string {
	for i := 1; i < len(r.Stages); i++ {
		if r.Stages[i].Name == name {
			return r.Stages[i-1].Name
		}
	}
	return "the stage before"
}

// Build runs the pipeline. Problems in the content are in the report; the
// error is for everything else (an unwritable destination, say). When ctx
// ends first, Build stops within a page or file per core, removes what it
// wrote and returns ErrStopped, leaving the destination as it was.
func Build(ctx context.Context, opts Options) (*Report, error) {
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, err
	}
	// sitefs keeps every read inside the site folder, whatever symbolic
	// links say; load reports the links that try to leave it.
	site, err := sitefs.Open(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNoSite, opts.Source)
	}
	defer site.Close()
	if opts.DryRun {
		pl := newPipeline(site, opts)
		defer pl.closeCache()
		rep, _ := pl.run(ctx, nil, &write.Discard{}, nil)
		pl.saveCache(rep)
		return rep, stopped(rep)
	}
	dest := opts.Dest
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	// A destination that is a symbolic link is replaced where it leads
	// (see package write), so that is what must not be the sources.
	target, err := write.Target(dest)
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	for _, d := range []string{dest, target} {
		if err := checkDest(src, d); err != nil {
			return nil, err
		}
	}
	dir, err := write.NewDir(dest)
	if err != nil {
		return nil, writeError(err)
	}
	var rep *Report
	pl := newPipeline(site, opts)
	defer pl.closeCache() // saved only once the site is in place
	WithGCPercent(buildGC, func() { rep, _ = pl.run(ctx, nil, dir, nil) })
	if rep.Stopped != nil {
		if err := dir.Abort(); err != nil {
			return rep, fmt.Errorf("%w; removing the unfinished site: %v", stopped(rep), err)
		}
		return rep, stopped(rep)
	}
	if rep.Failed() {
		return rep, dir.Abort()
	}
	start := time.Now()
	if err := dir.Commit(); err != nil {
		return rep, writeError(err)
	}
	rep.Files, rep.Bytes = dir.Written()
	rep.addTime("write", time.Since(start)) // the swap into place, after the render
	pl.saveCache(rep)
	return rep, nil
}

// writeError is an error of the output folder for the terminal: a full
// disk and another build's lock say all in a sentence of their own.
func writeError(err error) error {
	var full *write.DiskFullError
	if errors.As(err, &full) || errors.Is(err, write.ErrLocked) {
		return err
	}
	return fmt.Errorf("write: %w", err)
}

// stopped is ErrStopped with its cause, when rep stopped early.
func stopped(rep *Report) error {
	if rep.Stopped == nil {
		return nil
	}
	return fmt.Errorf("%w (%v)", ErrStopped, rep.Stopped)
}

// Run loads, resolves and renders the site in fsys into out. It is Build
// without the disk: tests run it over fstest.MapFS and write.Memory.
func Run(fsys fs.FS, opts Options, out write.Sink) *Report {
	pl := newPipeline(fsys, opts)
	rep, _ := pl.run(context.Background(), nil, out, nil)
	pl.saveCache(rep)
	return rep
}

// pipeline is the stages over one site folder, with what a later run may
// reuse: the files as read, and the bodies as converted.
type pipeline struct {
	fsys     fs.FS
	opts     Options
	loaded   *load.Result
	bodies   *body.Converter
	renderer *render.Renderer
	caching  bool // keep what the next run may reuse
	// indexLater leaves the search index to the renderer's WriteIndex
	// (Session.IndexAfterReload).
	indexLater bool

	// memo is the conversions of Options.Cache, and loading the time it
	// took to read them; nil without a cache.
	memo    *body.Memo
	loading time.Duration

	// The last resolved site and what resolving it found, kept when it
	// had no errors: a run after edits of page bodies alone reuses it.
	site         *model.Site
	resolveDiags diag.List
}

// Plan picks the pages to render once the site is resolved (only nil:
// all of them); bodies, when not nil, are the only files that changed, and
// only in their bodies. pagesOnly says that nothing but those pages can
// have changed: not feeds, calendars, the sitemap, redirects or assets.
type Plan func(site *model.Site, bodies []string) (only func(path string) bool, pagesOnly bool)

func newPipeline(fsys fs.FS, opts Options) *pipeline {
	pl := &pipeline{fsys: fsys, opts: opts}
	if opts.Cache != "" {
		start := time.Now()
		pl.memo = body.Load(opts.Cache)
		pl.loading = time.Since(start)
	}
	pl.bodies = body.New(pl.memo)
	pl.renderer = render.New(pl.bodies)
	return pl
}

// saveCache saves the conversions a successful run used to Options.Cache,
// which then holds those and no others. A cache that cannot be saved is
// noted in the report, and the build goes on.
func (pl *pipeline) saveCache(rep *Report) {
	if pl.memo == nil {
		return
	}
	if note := pl.memo.Note(); note != "" {
		rep.CacheNote = "cache not read: " + note
	}
	if rep.Stopped != nil || rep.Failed() {
		pl.memo.Close()
		return
	}
	start := time.Now()
	if err := pl.memo.Save(pl.opts.Cache); err != nil {
		rep.CacheNote = "cache not saved: " + err.Error()
	}
	rep.addTime("write", time.Since(start)) // the cache is written with the site
}

// closeCache lets go of the cache's files, saved or not.
func (pl *pipeline) closeCache() {
	if pl.memo != nil {
		pl.memo.Close()
	}
}

// newCachingPipeline is a pipeline that keeps what the next run can reuse.
func newCachingPipeline(fsys fs.FS, opts Options) *pipeline {
	conv := body.NewCaching()
	return &pipeline{fsys: fsys, opts: opts, bodies: conv, renderer: render.NewCaching(conv), caching: true}
}

// run runs the stages. changed names the files that changed since the last
// run (nil: read everything); plan, when given, picks the pages to render
// once the site is resolved. When ctx ends, run stops at the next stage or
// page and sets rep.Stopped.
func (pl *pipeline) run(ctx context.Context, changed map[string]bool, out write.Sink, plan Plan) (rep *Report, stats render.Stats) {
	rep = &Report{Strict: pl.opts.Strict}
	timed := func(name string, fn func()) {
		start := time.Now()
		fn()
		rep.Stages = append(rep.Stages, Stage{Name: name, Duration: time.Since(start)})
	}
	defer func() {
		if ctx.Err() != nil {
			rep.Stopped = context.Cause(ctx)
			pl.loaded, pl.site, pl.resolveDiags = nil, nil, nil // half done: nothing to reuse
		}
	}()

	timed("load", func() {
		prev := pl.loaded
		if changed == nil {
			prev = nil
		}
		if pl.caching {
			pl.loaded = load.Reload(ctx, pl.fsys, prev, changed)
		} else {
			pl.loaded = load.LoadContext(ctx, pl.fsys)
		}
	})
	rep.addTime("load", pl.loading) // reading the cache file, before the run
	pl.loading = 0
	loaded := pl.loaded
	if ctx.Err() != nil {
		return rep, stats
	}
	rep.Diags.Merge(loaded.Diags)
	rep.Coverage = loaded.Coverage()
	if pl.opts.BaseURL != "" {
		loaded.Config.BaseURL = strings.TrimSuffix(pl.opts.BaseURL, "/") + "/"
	}
	if pl.opts.CMSRepo != "" {
		loaded.Config.CMS.Repo = pl.opts.CMSRepo
	}

	// Bodies need no resolved site to be converted: they are, on the
	// cores that resolve leaves idle.
	pl.bodies.Prepare(ctx, loaded.Bodies)

	site := pl.site
	bodies := loaded.BodiesOnly()
	if site == nil || bodies == nil {
		if bodies != nil {
			loaded.CopyPages() // the last site had errors: resolve afresh
		}
		bodies = nil
		timed("resolve", func() {
			var diags diag.List
			site, diags = resolve.Resolve(&loaded.Content, resolve.Options{Drafts: pl.opts.Drafts, Future: pl.opts.Future, Now: pl.opts.Now})
			rep.Diags.Merge(diags)
			pl.site, pl.resolveDiags = nil, nil
			if !diags.HasErrors() {
				pl.site, pl.resolveDiags = site, diags
			}
		})
	} else {
		// Only bodies changed: the site resolves as before; the bodies
		// are loaded's, apart from the site.
		rep.Diags.Merge(pl.resolveDiags)
	}
	rep.Site = site
	if ctx.Err() != nil {
		return rep, stats
	}
	bodySources := loaded.Bodies
	if !pl.caching {
		pl.loaded, loaded = nil, nil // the files as read: the render needs only the site and the bodies
	}

	// Render hands each file to the write stage as soon as it is made, on
	// the core that made it: the write stage's time is spent within the
	// render's, and summed over the cores (see Stage.Overlap).
	w := write.NewOutput(out, pl.opts.Minify)
	timed("render", func() {
		lay, ast := layoutsFS(pl.fsys), assetsFS(pl.fsys)
		opts := render.Options{BodiesOnly: rep.Diags.HasErrors(), Minify: pl.opts.Minify, Fingerprint: pl.opts.Fingerprint, NoSearch: pl.opts.NoSearch,
			IndexLater: pl.indexLater}
		if plan != nil && !opts.BodiesOnly {
			opts.Only, opts.PagesOnly = plan(site, bodies)
		}
		var diags diag.List
		stats, diags = pl.renderer.Render(ctx, site, bodySources, lay, ast, w, opts)
		rep.Diags.Merge(diags)
		rep.Pages, rep.Assets = stats.Pages, stats.Assets
		rep.Converted = stats.Converted
		if pl.memo != nil {
			rep.Cached = pl.memo.Used() - stats.Converted
		}
	})
	if stats.IndexTime > 0 {
		rep.Stages[len(rep.Stages)-1].Parts = []Stage{{Name: "search index", Duration: stats.IndexTime}}
	}
	rep.Before, rep.After = w.Bytes()
	busy := w.Busy()
	rep.Stages = append(rep.Stages, Stage{Name: "write", Duration: busy, Overlap: busy})
	rep.Diags.Sort()
	return rep, stats
}

// checkDest refuses an output folder that would replace the sources.
func checkDest(src, dest string) error {
	d, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if d == src || strings.HasPrefix(src, d+string(filepath.Separator)) {
		return fmt.Errorf("-dest %s would replace the site folder itself", dest)
	}
	for _, own := range []string{"content", "layouts", "assets"} {
		o := filepath.Join(src, own)
		if d == o || strings.HasPrefix(d, o+string(filepath.Separator)) {
			return fmt.Errorf("-dest %s is inside the site's %s/ folder", dest, own)
		}
	}
	return nil
}

// layoutsFS is the site's layouts over the embedded defaults.
func layoutsFS(site fs.FS) fs.FS { return overlay.FS{overlay.Dir(site, "layouts"), layouts.FS} }

// assetsFS is the site's assets over the embedded defaults.
func assetsFS(site fs.FS) fs.FS { return overlay.FS{overlay.Dir(site, "assets"), assets.FS} }
