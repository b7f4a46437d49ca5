package scaffold

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"seutu/internal/config"
	"seutu/internal/fi"
	"seutu/internal/lang"
	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// inFinnish names each language in the comments of a translation's
// skeleton: "käännös ruotsiksi".
var inFinnish = map[string]string{"fi": "suomeksi", "sv": "ruotsiksi", "en": "englanniksi"}

// Translation returns the path and text of a new translation of orig into
// language code: the file beside it (x.sv.md) with every text field of its
// kind (model.TextFields) to fill, the original's text in a comment above
// each, and none of the shared fields, which come from the original. It is
// a draft until the editor removes draft: true.
func Translation(orig *model.Page, code string, cfg *config.Config, now time.Time) (path string, text []byte, err error) {
	if lang.ByCode(code) == nil {
		return "", nil, fmt.Errorf("-lang %s: not a language seutu knows (%s)", code, strings.Join(lang.Codes(), ", "))
	}
	if code == cfg.Language {
		return "", nil, fmt.Errorf("-lang %s is the site's default language: %s is already in it", code, orig.File)
	}
	if !slices.Contains(cfg.Languages, code) {
		return "", nil, fmt.Errorf("-lang %s: the site is not published in it; add %q to languages in content/site.toml first", code, code)
	}
	name, _ := sitefs.SplitLang(orig.File) // x.fi.md, as the web editor names it, is x.md
	path = strings.TrimSuffix(name, ".md") + "." + code + ".md"
	in := inFinnish[code]
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\n# Käännös %s sivusta %s.\n", in, orig.File)
	b.WriteString("# Tähän tulevat vain tekstit. Yhteiset tiedot (päivämäärät, viittaukset, jäsenet,\n")
	b.WriteString("# yhteyshenkilöt, luvut, tapahtuman ajat) tulevat alkuperäisestä: älä kirjoita niitä tähän.\n")
	b.WriteString("# Jätä tyhjäksi kenttä, jota et käännä: sivulla se jää silloin pois.\n")
	for _, f := range model.TextFields {
		if !f.Has(orig.Kind) {
			continue
		}
		vals := f.Values(orig)
		if len(vals) == 0 && f.Field != "title" && f.Field != "summary" {
			continue // the original has none: nothing to translate
		}
		if len(vals) > 0 {
			fmt.Fprintf(&b, "# Alkuperäinen: %s\n", oneLine(strings.Join(vals, "; ")))
		}
		switch {
		case f.List(orig):
			fmt.Fprintf(&b, "%s:\n", f.Field)
			for range vals {
				fmt.Fprintf(&b, "  - %s\n", yamlScalar(placeholder(in+".")))
			}
		default:
			fmt.Fprintf(&b, "%s: %s\n", f.Field, yamlScalar(placeholder(in+".")))
		}
	}
	b.WriteString("# Poista tämä rivi, kun käännös on valmis julkaistavaksi.\ndraft: true\n")
	fmt.Fprintf(&b, "updated: %s\n---\n", now.In(fi.Helsinki).Format(time.DateOnly))
	fmt.Fprintf(&b, "%s\n", placeholder("sivun teksti "+in+"."))
	return path, b.Bytes(), nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
