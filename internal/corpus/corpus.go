// Package corpus generates a site folder of any size in seutu's content
// model, deterministic from a seed, for benchmarks: the real site's mix of
// kinds, Finnish-like Markdown with headings, lists, tables and links
// between pages, a few very long pages, people, organisations and
// municipalities that the rest refer to, and events before and after now.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"seutu/internal/fi"
)

// Options say what to generate.
type Options struct {
	Pages int       // about how many content files
	Seed  uint64    // the same seed gives the same site
	Now   time.Time // events are spread around it

	// Translate lists languages (sv, en) that every page is translated
	// into, beside its original: a title, a summary and a body of their
	// own, as a translator writes them; the facts stay the original's.
	Translate []string
}

// File is one generated file.
type File struct {
	Path string // slash path from the site folder
	Data []byte
}

var words = strings.Fields(`kunta kaupunki verkosto yhteistyö hanke selvitys strategia maakunta
hyvinvointi terveys sivistys koulutus varhaiskasvatus viestintä elinvoima ilmasto energia
liikenne matkailu yrittäjyys työllisyys osaaminen kehittäminen tavoite toimenpide kokous
asukas päättäjä viranhaltija järjestö yhdistys seutu alue palvelu tieto tutkimus rahoitus
budjetti suunnitelma ohjelma arviointi kysely tilaisuus työpaja seminaari webinaari kirje
johtaja asiantuntija koordinaattori ryhmä foorumi ohjausryhmä kumppani toimija kylä keskus
pohjoinen eteläinen läntinen itäinen yhteinen uusi vanha pieni suuri tärkeä kestävä avoin`)

var verbs = strings.Fields(`kehittää edistää tukee kokoaa käsittelee suunnittelee arvioi
järjestää koordinoi vahvistaa parantaa selvittää tarjoaa yhdistää ohjaa seuraa`)

type gen struct {
	r    *rand.Rand
	opts Options
}

// Generate returns the files of a site of about opts.Pages pages.
func Generate(opts Options) []File {
	g := &gen{r: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), opts: opts}
	n := max(opts.Pages, 60)
	counts := map[string]int{
		"henkilot":      n * 8 / 100,
		"organisaatiot": n * 3 / 100,
		"verkostot":     n * 15 / 100,
		"hankkeet":      n * 10 / 100,
		"strategiat":    n * 2 / 100,
		"tietoa":        n * 2 / 100,
	}
	counts["ajankohtaista"] = n - 22 - counts["henkilot"] - counts["organisaatiot"] - counts["verkostot"] -
		counts["hankkeet"] - counts["strategiat"] - counts["tietoa"]
	files := []File{{"content/site.toml", []byte(siteTOML)}}
	for i, m := range municipalities {
		files = append(files, g.municipality(i, m))
	}
	for i := range counts["organisaatiot"] {
		files = append(files, g.organization(i))
	}
	for i := range counts["henkilot"] {
		files = append(files, g.person(i, counts["organisaatiot"]))
	}
	for i := range counts["verkostot"] {
		files = append(files, g.network(i, counts))
	}
	for i := range counts["hankkeet"] {
		files = append(files, g.project(i, counts))
	}
	for i := range counts["strategiat"] {
		files = append(files, g.strategy(i, counts))
	}
	for i := range counts["ajankohtaista"] {
		files = append(files, g.news(i, counts))
	}
	for i := range counts["tietoa"] {
		files = append(files, g.page(i, counts))
	}
	if len(opts.Translate) > 0 {
		files[0].Data = []byte(`languages = ["fi", "` + strings.Join(opts.Translate, `", "`) + `"]` + "\n" + siteTOML)
		for _, f := range files[1:] {
			for _, code := range opts.Translate {
				files = append(files, g.translation(f, code))
			}
		}
	}
	return files
}

// translation is a translation of f into language code: its own texts,
// and links where the original has them.
func (g *gen) translation(f File, code string) File {
	front := fmt.Sprintf("---\ntitle: %q\nsummary: %q\nupdated: 2026-04-01\n---\n", g.title(3)+" ("+code+")", g.sentence())
	return File{Path: strings.TrimSuffix(f.Path, ".md") + "." + code + ".md", Data: []byte(front + g.body(nil))}
}

// Write writes the files under dir.
func Write(dir string, files []File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) word() string { return words[g.r.IntN(len(words))] }

