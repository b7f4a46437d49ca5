package resolve

import "seutu/internal/model"

// reset clears what an earlier Resolve derived on p, so that a page that
// load.Reload kept can be resolved again as if it were read afresh.
func reset(p *model.Page) {
	p.URL = ""
	p.Back = model.Backrefs{}
	p.TagTerms, p.ThemeTerms = nil, nil
	p.EachRef(func(r *model.Ref) { r.Target = nil })
	if pr := p.Project; pr != nil && pr.StatusDerived {
		pr.Status, pr.StatusDerived = "", false
	}
}
