package build

import (
	"io/fs"
	"time"

	"seutu/internal/diag"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/resolve"
)

// NextChange returns the first moment after opts.Now at which a build of
// the same content would differ: an event starts or ends, a registration
// closes, a scheduled news item's date comes, a project's derived status
// turns. ok is false when no such moment is ahead. Every moment is a
// boundary at which the change has happened, so a build at the printed
// time shows it.
func NextChange(fsys fs.FS, opts Options) (next time.Time, ok bool, diags diag.List) {
	loaded := load.Load(fsys)
	diags.Merge(loaded.Diags)
	site, rdiags := resolve.Resolve(&loaded.Content, resolve.Options{Drafts: opts.Drafts, Future: true, Now: opts.Now})
	diags.Merge(rdiags)
	diags.Sort()
	if diags.HasErrors() {
		return time.Time{}, false, diags
	}
	consider := func(t time.Time) {
		if t.IsZero() || !t.After(opts.Now) {
			return
		}
		if !ok || t.Before(next) {
			next, ok = t, true
		}
	}
	for _, p := range site.Pages {
		changes(p, consider)
	}
	return next, ok, diags
}

// changes calls at for every moment at which p's page, or a list that
// shows it, depends on the time.
func changes(p *model.Page, at func(time.Time)) {
	if n := p.News; n != nil {
		at(n.Date.Time) // a scheduled item is published on its date
		if e := n.Event; e != nil && !e.Start.IsZero() {
			at(e.Start.Time)
			at(e.Ends())
			if c := e.RegistrationCloses(); !c.IsZero() {
				at(c)
			}
		}
	}
	if pr := p.Project; pr != nil {
		if pr.StatusDerived {
			at(pr.Start.Time)
		}
		if !pr.End.IsZero() {
			at(pr.End.Ends()) // the status, when derived, and the contact box's "päättyi" either way
		}
	}
}
