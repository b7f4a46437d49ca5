package load

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"seutu/internal/diag"
	"seutu/internal/meta"
	"seutu/internal/model"
)

// Fixed value lists from the content model's schema (the open-ended ones
// are vocabularies in site.toml, checked by resolve).
var (
	scopes           = model.Scopes
	projectTypes     = model.ProjectTypes
	projectStatuses  = model.ProjectStatuses
	strategyStatuses = model.StrategyStatuses
	municipalTypes   = model.MunicipalityTypes
)

// isKey reports whether s looks like a reference, a content file's name:
// runs of a–z and 0–9 joined by single hyphens, ^[a-z0-9]+(-[a-z0-9]+)*$.
// Every reference of every page is checked; the regexp took a twentieth
// of loading.
func isKey(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// isRelated reports whether s is a reference across sections:
// folder/name, each a key.
func isRelated(s string) bool {
	folder, name, ok := strings.Cut(s, "/")
	return ok && isKey(folder) && isKey(name)
}

// decoder decodes one page's front matter.
type decoder struct {
	meta.Decoder
	page *model.Page
	todo bool // the editor's notes list something still to do
}

func (d *decoder) decode(root *meta.Value) {
	p := d.page
	// Remember where each value is, for checks in later stages; a list's
	// items under "field.N".
	n := len(root.Fields)
	for _, f := range root.Fields {
		n += len(f.Value.Items)
	}
	p.Pos.Grow(n)
	for _, f := range root.Fields {
		p.Pos.Add(f.Key, -1, f.Value.Pos)
		for i, it := range f.Value.Items {
			p.Pos.Add(f.Key, i, it.Pos)
		}
	}
	meta.FieldsOf(&d.Decoder, root, d, "the front matter of a "+string(p.Kind), commonFields, d.kindFields())

	if !p.Draft && strings.Contains(p.Summary, model.Placeholder) {
		d.Diags.Errorf(d.at("summary", root.Pos), "%s", placeholderMsg)
	}
	if p.Title == "" {
		d.Diags.Errorf(d.at("title", root.Pos), "missing title: every page needs one")
	}
	if !p.Checked.IsZero() && d.todo {
		d.Diags.Warnf(d.at("checked", root.Pos), "checked says this page's facts were checked on %s, but todo still lists something to check: settle the todo, or remove checked until then", p.Checked.Format("2006-01-02"))
	}
	if p.News != nil && p.News.Date.IsZero() && p.Lang == "" { // a translation's date is its original's
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

// fields is a table of front matter fields.
type fields = meta.Table[*decoder]

var commonFields = fields{
	"title":   func(d *decoder, v *meta.Value) { d.page.Title = d.Text(v) },
	"slug":    func(d *decoder, v *meta.Value) { d.page.Slug = d.slug(v) },
	"summary": func(d *decoder, v *meta.Value) { d.page.Summary = d.Text(v) },
	"draft":   func(d *decoder, v *meta.Value) { d.page.Draft = d.Bool(v) },
	"tags":    func(d *decoder, v *meta.Value) { d.page.Tags = d.Texts(v) },
	"themes":  func(d *decoder, v *meta.Value) { d.page.Themes = d.Texts(v) },
	"aliases": func(d *decoder, v *meta.Value) { d.page.Aliases = d.aliases(v) },
	"updated": func(d *decoder, v *meta.Value) { d.page.Updated = d.Date(v) },
	"checked": func(d *decoder, v *meta.Value) { d.page.Checked = d.Date(v) },
	"layout":  func(d *decoder, v *meta.Value) { d.page.Layout = d.Text(v) },
	"weight":  func(d *decoder, v *meta.Value) { d.page.Weight = d.Int(v) },
	"todo":    func(d *decoder, v *meta.Value) { d.todo = len(d.Texts(v)) > 0 },
}

// kindFields gives the page its kind's part and returns the kind's fields.
func (d *decoder) kindFields() fields {
	p := d.page
	switch p.Kind {
	case model.KindNetwork:
		p.Network = &model.Network{}
		return networkFields
	case model.KindProject:
		p.Project = &model.Project{}
		return projectFields
	case model.KindStrategy:
		p.Strategy = &model.Strategy{}
		return strategyFields
	case model.KindNews:
		p.News = &model.News{}
		return newsFields
	case model.KindPerson:
		p.Person = &model.Person{}
		return personFields
	case model.KindOrganization:
		p.Organization = &model.Organization{}
		return organizationFields
	case model.KindMunicipality:
		p.Municipality = &model.Municipality{}
		return municipalityFields
	}
	return nil
}

var networkFields = fields{
	"category":          func(d *decoder, v *meta.Value) { d.page.Network.Category = d.Text(v) },
	"scope":             func(d *decoder, v *meta.Value) { d.page.Network.Scope = d.OneOf(v, scopes, "scope") },
	"chair_title":       func(d *decoder, v *meta.Value) { d.page.Network.ChairTitle = d.Text(v) },
	"participants":      func(d *decoder, v *meta.Value) { d.page.Network.Participants = d.Texts(v) },
	"cadence":           func(d *decoder, v *meta.Value) { d.page.Network.Cadence = d.Text(v) },
	"meetings_per_year": func(d *decoder, v *meta.Value) { d.page.Network.MeetingsPerYear = d.Float(v) },
	"founded":           func(d *decoder, v *meta.Value) { d.page.Network.Founded = d.year(v) },
	"website":           func(d *decoder, v *meta.Value) { d.page.Network.Website = d.url(v) },
}

var projectFields = fields{
	"type":    func(d *decoder, v *meta.Value) { d.page.Project.Type = d.OneOf(v, projectTypes, "project type") },
	"status":  func(d *decoder, v *meta.Value) { d.page.Project.Status = d.OneOf(v, projectStatuses, "status") },
	"start":   func(d *decoder, v *meta.Value) { d.page.Project.Start = d.roughDate(v) },
	"end":     func(d *decoder, v *meta.Value) { d.page.Project.End = d.roughDate(v) },
	"budget":  func(d *decoder, v *meta.Value) { d.page.Project.Budget = d.Int(v) },
	"website": func(d *decoder, v *meta.Value) { d.page.Project.Website = d.url(v) },
}

var strategyFields = fields{
	"adopted": func(d *decoder, v *meta.Value) { d.page.Strategy.Adopted = d.partialDate(v) },
	"revised": func(d *decoder, v *meta.Value) {
		s := d.page.Strategy
		for _, it := range d.ListOf(v) {
			if t := d.partialDate(it); !t.IsZero() {
				s.Revised = append(s.Revised, t)
			}
		}
	},
	"period":      func(d *decoder, v *meta.Value) { d.page.Strategy.Period = d.Text(v) },
	"status":      func(d *decoder, v *meta.Value) { d.page.Strategy.Status = d.OneOf(v, strategyStatuses, "status") },
	"focus_areas": func(d *decoder, v *meta.Value) { d.page.Strategy.FocusAreas = d.Texts(v) },
	"documents":   func(d *decoder, v *meta.Value) { d.page.Strategy.Documents = d.documents(v) },
	"website":     func(d *decoder, v *meta.Value) { d.page.Strategy.Website = d.url(v) },
}

// documentDecoder decodes one item of a strategy's documents.
type documentDecoder struct {
	*decoder
	doc *model.Document
}

var documentFields = meta.Table[*documentDecoder]{
	"title": func(d *documentDecoder, v *meta.Value) { d.doc.Title = d.Text(v) },
	"url":   func(d *documentDecoder, v *meta.Value) { d.doc.URL = d.url(v) },
}

func (d *decoder) documents(v *meta.Value) []model.Document {
	var docs []model.Document
	for _, it := range d.ListOf(v) {
		var doc model.Document
		meta.FieldsOf(&d.Decoder, it, &documentDecoder{d, &doc}, "a document", documentFields)
		if doc.Title == "" || doc.URL == "" {
			d.Diags.Errorf(it.Pos, "a document needs both title and url")
			continue
		}
		docs = append(docs, doc)
	}
	return docs
}

var newsFields = fields{
	"date":     func(d *decoder, v *meta.Value) { d.page.News.Date = d.roughDate(v) },
	"category": func(d *decoder, v *meta.Value) { d.page.News.Category = d.Text(v) },
	"event":    func(d *decoder, v *meta.Value) { d.page.News.Event = d.event(v) },
}

// eventDecoder decodes an event block.
type eventDecoder struct {
	*decoder
	e        *model.Event
	hasStart bool
}

var eventFields = meta.Table[*eventDecoder]{
	"start":                 func(d *eventDecoder, v *meta.Value) { d.e.Start, d.hasStart = d.roughMoment(v), true },
	"end":                   func(d *eventDecoder, v *meta.Value) { d.e.End = d.roughMoment(v) },
	"all_day":               func(d *eventDecoder, v *meta.Value) { d.e.AllDay = d.Bool(v) },
	"location":              func(d *eventDecoder, v *meta.Value) { d.e.Location = d.Text(v) },
	"address":               func(d *eventDecoder, v *meta.Value) { d.e.Address = d.Text(v) },
	"online":                func(d *eventDecoder, v *meta.Value) { d.e.Online = d.Bool(v) },
	"online_url":            func(d *eventDecoder, v *meta.Value) { d.e.OnlineURL = d.url(v) },
	"registration":          func(d *eventDecoder, v *meta.Value) { d.e.Registration = d.Text(v) },
	"registration_deadline": func(d *eventDecoder, v *meta.Value) { d.e.RegistrationDeadline = d.moment(v) },
}

func (d *decoder) event(v *meta.Value) *model.Event {
	ed := &eventDecoder{decoder: d, e: &model.Event{}}
	d.page.News.Event = ed.e // where the reference fields' slots are
	meta.FieldsOf(&d.Decoder, v, ed, "the event block", eventFields)
	e := ed.e
	if !ed.hasStart {
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

var personFields = fields{
	"role":  func(d *decoder, v *meta.Value) { d.page.Person.Role = d.Text(v) },
	"phone": func(d *decoder, v *meta.Value) { d.page.Person.Phone = d.phone(v) },
	"email": func(d *decoder, v *meta.Value) { d.page.Person.Email = d.email(v) },
	"image": func(d *decoder, v *meta.Value) { d.page.Person.Image = d.Text(v) },
	"areas": func(d *decoder, v *meta.Value) { d.page.Person.Areas = d.Texts(v) },
}

var organizationFields = fields{
	"short":   func(d *decoder, v *meta.Value) { d.page.Organization.Short = d.Text(v) },
	"type":    func(d *decoder, v *meta.Value) { d.page.Organization.Type = d.Text(v) },
	"website": func(d *decoder, v *meta.Value) { d.page.Organization.Website = d.url(v) },
}

var municipalityFields = fields{
	"type": func(d *decoder, v *meta.Value) {
		d.page.Municipality.Type = d.OneOf(v, municipalTypes, "municipality type")
	},
	"population":      func(d *decoder, v *meta.Value) { d.page.Municipality.Population = d.Int(v) },
	"population_year": func(d *decoder, v *meta.Value) { d.page.Municipality.PopulationYear = d.year(v) },
	"subregion":       func(d *decoder, v *meta.Value) { d.page.Municipality.Subregion = d.Text(v) },
	"website":         func(d *decoder, v *meta.Value) { d.page.Municipality.Website = d.url(v) },
}

// moment decodes a date and time, or a date for the whole day.
func (d *decoder) moment(v *meta.Value) model.Moment {
	t, dateOnly := d.Moment(v)
	return model.Moment{Time: t, DateOnly: dateOnly}
}

// partialDate decodes a date of which perhaps only the month or the year
// is written.
func (d *decoder) partialDate(v *meta.Value) model.PartialDate {
	t, parts := d.PartialDate(v)
	return model.PartialDate{Time: t, Precision: precisions[parts]}
}

// precisions are the Precisions of a date written in 0 (none), 1, 2 or 3
// parts.
var precisions = [...]model.Precision{model.Day, model.Year, model.Month, model.Day}

// roughDate decodes a partial date or a span of months (2018-01/2018-02).
func (d *decoder) roughDate(v *meta.Value) model.PartialDate {
	t, parts, through := d.RoughDate(v)
	return model.PartialDate{Time: t, Precision: precisions[parts], Through: through}
}

// roughMoment decodes an event's start or end: a date and time, a date,
// or a month when the sources name no day.
func (d *decoder) roughMoment(v *meta.Value) model.Moment {
	t, dateOnly, month := d.RoughMoment(v)
	return model.Moment{Time: t, DateOnly: dateOnly, Month: month}
}

// kindTables are the fields of each kind but the common ones.
var kindTables = map[model.Kind]fields{
	model.KindNetwork:      networkFields,
	model.KindProject:      projectFields,
	model.KindStrategy:     strategyFields,
	model.KindNews:         newsFields,
	model.KindPerson:       personFields,
	model.KindOrganization: organizationFields,
	model.KindMunicipality: municipalityFields,
}

// The reference fields are decoded by model.RefFields, which says where
// each goes: the tables get them from there.
func init() {
	for i := range model.RefFields {
		f := &model.RefFields[i]
		if name, ok := strings.CutPrefix(f.Field, "event."); ok {
			eventFields[name] = func(d *eventDecoder, v *meta.Value) { d.refField(f, v) }
			continue
		}
		t := commonFields
		if f.Kind != "" {
			t = kindTables[f.Kind]
		}
		t[f.Field] = func(d *decoder, v *meta.Value) { d.refField(f, v) }
	}
}

// refField decodes v into the page's reference field f.
func (d *decoder) refField(f *model.RefField, v *meta.Value) {
	switch slot := f.Slot(d.page).(type) {
	case **model.Ref:
		*slot = d.ref(v)
	case *[]*model.Ref:
		if f.Target == "" {
			*slot = d.related(v)
		} else {
			*slot = d.refs(v)
		}
	case *model.RefOrText:
		*slot = d.refOrText(v)
	case *[]model.RefOrText:
		*slot = d.refsOrText(v)
	}
}

// ref decodes a single reference.
func (d *decoder) ref(v *meta.Value) *model.Ref {
	s := d.Text(v)
	if s == "" {
		return nil
	}
	if !isKey(s) {
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
		if !isRelated(s) {
			d.Diags.Errorf(it.Pos, "%q is not a related page: write folder/name, e.g. verkostot/sivistysjohtajien-verkosto", s)
			continue
		}
		out = append(out, &model.Ref{Key: s, Pos: it.Pos})
	}
	return out
}

func (d *decoder) refOrText(v *meta.Value) model.RefOrText {
	s := d.Text(v)
	if isKey(s) {
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
	if !isKey(s) {
		d.Diags.Errorf(v.Pos, "slug %q must be lowercase letters a–z, digits and hyphens", s)
		return d.page.Slug
	}
	return s
}

func (d *decoder) aliases(v *meta.Value) []string {
	var out []string
	for _, it := range d.ListOf(v) {
		s := d.Text(it)
		if problem := aliasProblem(s); problem != "" {
			d.Diags.Errorf(it.Pos, "alias %q %s", s, problem)
			continue
		}
		out = append(out, s)
	}
	return out
}

// aliasProblem says what keeps s from being an alias, or "". An alias
// becomes a folder of the site and a line of _redirects, whose fields
// hosts split at white space ("/ /x/ 200!" would be a forced rewrite of
// the home page), so it must be a clean path: segments of URL path
// characters or percent-escapes, none empty, "." or "..".
func aliasProblem(s string) string {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return "must be a path on this site starting with one /, such as /vanha-sivu/"
	}
	if strings.Trim(s, "/") == "" {
		return "is the home page's address: an alias names an old page's path, such as /vanha-sivu/"
	}
	for i, r := range s {
		switch {
		case r == '?' || r == '#':
			return "must be a path, without ?query or #fragment"
		case r == '\\':
			return "has a backslash: write / between folders"
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return fmt.Sprintf("has white space or a control character (at byte %d): an address has none; write - or %%20", i)
		case r == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "has a % that does not start an escape such as %C3%A4"
			}
		case r >= 0x80:
			return fmt.Sprintf("has %q: write it percent-escaped (%s), as the old address was", r, url.PathEscape(string(r)))
		case !isPathChar(byte(r)):
			return fmt.Sprintf("has %q, which an address path cannot", r)
		}
	}
	for seg := range strings.SplitSeq(strings.Trim(s, "/"), "/") {
		// The folder is written decoded, as a host looks it up.
		dec, _ := url.PathUnescape(seg)
		switch {
		case seg == "" || dec == "":
			return "has an empty folder (//)"
		case dec == "." || dec == "..":
			return "has a . or .. folder: write the path as it is, without them"
		case !utf8.ValidString(dec) || strings.ContainsFunc(dec, func(r rune) bool { return r == '/' || r == '\\' || unicode.IsControl(r) }):
			return "has an escape that stands for a slash, a backslash, a control character or no text"
		}
	}
	return ""
}

// isPathChar reports whether c may stand unescaped in a URL path
// (RFC 3986: unreserved, sub-delims, ":", "@" and "/").
func isPathChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
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
	// The address goes into feeds, calendars and JSON-LD as it is, where
	// white space or a backslash would break it or change its meaning.
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\\' }); i >= 0 {
		d.Diags.Errorf(v.Pos, "web address %q has %q: an address has no white space or backslashes; write %%20 for a space", s, []rune(s[i:])[0])
		return ""
	}
	return s
}

var phonePattern = regexp.MustCompile(model.PhonePattern)

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
func registrationAfterStart(deadline, start model.Moment) bool {
	if deadline.DateOnly {
		y, m, d := start.Date()
		return deadline.After(time.Date(y, m, d, 0, 0, 0, 0, start.Location()))
	}
	return deadline.After(start.Time)
}
