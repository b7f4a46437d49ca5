package render

import (
	"html/template"
	"time"

	"seutu/internal/feeds"
	"seutu/internal/lang"
	"seutu/internal/model"
	"seutu/internal/tmplexec"
)

// directCalls are the methods and functions of fm that the layouts call
// on every page, or on every item of a list, for the compiled layouts to
// call without reflection (see tmplexec.Direct). Reflection made each of
// these calls cost more than its work: a million calls at 50 000 pages.
func directCalls(fm template.FuncMap) []tmplexec.Direct {
	return []tmplexec.Direct{
		tmplexec.Method("IsHome", (*View).IsHome),
		tmplexec.Method("MenuKey", (*View).MenuKey),
		tmplexec.Method("IsEvent", (*model.Page).IsEvent),
		tmplexec.Method("WholeDays", (*model.Event).WholeDays),
		tmplexec.Method("Ends", (*model.Event).Ends),
		tmplexec.Method("Window", (*model.Pager).Window),
		tmplexec.Method("IsZero", time.Time.IsZero),
		tmplexec.Method("IsZero", (*time.Time).IsZero),
		tmplexec.Method("IsZero", (*model.Moment).IsZero),
		tmplexec.Method("IsZero", model.Moment.IsZero),
		tmplexec.Func("kindName", fm["kindName"].(func(model.Kind) string)),
		tmplexec.Method("IsZero", model.PartialDate.IsZero),
		tmplexec.Func("partialDate", fm["partialDate"].(func(model.PartialDate) string)),
		tmplexec.Func("roughDate", fm["roughDate"].(func(model.PartialDate) string)),
		tmplexec.Func("t", fm["t"].(func(string) string)),
		tmplexec.Func("term", fm["term"].(func(string) string)),
		tmplexec.Func("otherLang", fm["otherLang"].(func(*model.Page) string)),
		tmplexec.Func("local", fm["local"].(func(string) string)),
		tmplexec.Func("tw", fm["tw"].(func(string) *lang.Around)),
		tmplexec.Func("date", fm["date"].(func(time.Time) string)),
		tmplexec.Func("longDate", fm["longDate"].(func(time.Time) string)),
		tmplexec.Func("monthYear", fm["monthYear"].(func(time.Time) string)),
		tmplexec.Func("isoDate", fm["isoDate"].(func(time.Time) string)),
		tmplexec.Func("isoMonth", fm["isoMonth"].(func(time.Time) string)),
		tmplexec.Func("isoPartialDate", isoPartialDate),
		tmplexec.Func("euros", fm["euros"].(func(int) string)),
		tmplexec.Func("year", fm["year"].(func(time.Time) int)),
		tmplexec.Func("tel", fm["tel"].(func(string) template.URL)),
		tmplexec.Func("eventTime", fm["eventTime"].(func(*model.Event) string)),
		tmplexec.Func("jsonld", fm["jsonld"].(func(*View) template.JS)),
		tmplexec.Func("feeds", fm["feeds"].(func(string) []feeds.Link)),
		tmplexec.FuncErr("asset", fm["asset"].(func(string) (string, error))),
	}
}
