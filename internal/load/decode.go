package load

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"

	"seutu/internal/diag"
	"seutu/internal/meta"
	"seutu/internal/model"
)

// Fixed value lists from the content model (the open-ended ones are
// vocabularies in site.toml, checked by resolve).
var (
	scopes           = []string{"seudullinen", "maakunnallinen", "valtakunnallinen"}
	projectTypes     = []string{"hanke", "selvitys"}
	projectStatuses  = []string{"suunnitteilla", "käynnissä", "päättynyt"}
	strategyStatuses = []string{"voimassa", "päivitettävänä", "päättynyt"}
	municipalTypes   = []string{"kaupunki", "kunta"}
)

// keyPattern is what a reference looks like: a content file's name.
var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// relatedPattern is a reference across sections: folder/name.
var relatedPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$`)

// decoder decodes one page's front matter.
type decoder struct {
	meta.Decoder
	page *model.Page
}

func (d *decoder) decode(root *meta.Value) {
	p := d.page
	fields := d.common()
	for name, fn := range d.kindFields() {
		fields[name] = fn
	}
	// Remember where each value is, for checks in later stages; a list's
	// items under "field.N".
	for _, f := range root.Fields {
		p.Pos.Add(f.Key, -1, f.Value.Pos)
		for i, it := range f.Value.Items {
			p.Pos.Add(f.Key, i, it.Pos)
		}
	}
	d.Fields(root, fields, "the front matter of a "+string(p.Kind))

	if p.Title == "" {
		d.Diags.Errorf(d.at("title", root.Pos), "missing title: every page needs one")
	}
	if p.News != nil && p.News.Date.IsZero() {
		if _, ok := p.Pos.Lookup("date"); !ok {
			d.Diags.Errorf(root.Pos, "missing date: a news item needs date: YYYY-MM-DD")
		}
	}
}

// at returns the position of a field, or fallback when it is not written.
func (d *decoder) at(field string, fallback diag.Pos) diag.Pos {
	if p, ok := d.page.Pos.Lookup(field); ok {
		return p
	}
	return fallback
}

func (d *decoder) common() map[string]meta.FieldFunc {
	p := d.page
	return map[string]meta.FieldFunc{
		"title":    func(v *meta.Value) { p.Title = d.Text(v) },
		"slug":     func(v *meta.Value) { p.Slug = d.slug(v) },
		"summary":  func(v *meta.Value) { p.Summary = d.Text(v) },
		"draft":    func(v *meta.Value) { p.Draft = d.Bool(v) },
		"tags":     func(v *meta.Value) { p.Tags = d.Texts(v) },
		"themes":   func(v *meta.Value) { p.Themes = d.Texts(v) },
		"contacts": func(v *meta.Value) { p.Contacts = d.refs(v) },
		"related":  func(v *meta.Value) { p.Related = d.related(v) },
		"aliases":  func(v *meta.Value) { p.Aliases = d.aliases(v) },
		"updated":  func(v *meta.Value) { p.Updated = d.Date(v) },
		"layout":   func(v *meta.Value) { p.Layout = d.Text(v) },
		"weight":   func(v *meta.Value) { p.Weight = d.Int(v) },
		"todo":     func(v *meta.Value) { d.Texts(v) },
	}
}

func (d *decoder) kindFields() map[string]meta.FieldFunc {
	switch d.page.Kind {
	case model.KindNetwork:
		return d.network()
	case model.KindProject:
		return d.project()
	case model.KindStrategy:
		return d.strategy()
	case model.KindNews:
		return d.news()
	case model.KindPerson:
		return d.person()
	case model.KindOrganization:
		return d.organization()
	case model.KindMunicipality:
		return d.municipality()
	}
	return nil
}

func (d *decoder) network() map[string]meta.FieldFunc {
	n := &model.Network{}
	d.page.Network = n
	return map[string]meta.FieldFunc{
		"category":          func(v *meta.Value) { n.Category = d.Text(v) },
		"scope":             func(v *meta.Value) { n.Scope = d.OneOf(v, scopes, "scope") },
		"coordinator":       func(v *meta.Value) { n.Coordinator = d.ref(v) },
		"organizers":        func(v *meta.Value) { n.Organizers = d.refs(v) },
		"chair":             func(v *meta.Value) { n.Chair = d.ref(v) },
		"chair_title":       func(v *meta.Value) { n.ChairTitle = d.Text(v) },
		"members":           func(v *meta.Value) { n.Members = d.refs(v) },
		"participants":      func(v *meta.Value) { n.Participants = d.Texts(v) },
		"cadence":           func(v *meta.Value) { n.Cadence = d.Text(v) },
		"meetings_per_year": func(v *meta.Value) { n.MeetingsPerYear = d.Float(v) },
		"founded":           func(v *meta.Value) { n.Founded = d.year(v) },
		"website":           func(v *meta.Value) { n.Website = d.url(v) },
		"parent":            func(v *meta.Value) { n.Parent = d.ref(v) },
	}
}

func (d *decoder) project() map[string]meta.FieldFunc {
	pr := &model.Project{}
	d.page.Project = pr
	return map[string]meta.FieldFunc{
		"type":           func(v *meta.Value) { pr.Type = d.OneOf(v, projectTypes, "project type") },
		"status":         func(v *meta.Value) { pr.Status = d.OneOf(v, projectStatuses, "status") },
		"start":          func(v *meta.Value) { pr.Start = d.Date(v) },
		"end":            func(v *meta.Value) { pr.End = d.Date(v) },
		"administrator":  func(v *meta.Value) { pr.Administrator = d.ref(v) },
		"funders":        func(v *meta.Value) { pr.Funders = d.refsOrText(v) },
		"partners":       func(v *meta.Value) { pr.Partners = d.refs(v) },
		"municipalities": func(v *meta.Value) { pr.Municipalities = d.refs(v) },
		"budget":         func(v *meta.Value) { pr.Budget = d.Int(v) },
		"website":        func(v *meta.Value) { pr.Website = d.url(v) },
	}
}

func (d *decoder) strategy() map[string]meta.FieldFunc {
	s := &model.Strategy{}
	d.page.Strategy = s
	return map[string]meta.FieldFunc{
		"adopted": func(v *meta.Value) { s.Adopted = d.PartialDate(v) },
		"revised": func(v *meta.Value) {
			for _, it := range d.ListOf(v) {
				if t := d.PartialDate(it); !t.IsZero() {
					s.Revised = append(s.Revised, t)
				}
			}
		},
		"period":      func(v *meta.Value) { s.Period = d.Text(v) },
		"owner":       func(v *meta.Value) { s.Owner = d.ref(v) },
		"steering":    func(v *meta.Value) { s.Steering = d.refOrText(v) },
		"status":      func(v *meta.Value) { s.Status = d.OneOf(v, strategyStatuses, "status") },
		"focus_areas": func(v *meta.Value) { s.FocusAreas = d.Texts(v) },
		"documents":   func(v *meta.Value) { s.Documents = d.documents(v) },
		"website":     func(v *meta.Value) { s.Website = d.url(v) },
	}
}

func (d *decoder) documents(v *meta.Value) []model.Document {
	var docs []model.Document
	for _, it := range d.ListOf(v) {
		var doc model.Document
		d.Fields(it, map[string]meta.FieldFunc{
			"title": func(v *meta.Value) { doc.Title = d.Text(v) },
			"url":   func(v *meta.Value) { doc.URL = d.url(v) },
		}, "a document")
		if doc.Title == "" || doc.URL == "" {
			d.Diags.Errorf(it.Pos, "a document needs both title and url")
			continue
		}
		docs = append(docs, doc)
	}
	return docs
}

func (d *decoder) news() map[string]meta.FieldFunc {
	n := &model.News{}
	d.page.News = n
	return map[string]meta.FieldFunc{
		"date":     func(v *meta.Value) { n.Date = d.Date(v) },
		"category": func(v *meta.Value) { n.Category = d.Text(v) },
		"author":   func(v *meta.Value) { n.Author = d.refOrText(v) },
		"event":    func(v *meta.Value) { n.Event = d.event(v) },
	}
}

func (d *decoder) event(v *meta.Value) *model.Event {
	e := &model.Event{}
	var hasStart bool
	d.Fields(v, map[string]meta.FieldFunc{
		"start":                 func(v *meta.Value) { e.Start, hasStart = d.Moment(v), true },
		"end":                   func(v *meta.Value) { e.End = d.Moment(v) },
		"all_day":               func(v *meta.Value) { e.AllDay = d.Bool(v) },
		"location":              func(v *meta.Value) { e.Location = d.Text(v) },
		"address":               func(v *meta.Value) { e.Address = d.Text(v) },
		"online":                func(v *meta.Value) { e.Online = d.Bool(v) },
		"online_url":            func(v *meta.Value) { e.OnlineURL = d.url(v) },
		"registration":          func(v *meta.Value) { e.Registration = d.Text(v) },
		"registration_deadline": func(v *meta.Value) { e.RegistrationDeadline = d.Moment(v) },
		"organizer":             func(v *meta.Value) { e.Organizers = d.refs(v) },
	}, "the event block")
	if !hasStart {
		d.Diags.Errorf(v.Pos, "an event needs start: YYYY-MM-DDTHH:MM")
		return e
	}
	if e.Start.IsZero() {
		return e // already reported
	}
	if !e.End.IsZero() && e.End.Before(e.Start.Time) {
		d.Diags.Errorf(v.Get("end").Value.Pos, "the event ends before it starts")
	}
	if dl := e.RegistrationDeadline; !dl.IsZero() && registrationAfterStart(dl, e.Start) {
		d.Diags.Errorf(v.Get("registration_deadline").Value.Pos, "registration closes after the event starts (%s); give a deadline before the start", v.Get("start").Value.Text)
	}
	return e
}

func (d *decoder) person() map[string]meta.FieldFunc {
	pe := &model.Person{}
	d.page.Person = pe
	return map[string]meta.FieldFunc{
		"role":         func(v *meta.Value) { pe.Role = d.Text(v) },
		"organization": func(v *meta.Value) { pe.Organization = d.ref(v) },
		"phone":        func(v *meta.Value) { pe.Phone = d.phone(v) },
		"email":        func(v *meta.Value) { pe.Email = d.email(v) },
		"image":        func(v *meta.Value) { pe.Image = d.Text(v) },
		"areas":        func(v *meta.Value) { pe.Areas = d.Texts(v) },
	}
}

func (d *decoder) organization() map[string]meta.FieldFunc {
	o := &model.Organization{}
	d.page.Organization = o
	return map[string]meta.FieldFunc{
		"short":   func(v *meta.Value) { o.Short = d.Text(v) },
		"type":    func(v *meta.Value) { o.Type = d.Text(v) },
		"website": func(v *meta.Value) { o.Website = d.url(v) },
	}
}

func (d *decoder) municipality() map[string]meta.FieldFunc {
	m := &model.Municipality{}
	d.page.Municipality = m
	return map[string]meta.FieldFunc{
		"type":            func(v *meta.Value) { m.Type = d.OneOf(v, municipalTypes, "municipality type") },
		"population":      func(v *meta.Value) { m.Population = d.Int(v) },
		"population_year": func(v *meta.Value) { m.PopulationYear = d.year(v) },
		"subregion":       func(v *meta.Value) { m.Subregion = d.Text(v) },
		"website":         func(v *meta.Value) { m.Website = d.url(v) },
	}
}

// ref decodes a single reference.
func (d *decoder) ref(v *meta.Value) *model.Ref {
	s := d.Text(v)
	if s == "" {
		return nil
	}
	if !keyPattern.MatchString(s) {
		d.Diags.Errorf(v.Pos, "%q is not a reference: write the file name of the page without .md, e.g. kirsi-mukkala", s)
		return nil
	}
	return &model.Ref{Key: s, Pos: v.Pos}
}

func (d *decoder) refs(v *meta.Value) []*model.Ref {
	var out []*model.Ref
	for _, it := range d.ListOf(v) {
		if r := d.ref(it); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (d *decoder) related(v *meta.Value) []*model.Ref {
	var out []*model.Ref
	for _, it := range d.ListOf(v) {
		s := strings.Trim(d.Text(it), "/")
		s = strings.TrimSuffix(s, ".md")
		if s == "" {
			continue
		}
		if !relatedPattern.MatchString(s) {
			d.Diags.Errorf(it.Pos, "%q is not a related page: write folder/name, e.g. verkostot/sivistysjohtajien-verkosto", s)
			continue
		}
		out = append(out, &model.Ref{Key: s, Pos: it.Pos})
	}
	return out
}

func (d *decoder) refOrText(v *meta.Value) model.RefOrText {
	s := d.Text(v)
	if keyPattern.MatchString(s) {
		return model.RefOrText{Ref: &model.Ref{Key: s, Pos: v.Pos}}
	}
	return model.RefOrText{Text: s}
}

func (d *decoder) refsOrText(v *meta.Value) []model.RefOrText {
	var out []model.RefOrText
	for _, it := range d.ListOf(v) {
		if r := d.refOrText(it); r.Ref != nil || r.Text != "" {
			out = append(out, r)
		}
	}
	return out
}

func (d *decoder) slug(v *meta.Value) string {
	s := d.Text(v)
	if !keyPattern.MatchString(s) {
		d.Diags.Errorf(v.Pos, "slug %q must be lowercase letters a–z, digits and hyphens", s)
		return d.page.Slug
	}
	return s
}

func (d *decoder) aliases(v *meta.Value) []string {
	var out []string
	for _, it := range d.ListOf(v) {
		s := d.Text(it)
		u, err := url.Parse(s)
		if err != nil || u.IsAbs() || !strings.HasPrefix(s, "/") || u.RawQuery != "" || u.Fragment != "" {
			d.Diags.Errorf(it.Pos, "alias %q must be a path on this site starting with /", s)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) year(v *meta.Value) int {
	y := d.Int(v)
	if y != 0 && (y < 1000 || y > 9999) {
		d.Diags.Errorf(v.Pos, "expected a year such as 2015, found %q", v.Text)
		return 0
	}
	return y
}

func (d *decoder) url(v *meta.Value) string {
	s := d.Text(v)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.Diags.Errorf(v.Pos, "expected a web address starting with https://, found %q", s)
		return ""
	}
	return s
}

var phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 -]{4,}[0-9]$`)

func (d *decoder) phone(v *meta.Value) string {
	s := d.Text(v)
	if !phonePattern.MatchString(s) {
		d.Diags.Errorf(v.Pos, "expected a phone number such as 040 595 0002 or +358 40 595 0002, found %q", s)
		return ""
	}
	return s
}

func (d *decoder) email(v *meta.Value) string {
	s := d.Text(v)
	s = strings.Replace(s, "[at]", "@", 1) // the old site's spam guard
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.Index(s, "@"):], ".") {
		d.Diags.Errorf(v.Pos, "expected an e-mail address such as etunimi.sukunimi@keskisuomi.fi, found %q", v.Text)
		return ""
	}
	return s
}

// registrationAfterStart reports a deadline later than the start. A
// deadline written as a date may be the event's own day.
func registrationAfterStart(deadline, start meta.Moment) bool {
	if deadline.DateOnly {
		y, m, d := start.Date()
		return deadline.After(time.Date(y, m, d, 0, 0, 0, 0, start.Location()))
	}
	return deadline.After(start.Time)
}
