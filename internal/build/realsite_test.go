package build

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
)

var (
	tags   = regexp.MustCompile(`(?s)<[^>]*>`)
	spaces = regexp.MustCompile(`[\s\x{00a0}]+`)
	before = regexp.MustCompile(` ([,.;:)])`)
)

// visibleText is what a reader sees of a page: tags removed, entities
// decoded, every run of white space (no-break spaces too) made one space.
func visibleText(page []byte) string {
	s := tags.ReplaceAllString(string(page), " ")
	s = html.UnescapeString(s)
	s = spaces.ReplaceAllString(s, " ")
	return before.ReplaceAllString(s, "$1") // "<a>x</a>, y" reads "x, y"
}

// TestRealSiteCarriesTheSeedsFacts builds the repository's own content and
// checks that the key facts of the source documents are on the right pages.
func TestRealSiteCarriesTheSeedsFacts(t *testing.T) {
	rep, files := buildInMemory(t, os.DirFS("../.."))
	if rep.Failed() {
		t.Fatalf("the real content does not build:\n%v", rep.Diags)
	}
	facts := map[string][]string{
		"verkostot/kunnanjohtajakokoukset/index.html": {
			"Puheenjohtaja Matti Mäkinen, Hankasalmen kunnanjohtaja", "Koordinoi Keski-Suomen liitto",
			"Kirsi Mukkala", "Kokoontuu Kuukausittain",
		},
		"verkostot/alueellinen-hyte-verkosto/index.html":                           {"noin joka toinen kuukausi", "Susanna Mutanen", "Heidi Kervinen", "Hyvinvointialue Keski-Suomi"},
		"verkostot/hyte-kuntafoorumi/index.html":                                   {"3–4 kertaa vuodessa", "Anu Kinnunen", "Heidi Kervinen"},
		"verkostot/sivistysjohtajien-verkosto/index.html":                          {"Kokoontuu Noin kerran kuukaudessa", "Kari Pirinen", "Valtteri Paakki", "Koordinoi Keski-Suomen liitto"},
		"verkostot/varhaiskasvatusjohtajien-verkosto/index.html":                   {"noin viisi kertaa vuodessa", "Koordinoi Jyväskylän kaupunki", "Kari Pirinen"},
		"verkostot/maakunnan-viestintaverkosto/index.html":                         {"noin kerran kahdessa kuukaudessa", "Jenni Isopahkala", "KOSKE", "Keski-Suomen Yhteisöjen Tuki ry"},
		"verkostot/kauppakamarin-viestintavaliokunta/index.html":                   {"Suvi Vuojolainen", "Viivi Sakkara", "Keski-Suomen kauppakamari"},
		"verkostot/keski-suomi-liikkuu-viestintaryhma/index.html":                  {"Petri Lehtoranta", "Sanna-Riikka Koponen", "Keski-Suomen Liikunta ry"},
		"verkostot/kaupunkipoliittinen-tyoryhma/index.html":                        {"Toiminut vuodesta 2005", "viisi kertaa vuodessa"},
		"verkostot/suurten-kaupunkien-verkosto/index.html":                         {"Minna Karhunen, Kuntaliiton toimitusjohtaja", "Kokkola", "Kajaani", "50 000"},
		"verkostot/seutukaupunkiverkosto/index.html":                               {"57"},
		"verkostot/kehyskuntaverkosto/index.html":                                  {"Toiminut vuodesta 2015", "44", "873 000"},
		"verkostot/pienten-kuntien-verkosto/index.html":                            {"Toiminut vuodesta 2019", "159", "608 371", "10 000"},
		"verkostot/ruotsinkielisten-ja-kaksikielisten-kuntien-verkosto/index.html": {"Toiminut vuodesta 2020", "49", "16", "33"},
		"verkostot/ict-strategian-ohjausryhma/index.html":                          {"ICT"},
		"verkostot/sydansuomessa-kuntatiimi/index.html":                            {"Kuntatiimi"},
		"verkostot/sydansuomessa-kehittajatiimi/index.html":                        {"JAMK", "Poke"},
		"henkilot/kirsi-mukkala/index.html": {
			"Aluekehitysasiantuntija", "040 595 0002", "kirsi.mukkala@keskisuomi.fi",
			"Keski-Suomen kunnanjohtajakokoukset",
		},
		"henkilot/matti-makinen/index.html":   {"Puheenjohtajana", "Keski-Suomen kunnanjohtajakokoukset"},
		"henkilot/anne-astikainen/index.html": {"050 3440 429", "anne.astikainen@kyt.fi"},
		"henkilot/anu-hatinen/index.html":     {"050 599 6293", "anu.hatinen@kyt.fi"},
		"hankkeet/keski-suomen-vaikuttavat-jarjestot/index.html": {
			"1.8.2017–31.12.2020", "STEA", "Keski-Suomen Yhteisöjen Tuki ry", "Anne Astikainen", "Anu Hätinén",
		},
		"hankkeet/keski-suomen-ict-strategian-toteutus/index.html":                     {"31.5.2015"},
		"strategiat/keski-suomen-ict-strategia/index.html":                             {"Hyväksytty tammikuu 2011", "Päivitetty 2013", "27.10.2016", "31.5.2015"},
		"strategiat/sydansuomessa-aluestrategia/index.html":                            {"Puhtia ennakointiin", "Sykettä yrittäjätoimintaan", "28 000", "Kuntatiimi", "Kehittäjätiimi"},
		"strategiat/hiilineutraali-keski-suomi-2030/index.html":                        {"23. syyskuuta 2022", "Ilmasto2030"},
		"strategiat/keski-suomen-strategia-2025-2050/index.html":                       {"3. joulukuuta 2021"},
		"kunnat/hankasalmi/index.html":                                                 {"kunnanjohtajakokousten puheenjohtaja", "Jyväskylän seutukunta"},
		"kunnat/jyvaskyla/index.html":                                                  {"147 821 asukasta", "suurten kaupunkien verkoston"},
		"kunnat/kinnula/index.html":                                                    {"1 523"},
		"organisaatiot/keski-suomen-liitto/index.html":                                 {"Koordinoi", "Sivistysjohtajien verkosto"},
		"ajankohtaista/2023-04-24-kurkistus-kuntien-ilmastotyohon/index.html":          {"24.4.2023", "Blogi"},
		"ajankohtaista/2022-08-11-kuntien-ilmastotyowebinaari/index.html":              {"11.8.2022", "ke 24.8.2022"},
		"ajankohtaista/2018-tulevaisuuden-kunta-jarjestot-mukana/index.html":           {"ke 28.2.2018", "SOSTE", "Kuntaliitto", "Suomen Punainen Risti"},
		"ajankohtaista/2018-kysely-kuntien-yhteistyosta-jarjestojen-kanssa/index.html": {"28.2.2018"},
		"ajankohtaista/2018-ensimmainen-kuntakirje/index.html":                         {"tammi–helmikuu 2018"},
		"ajankohtaista/2018-alueelliset-elinvoimapaikat/index.html":                    {"huhti–toukokuu 2018"},
		"etapalvelut/index.html":                                                       {"15"},
		"saavutettavuusseloste/index.html":                                             {"306/2019", "14 päivän", "Traficom", "saavutettavuus@traficom.fi", "029 534 5000"},
	}
	for page, want := range facts {
		t.Run(page, func(t *testing.T) {
			data, ok := files[page]
			if !ok {
				t.Fatalf("no page %s", page)
			}
			text := visibleText(data)
			for _, f := range want {
				if !strings.Contains(text, f) {
					t.Errorf("lacks %q", f)
				}
			}
		})
	}
	// The accessibility statement is reachable from every page, in the
	// page's language (the site has it in all three). An alias's redirect
	// stub is no page a reader stays on: it forwards at once; the web
	// editor's page at /admin/ is the editors' tool, not the site's.
	for name, data := range files {
		redirect := strings.Contains(string(data), `http-equiv="refresh"`) || strings.HasPrefix(name, "admin/")
		statement := `href="/saavutettavuusseloste/"`
		for _, code := range []string{"sv", "en"} {
			if strings.HasPrefix(name, code+"/") {
				statement = `href="/` + code + `/saavutettavuusseloste/"`
			}
		}
		if strings.HasSuffix(name, ".html") && !redirect && !strings.Contains(string(data), statement) {
			t.Errorf("%s has no link to the accessibility statement", name)
		}
	}
}
