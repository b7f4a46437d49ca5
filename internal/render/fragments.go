package render

import (
	"bytes"
	"html/template"
	"sync"

	"seutu/internal/model"
)

// cards renders a partial for a page once per render and hands out the
// result again: the same card of a news item appears on its section's
// list, its category's, its year's and on every tag and theme page.
// Layouts call it as {{card "page-card" .}}; the partial is taken from
// layouts/partials/, so a card looks the same in every list.
type cards struct {
	set  *template.Template // the partials: set once they are parsed
	done sync.Map           // cardKey → template.HTML
}

type cardKey struct {
	name string
	page *model.Page
}

func (c *cards) card(name string, p *model.Page) (template.HTML, error) {
	key := cardKey{name, p}
	if h, ok := c.done.Load(key); ok {
		return h.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := c.set.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	// #nosec: html/template escaped it, in the HTML text context the card
	// is used in.
	h := template.HTML(buf.String())
	c.done.Store(key, h)
	return h, nil
}