func (g *gen) title(n int) string {
	var w []string
	for range n {
		w = append(w, g.word())
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) sentence() string {
	s := g.title(1+g.r.IntN(2)) + " " + verbs[g.r.IntN(len(verbs))]
	for range 3 + g.r.IntN(8) {
		s += " " + g.word()
	}
	return s + "."
}

func (g *gen) paragraph() string {
	var s []string
	for range 2 + g.r.IntN(4) {
		s = append(s, g.sentence())
	}
	return strings.Join(s, " ")
}

// body writes Markdown with headings, lists, a table now and then, and
// links to other pages; one page in a hundred is very long.
func (g *gen) body(links []string) string {
	var b strings.Builder
	sections := 2 + g.r.IntN(3)
	if g.r.IntN(100) == 0 {
		sections = 60
	}
	for i := range sections {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", g.title(2+g.r.IntN(2)), g.paragraph())
		switch g.r.IntN(4) {
		case 0:
			for range 3 + g.r.IntN(3) {
				fmt.Fprintf(&b, "- %s\n", g.sentence())
			}
			b.WriteString("\n")
		case 1:
			b.WriteString("| Kunta | Asukkaita | Osuus |\n| --- | --: | --: |\n")
			for range 3 {
				fmt.Fprintf(&b, "| %s | %d | %d %% |\n", municipalities[g.r.IntN(len(municipalities))], 1000+g.r.IntN(90000), g.r.IntN(100))
			}
			b.WriteString("\n")
		}
		if len(links) > 0 && i < 3 {
			l := links[g.r.IntN(len(links))]
			fmt.Fprintf(&b, "Lue myös [%s](%s).\n\n", g.title(2), l)
		}
	}
	return b.String()
}

func (g *gen) pick(prefix string, n int) string {
	return fmt.Sprintf("%s-%d", prefix, g.r.IntN(max(n, 1)))
}

func (g *gen) links(counts map[string]int) []string {
	return []string{
		fmt.Sprintf("/verkostot/verkosto-%d/", g.r.IntN(counts["verkostot"])),
		fmt.Sprintf("../hankkeet/hanke-%d.md", g.r.IntN(counts["hankkeet"])),
		"/kunnat/" + fi.Slugify(municipalities[g.r.IntN(len(municipalities))]) + "/",
	}
}

func file(section, key, front, body string) File {
	return File{Path: "content/" + section + "/" + key + ".md", Data: []byte("---\n" + front + "---\n" + body)}
}

func (g *gen) municipality(i int, name string) File {
	typ := "kunta"
	if i < 6 {
		typ = "kaupunki"
	}
	return file("kunnat", fi.Slugify(name), fmt.Sprintf("title: %s\nsummary: %s\ntype: %s\nsubregion: %s seutukunta\nupdated: 2026-01-15\n",
		name, g.sentence(), typ, g.title(1)), g.paragraph()+"\n")
}

func (g *gen) organization(i int) File {
	return file("organisaatiot", fmt.Sprintf("organisaatio-%d", i), fmt.Sprintf("title: %s ry\nsummary: %s\ntype: yhdistys\n",
		g.title(2), g.sentence()), g.paragraph()+"\n")
}

func (g *gen) person(i, orgs int) File {
	return file("henkilot", fmt.Sprintf("henkilo-%d", i), fmt.Sprintf("title: %s %s\nsummary: %s\nrole: asiantuntija\norganization: %s\nphone: 040 %03d %04d\nemail: henkilo%d@example.fi\nupdated: 2026-02-01\n",
		g.title(1), g.title(1), g.sentence(), g.pick("organisaatio", orgs), g.r.IntN(1000), g.r.IntN(10000), i), "")
}

func (g *gen) network(i int, c map[string]int) File {
	members := []string{}
	for range 1 + g.r.IntN(8) {
		members = append(members, fi.Slugify(municipalities[g.r.IntN(len(municipalities))]))
	}
	front := fmt.Sprintf("title: %s verkosto %d\nsummary: %s\ncategory: %s\nscope: maakunnallinen\ncoordinator: %s\nchair: %s\nmembers: [%s]\ncadence: noin kerran kuukaudessa\nmeetings_per_year: 12\ncontacts: [%s]\ntags: [%s, %s]\nthemes: [%s]\nupdated: 2026-03-01\n",
		g.title(2), i, g.sentence(), categories[g.r.IntN(len(categories))], g.pick("organisaatio", c["organisaatiot"]),
		g.pick("henkilo", c["henkilot"]), strings.Join(dedupe(members), ", "), g.pick("henkilo", c["henkilot"]), g.word(), g.word(), themes[g.r.IntN(len(themes))])
	return file("verkostot", fmt.Sprintf("verkosto-%d", i), front, g.body(g.links(c)))
}

func (g *gen) project(i int, c map[string]int) File {
	start := time.Date(2015+g.r.IntN(12), time.Month(1+g.r.IntN(12)), 1, 0, 0, 0, 0, fi.Helsinki)
	end := start.AddDate(1+g.r.IntN(3), 0, -1)
	front := fmt.Sprintf("title: %s -hanke %d\nsummary: %s\ntype: hanke\nstart: %s\nend: %s\nadministrator: %s\nfunders: [%s]\nbudget: %d\ncontacts: [%s]\nthemes: [%s]\n",
		g.title(2), i, g.sentence(), start.Format("2006-01-02"), end.Format("2006-01-02"), g.pick("organisaatio", c["organisaatiot"]),
		g.pick("organisaatio", c["organisaatiot"]), 10000+g.r.IntN(900000), g.pick("henkilo", c["henkilot"]), themes[g.r.IntN(len(themes))])
	return file("hankkeet", fmt.Sprintf("hanke-%d", i), front, g.body(g.links(c)))
}

func (g *gen) strategy(i int, c map[string]int) File {
	front := fmt.Sprintf("title: %s -strategia %d\nsummary: %s\nadopted: %d-06\nperiod: 2021–2030\nowner: %s\nstatus: voimassa\nfocus_areas: [%s, %s]\n",
		g.title(2), i, g.sentence(), 2015+g.r.IntN(10), g.pick("organisaatio", c["organisaatiot"]), g.title(2), g.title(2))
	return file("strategiat", fmt.Sprintf("strategia-%d", i), front, g.body(g.links(c)))
}

func (g *gen) news(i int, c map[string]int) File {
	day := g.opts.Now.AddDate(0, 0, -g.r.IntN(8*365))
	front := fmt.Sprintf("title: %s\nsummary: %s\ndate: %s\ncategory: %s\nauthor: %s\ntags: [%s]\n",
		g.title(4), g.sentence(), day.Format("2006-01-02"), newsCategories[g.r.IntN(len(newsCategories))], g.pick("henkilo", c["henkilot"]), g.word())
	if g.r.IntN(3) == 0 {
		start := g.opts.Now.AddDate(0, 0, g.r.IntN(400)-200).Truncate(24 * time.Hour).Add(time.Duration(9+g.r.IntN(6)) * time.Hour)
		front += fmt.Sprintf("event:\n  start: %s\n  end: %s\n  location: %s\n  organizer: %s\n",
			start.In(fi.Helsinki).Format("2006-01-02T15:04"), start.Add(2*time.Hour).In(fi.Helsinki).Format("2006-01-02T15:04"),
			municipalities[g.r.IntN(len(municipalities))], g.pick("organisaatio", c["organisaatiot"]))
		if !day.Before(start) { // a news item comes out before its event
			front = strings.Replace(front, "date: "+day.Format("2006-01-02"), "date: "+start.AddDate(0, 0, -14).Format("2006-01-02"), 1)
		}
	}
	return file("ajankohtaista", fmt.Sprintf("uutinen-%d", i), front, g.body(g.links(c)))
}

func (g *gen) page(i int, c map[string]int) File {
	return file("tietoa", fmt.Sprintf("sivu-%d", i), fmt.Sprintf("title: %s\nsummary: %s\nweight: %d\n", g.title(3), g.sentence(), i), g.body(g.links(c)))
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

var municipalities = []string{"Jyväskylä", "Jämsä", "Keuruu", "Saarijärvi", "Viitasaari", "Äänekoski",
	"Hankasalmi", "Joutsa", "Kannonkoski", "Karstula", "Kinnula", "Kivijärvi", "Konnevesi", "Kyyjärvi",
	"Laukaa", "Luhanka", "Multia", "Muurame", "Petäjävesi", "Pihtipudas", "Toivakka", "Uurainen"}

var (
	categories     = []string{"Kuntajohto", "Hyvinvointi ja terveys", "Sivistys", "Viestintä", "Elinvoima"}
	newsCategories = []string{"Ajankohtaista", "Blogi", "Tiedotteet", "Tapahtumat"}
	themes         = []string{"Ilmasto", "Hyvä vointi", "Digitalous", "Elinvoima"}
)

const siteTOML = `title = "Testikorpus"
description = "Generoitu sivusto nopeusmittauksiin."
base_url = "https://korpus.example/"

[vocabularies]
network_categories = ["Kuntajohto", "Hyvinvointi ja terveys", "Sivistys", "Viestintä", "Elinvoima"]
news_categories = ["Ajankohtaista", "Blogi", "Tiedotteet", "Tapahtumat"]
themes = ["Ilmasto", "Hyvä vointi", "Digitalous", "Elinvoima"]
organization_types = ["yhdistys", "liitto", "kunta"]
`
