package lang

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"seutu/internal/fi"
)

// The site's own words: every text seutu shows a reader around the
// content (the layouts' headings and labels, section and list titles,
// filter labels, feed and calendar titles, the scripts' texts), keyed by
// its Finnish, so that a layout stays readable: {{t "Ota yhteyttä"}}.
// Words from content and from site.toml's vocabularies are not here.
//
// A row is one of:
//
//   - a text: {"Ota yhteyttä", "Kontakta oss", "Contact us"};
//   - a format with fmt verbs, for TextF: {"%s, sivu %d", "%s, sida %d", "%s, page %d"};
//   - a text around a piece of markup, %s where the markup goes, for
//     Around: {"Päivitetty %s.", "Uppdaterad %s.", "Updated %s."};
//   - a text that needs two translations where Finnish has one, told
//     apart by a context after @: {"Koordinoi@verkosto", "Koordinator", …}
//     shows "Koordinoi" in Finnish;
//   - a count, for Count: its forms one|other|none in each language,
//     keyed by the Finnish one: {"tapahtuma|tapahtumaa|Ei tapahtumia", …}.
//
// Swedish follows Finland-Swedish usage and the terms of Helsinki's and
// suomi.fi's Swedish pages, English British spelling and those sites'
// English terms. TestUITable holds the table to the layouts: every row
// complete in every language, every literal text of a layout in it, and no
// row unused.
var ui = [...]row{
	// The frame: header, menu, breadcrumbs, footer.
	{"Siirry sisältöön", "Hoppa till innehållet", "Skip to content"},
	{"Valikko", "Meny", "Menu"},
	{"Päävalikko", "Huvudmeny", "Main menu"},
	{"Murupolku", "Brödsmulor", "Breadcrumbs"},
	{"Etusivu", "Startsida", "Home"},
	{"Kieli", "Språk", "Language"},
	{"Yhteystiedot", "Kontaktuppgifter", "Contact details"},
	{"Puhelin", "Telefon", "Phone"},
	{"Sähköposti", "E-post", "Email"},
	{"Alatunniste", "Sidfot", "Footer"},
	{"Tietoa sivustosta", "Om webbplatsen", "About this site"},
	{"Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement"},
	{"Avainsanat", "Nyckelord", "Keywords"},
	{"Teemat", "Teman", "Themes"},
	{"fi_FI", "sv_FI", "en_GB"}, // the language as Open Graph's og:locale writes it

	// Kinds (model.Kinds): one page of a kind, and a section's default title.
	{"Verkosto", "Nätverk", "Network"},
	{"Hanke", "Projekt", "Project"},
	{"Strategia", "Strategi", "Strategy"},
	{"Ajankohtaista", "Aktuellt", "News"},
	{"Henkilö", "Person", "Person"},
	{"Organisaatio", "Organisation", "Organisation"},
	{"Kunta", "Kommun", "Municipality"},
	{"Sivu", "Sida", "Page"},
	{"Verkostot", "Nätverk", "Networks"},
	{"Hankkeet ja selvitykset", "Projekt och utredningar", "Projects and studies"},
	{"Strategiat ja ohjelmat", "Strategier och program", "Strategies and programmes"},
	{"Yhteyshenkilöt", "Kontaktpersoner", "Contact persons"},
	{"Organisaatiot", "Organisationer", "Organisations"},
	{"Kunnat", "Kommuner", "Municipalities"},
	{"Tapahtuma", "Evenemang", "Event"},
	{"Tapahtumat", "Evenemang", "Events"},

	// Counts.
	{"verkosto|verkostoa|Ei verkostoja", "nätverk|nätverk|Inga nätverk", "network|networks|No networks"},
	{"hanke|hanketta|Ei hankkeita", "projekt|projekt|Inga projekt", "project|projects|No projects"},
	{"strategia|strategiaa|Ei strategioita", "strategi|strategier|Inga strategier", "strategy|strategies|No strategies"},
	{"julkaisu|julkaisua|Ei julkaisuja", "publikation|publikationer|Inga publikationer", "news item|news items|No news items"},
	{"yhteyshenkilö|yhteyshenkilöä|Ei yhteyshenkilöitä", "kontaktperson|kontaktpersoner|Inga kontaktpersoner", "contact person|contact persons|No contact persons"},
	{"organisaatio|organisaatiota|Ei organisaatioita", "organisation|organisationer|Inga organisationer", "organisation|organisations|No organisations"},
	{"kunta|kuntaa|Ei kuntia", "kommun|kommuner|Inga kommuner", "municipality|municipalities|No municipalities"},
	{"sivu|sivua|Ei sivuja", "sida|sidor|Inga sidor", "page|pages|No pages"},
	{"tapahtuma|tapahtumaa|Ei tapahtumia", "evenemang|evenemang|Inga evenemang", "event|events|No events"},
	{"teema|teemaa|Ei teemoja", "tema|teman|Inga teman", "theme|themes|No themes"},
	{"avainsana|avainsanaa|Ei avainsanoja", "nyckelord|nyckelord|Inga nyckelord", "keyword|keywords|No keywords"},
	{"asukas|asukasta|Ei asukkaita", "invånare|invånare|Inga invånare", "resident|residents|No residents"},

	// Lists and paging.
	{"%s, sivu %d", "%s, sida %d", "%s, page %d"},
	{"Sivut", "Sidor", "Pages"},
	{"Edellinen sivu", "Föregående sida", "Previous page"},
	{"Seuraava sivu", "Nästa sida", "Next page"},
	{"Kaikki", "Alla", "All"},
	{"Luokat", "Kategorier", "Categories"},
	{"Vuodet", "År", "Years"},
	{"Ajankohtaisten arkisto", "Arkiv för aktuellt", "News archive"},
	{"%s vuodelta %s.", "%s från år %s.", "%s from %s."},
	{"Muut verkostot", "Övriga nätverk", "Other networks"},
	{"Käynnissä olevat", "Pågående", "Ongoing"},
	{"Suunnitteilla olevat", "Planerade", "Planned"},
	{"Päättyneet", "Avslutade", "Ended"},
	{"Voimassa olevat", "Gällande", "In force"},
	{"Päivitettävänä", "Under uppdatering", "Being updated"},
	{"Muut", "Övriga", "Other"},

	// The home page.
	{"Tutustu", "Bekanta dig", "Explore"},
	{"Kaikki ajankohtaiset asiat", "Allt aktuellt", "All news"},
	{"Ei ajankohtaisia asioita.", "Inget aktuellt.", "No news."},
	{"Kaikki tapahtumat", "Alla evenemang", "All events"},

	// Events.
	{"Tulevat ja menneet tapahtumat kuntien yhteistyöstä Keski-Suomessa.",
		"Kommande och tidigare evenemang om kommunernas samarbete i Mellersta Finland.",
		"Upcoming and past events on municipal cooperation in Central Finland."},
	{"Tapahtumat %s", "Evenemang %s", "Events %s"},
	{"Menneet tapahtumat vuodelta %s.", "Tidigare evenemang från år %s.", "Past events from %s."},
	{"Tilaa tapahtumakalenteri", "Prenumerera på evenemangskalendern", "Subscribe to the events calendar"},
	{"(iCalendar-syöte kalenterisovellukseen)", "(iCalendar-flöde för kalenderappar)", "(iCalendar feed for calendar apps)"},
	{"Tulevat tapahtumat", "Kommande evenemang", "Upcoming events"},
	{"Ei tulevia tapahtumia.", "Inga kommande evenemang.", "No upcoming events."},
	{"Menneet tapahtumat", "Tidigare evenemang", "Past events"},
	{"Ei menneitä tapahtumia.", "Inga tidigare evenemang.", "No past events."},
	{"Kaikki menneet tapahtumat vuosittain", "Alla tidigare evenemang per år", "All past events by year"},
	{"Aika", "Tid", "Time"},
	{"Paikka", "Plats", "Place"},
	{"ja verkossa", "och på nätet", "and online"},
	{"Verkkotapahtuma", "Evenemang på nätet", "Online event"},
	{"Verkossa", "På nätet", "Online"},
	{"Osallistuminen myös verkossa", "Det går också att delta på nätet", "You can also take part online"},
	{"Järjestäjä", "Arrangör", "Organiser"},
	{"Järjestäjät", "Arrangörer", "Organisers"},
	{"Tapahtuman tiedot", "Information om evenemanget", "Event details"},
	{"Tapahtuma on päättynyt.", "Evenemanget har avslutats.", "The event has ended."},
	{"Ilmoittautuminen", "Anmälan", "Registration"},
	{"Ilmoittautuminen viimeistään", "Anmälan senast", "Register by"},
	{"Ilmoittautuminen päättynyt", "Anmälan har avslutats", "Registration closed"},
	{"Tapahtuman tarkat päivät eivät ole tiedossa, joten sitä ei voi lisätä kalenteriin.",
		"Evenemangets exakta datum är inte kända, så det kan inte läggas till i en kalender.",
		"The exact days of the event are not known, so it cannot be added to a calendar."},
	{"Lisää kalenteriin", "Lägg till i kalendern", "Add to calendar"},
	{"(.ics-tiedosto)", "(.ics-fil)", "(.ics file)"},
	{"%s: tapahtumat", "%s: evenemang", "%s: events"},

	// News.
	{"(tarkka päivä ei tiedossa)", "(exakt datum okänt)", "(exact day not known)"},
	{"Kirjoittaja", "Skribent", "Author"},

	// Facts of pages.
	{"Perustiedot", "Grunduppgifter", "Key facts"},
	{"Lisätiedot", "Mer information", "More information"},
	{"Ota yhteyttä", "Kontakta oss", "Contact us"},
	{"Hankkeen yhteyshenkilöt", "Projektets kontaktpersoner", "Project contacts"},
	{"Selvityksen yhteyshenkilöt", "Utredningens kontaktpersoner", "Study contacts"},
	{"Hanke on päättynyt", "Projektet har avslutats", "The project has ended"},
	{"Selvitys on päättynyt", "Utredningen har avslutats", "The study has ended"},
	{"Hanke päättyi %s", "Projektet avslutades %s", "The project ended %s"},
	{"Selvitys päättyi %s", "Utredningen avslutades %s", "The study ended %s"},
	{"Yhteystiedot ovat sen ajalta, eivätkä ne välttämättä ole enää voimassa.",
		"Kontaktuppgifterna är från den tiden och gäller inte nödvändigtvis längre.",
		"The contact details are from that time and may no longer be valid."},
	{"Katso myös", "Se även", "See also"},
	{"Aiheet", "Ämnen", "Topics"},
	{"Päivitetty %s.", "Uppdaterad %s.", "Updated %s."},
	{"Tiedot tarkistettu %s.", "Uppgifterna kontrollerade %s.", "Facts checked %s."},
	{"Verkkosivut", "Webbplats", "Website"},
	{"Koordinoi@verkosto", "Koordinator", "Coordinator"}, // a network's fact: who coordinates it
	{"Koordinoi", "Koordinerar", "Coordinates"},          // an organisation's: what it coordinates
	{"Kokoontuu", "Sammanträder", "Meets"},
	{"Laajuus", "Omfattning", "Scope"},
	{"Kausi", "Period", "Period"},
	{"Tyyppi", "Typ", "Type"},
	{"Tila", "Status", "Status"},
	{"Luokka", "Kategori", "Category"},
	{"Järjestää", "Arrangerar", "Organises"},
	{"Puheenjohtaja", "Ordförande", "Chair"},
	{"Kokouksia vuodessa", "Möten per år", "Meetings a year"},
	{"Toiminut vuodesta", "Verksamt sedan", "Active since"},
	{"Jäsenkunnat", "Medlemskommuner", "Member municipalities"},
	{"Osallistujat", "Deltagare", "Participants"},
	{"Kuuluu verkostoon", "Del av nätverket", "Part of the network"},
	{"Alaryhmät", "Undergrupper", "Subgroups"},
	{"Ohjaa strategioita", "Styr strategier", "Steers strategies"},
	{"Seutukunta", "Ekonomisk region", "Sub-region"},
	{"Asukasluku", "Invånarantal", "Population"},
	{"(vuoden %d lopussa)", "(vid utgången av %d)", "(at the end of %d)"},
	{"Kuntien asukasluvut vuoden lopussa julkaisee Tilastokeskus %s.",
		"Statistikcentralen publicerar kommunernas invånarantal vid årets slut i %s.",
		"Statistics Finland publishes the municipalities' populations at the end of each year in its %s."},
	{"väestörakennetilastossaan", "statistiken över befolkningsstrukturen", "population structure statistics"},
	{"Verkostot, joissa kunta on mukana", "Nätverk som kommunen deltar i", "Networks the municipality takes part in"},
	{"Hankkeet", "Projekt", "Projects"},
	{"Lyhenne", "Förkortning", "Abbreviation"},
	{"Hallinnoi", "Administrerar", "Administers"},
	{"Rahoittaa", "Finansierar", "Funds"},
	{"Kumppanina", "Partner i", "Partner in"},
	{"Vastaa strategioista", "Ansvarar för strategier", "Responsible for strategies"},
	{"Henkilöt", "Personer", "People"},
	{"Tehtävä", "Uppgift", "Role"},
	{"Vastuualueet", "Ansvarsområden", "Areas of responsibility"},
	{"Puheenjohtajana", "Ordförande för", "Chair of"},
	{"Yhteyshenkilönä", "Kontaktperson för", "Contact person for"},
	{"Kirjoittanut", "Har skrivit", "Author of"},
	{"Kesto", "Varaktighet", "Duration"},
	{"%s alkaen", "från %s", "from %s"},
	{"päättyi %s", "avslutades %s", "ended %s"},
	{"päättyy %s", "avslutas %s", "ends %s"},
	{"Hallinnoija", "Administratör", "Administrator"},
	{"Rahoittajat", "Finansiärer", "Funders"},
	{"Kumppanit", "Partner", "Partners"},
	{"Mukana olevat kunnat", "Deltagande kommuner", "Municipalities taking part"},
	{"Budjetti", "Budget", "Budget"},
	{"Hyväksytty", "Godkänd", "Adopted"},
	{"Päivitetty", "Uppdaterad", "Updated"},
	{"Vastuutaho", "Ansvarig", "Responsible body"},
	{"Ohjausryhmä", "Styrgrupp", "Steering group"},
	{"Painopisteet", "Prioriteringar", "Focus areas"},
	{"Asiakirjat", "Dokument", "Documents"},

	// The network directory and its filters.
	{"Suodata verkostoja", "Filtrera nätverk", "Filter networks"},
	{"Nimi", "Namn", "Name"},
	{"Kaikki luokat", "Alla kategorier", "All categories"},
	{"Kaikki laajuudet", "Alla omfattningar", "All scopes"},
	{"Koordinoija", "Koordinator", "Coordinator"},
	{"Kaikki koordinoijat", "Alla koordinatorer", "All coordinators"},
	{"Jäsenkunta", "Medlemskommun", "Member municipality"},
	{"Kaikki kunnat", "Alla kommuner", "All municipalities"},
	{"Jäsenkunnan mukaan näytetään verkostot, jotka luettelevat kunnan jäsenekseen. Verkostot, joiden jäsenkuntia ei ole lueteltu, kerrotaan luettelon lopussa.",
		"Med en medlemskommun visas de nätverk som anger kommunen som medlem. Nätverk som inte anger sina medlemskommuner nämns i slutet av listan.",
		"By member municipality, the networks that list the municipality as a member are shown. Networks that do not list their member municipalities are named at the end of the list."},
	{"Näytä verkostot", "Visa nätverk", "Show networks"},
	{"Tyhjennä suodattimet", "Töm filtren", "Clear filters"},
	{"Verkostot, joiden jäsenkuntia ei ole lueteltu", "Nätverk vars medlemskommuner inte anges", "Networks that do not list their member municipalities"},
	{"Nämä verkostot eivät luettele jäsenkuntiaan, joten ne eivät näy kuntasuodattimella. Ne voivat koskea myös valittua kuntaa: katso verkoston sivulta, keitä se kokoaa.",
		"Dessa nätverk anger inte sina medlemskommuner, så de syns inte med kommunfiltret. De kan gälla också den valda kommunen: se nätverkets sida för vilka det samlar.",
		"These networks do not list their member municipalities, so the municipality filter does not show them. They may include the chosen municipality too: see the network's page for whom it brings together."},
	{"Yhteyshenkilö", "Kontaktperson", "Contact person"},
	// The directory script's (ScriptTexts), {n} the count.
	{"Ei verkostoja valituilla suodattimilla", "Inga nätverk med de valda filtren", "No networks match the chosen filters"},
	{"Näytetään 1 verkosto", "1 nätverk visas", "Showing 1 network"},
	{"Näytetään {n} verkostoa", "{n} nätverk visas", "Showing {n} networks"},
	{". Lisäksi 1 verkosto ei luettele jäsenkuntiaan (luettelon lopussa)",
		". Dessutom anger 1 nätverk inte sina medlemskommuner (i slutet av listan)",
		". Also, 1 network does not list its member municipalities (at the end of the list)"},
	{". Lisäksi {n} verkostoa ei luettele jäsenkuntiaan (luettelon lopussa)",
		". Dessutom anger {n} nätverk inte sina medlemskommuner (i slutet av listan)",
		". Also, {n} networks do not list their member municipalities (at the end of the list)"},

	// Search: the page, the header's field and the search script's texts
	// (ScriptTexts), {q} the query and {n} a count.
	{"Haku", "Sökning", "Search"},
	{"Hae sivuston verkostoista, hankkeista, strategioista ja uutisista.",
		"Sök bland webbplatsens nätverk, projekt, strategier och nyheter.",
		"Search the site's networks, projects, strategies and news."},
	{"Hae sivustolta", "Sök på webbplatsen", "Search the site"},
	{"Hae", "Sök", "Search"},
	{"Voit kirjoittaa sanat missä muodossa tahansa: esimerkiksi ”kunnanjohtajat” löytää myös kunnanjohtajakokoukset.",
		"Du kan skriva orden i vilken form som helst: till exempel ”kommunerna” hittar också kommun.",
		"You can type words in any form: for example, ‘managers’ also finds manager."},
	{"Haku tarvitsee JavaScriptin, joka on selaimestasi pois päältä. Voit etsiä sivuja myös",
		"Sökningen behöver JavaScript, som är avstängt i din webbläsare. Du kan också hitta sidor",
		"Search needs JavaScript, which is turned off in your browser. You can also find pages"},
	{"teemoittain", "efter tema", "by theme"},
	{"tai", "eller", "or"},
	{"avainsanoittain", "efter nyckelord", "by keyword"},
	{"etusivulta", "från startsidan", "from the home page"},
	{"Haulla ”{q}” ei löytynyt sivuja.", "Sökningen ”{q}” gav inga sidor.", "No pages found for ‘{q}’."},
	{"Haulla ”{q}” löytyi 1 sivu", "Sökningen ”{q}” gav 1 sida", "1 page found for ‘{q}’"},
	{"Haulla ”{q}” löytyi {n} sivua", "Sökningen ”{q}” gav {n} sidor", "{n} pages found for ‘{q}’"},
	{", näytetään {n} parasta", ", de {n} bästa visas", ", showing the best {n}"},
	{"Haku ei nyt toimi: hakemistoa ei saatu ladattua.", "Sökningen fungerar inte just nu: indexet kunde inte laddas.",
		"Search is not working right now: the index could not be loaded."},
	{"Uutinen", "Nyhet", "News item"},

	// Tags and themes.
	{"Sivut, joilla on avainsana ”%s”.", "Sidor med nyckelordet ”%s”.", "Pages with the keyword ‘%s’."},
	{"Sivut, joilla on teema ”%s”.", "Sidor med temat ”%s”.", "Pages with the theme ‘%s’."},
	{"Kaikki avainsanat", "Alla nyckelord", "All keywords"},
	{"Kaikki teemat", "Alla teman", "All themes"},
	{"Sivuston sisältö avainsanoittain.", "Webbplatsens innehåll efter nyckelord.", "The site's content by keyword."},
	{"Sivuston sisältö teemoittain.", "Webbplatsens innehåll efter tema.", "The site's content by theme."},

	// The page for a missing address, and a redirect's.
	{"Sivua ei löytynyt", "Sidan hittades inte", "Page not found"},
	{"Hakemaasi sivua ei löytynyt. Sivu on voitu poistaa tai siirtää, tai osoitteessa voi olla kirjoitusvirhe.",
		"Sidan du söker hittades inte. Den kan ha tagits bort eller flyttats, eller så finns det ett skrivfel i adressen.",
		"The page you are looking for was not found. It may have been removed or moved, or the address may have a typo."},
	{"Jatka näistä", "Fortsätt härifrån", "Continue from here"},
	{"Sivu on siirtynyt", "Sidan har flyttats", "This page has moved"},
	{"Sivu on siirtynyt osoitteeseen %s.", "Sidan har flyttats till %s.", "This page has moved to %s."},

	// Built-in vocabulary values, which reach {{t .}} as data: a network's
	// scope, a project's type and status, a strategy's status, a
	// municipality's type. The stored values stay Finnish.
	{"seudullinen", "regional", "sub-regional"},
	{"maakunnallinen", "landskapsomfattande", "regional"},
	{"valtakunnallinen", "riksomfattande", "national"},
	{"hanke", "projekt", "project"},
	{"selvitys", "utredning", "study"},
	{"suunnitteilla", "planerat", "planned"},
	{"käynnissä", "pågående", "ongoing"},
	{"päättynyt", "avslutat", "ended"},
	{"voimassa", "gällande", "in force"},
	{"päivitettävänä", "under uppdatering", "being updated"},
	{"kaupunki", "stad", "town"},
	{"kunta", "kommun", "municipality"},
}

// EachText calls fn with every row of the table, in its order: a text,
// a format or a count (one|other|none) in Finnish, Swedish and English.
func EachText(fn func(fi, sv, en string)) {
	for _, r := range ui {
		fn(r.fi, r.sv, r.en)
	}
}

// row is one text of ui in Finnish, Swedish and English.
type row struct{ fi, sv, en string }

// texts are a language's ui: its texts and formats by their Finnish, and
// its counts' forms by the Finnish singular.
type texts struct {
	text   map[string]string
	counts map[string][3]string // one, other, none
	around map[string]*Around   // the texts with a %s, split at it
}

var tables = func() map[*Lang]*texts {
	out := map[*Lang]*texts{}
	for _, l := range All {
		t := &texts{text: map[string]string{}, counts: map[string][3]string{}, around: map[string]*Around{}}
		for _, r := range ui {
			s := r.in(l.Code)
			if key, _, ok := strings.Cut(r.fi, "|"); ok {
				var forms [3]string
				copy(forms[:], strings.SplitN(s, "|", 3))
				t.counts[key] = forms
				continue
			}
			t.text[r.fi] = s
			if before, after, ok := strings.Cut(s, "%s"); ok {
				t.around[r.fi] = &Around{before, after}
			}
		}
		out[l] = t
	}
	return out
}()

func (r row) in(code string) string {
	switch code {
	case "sv":
		return r.sv
	case "en":
		return r.en
	}
	return r.fi
}

// Or is l, or Finnish when l is nil: a site resolved without a language.
func Or(l *Lang) *Lang {
	if l == nil {
		return Finnish
	}
	return l
}

// T returns the UI text fi in l. A text the table does not have (a site's
// own layout's) is returned as written.
func (l *Lang) T(fi string) string {
	if l == Finnish || l == nil {
		if i := strings.IndexByte(fi, '@'); i >= 0 {
			return fi[:i] // "Koordinoi@verkosto": a text that two places translate apart
		}
		return fi
	}
	if s, ok := tables[l].text[fi]; ok {
		return s
	}
	return fi
}

// TextF formats the UI format fi, in l, with args: TextF("%s, sivu %d",
// "Ajankohtaista", 2).
func (l *Lang) TextF(fi string, args ...any) string { return fmt.Sprintf(l.T(fi), args...) }

// Count says how many of key there are, in l: "2 tapahtumaa", "2
// evenemang", "2 events"; "1 tapahtuma"; none, "Ei tapahtumia". key is
// the Finnish singular of a count of the table; for one it does not have,
// the count and the key.
func (l *Lang) Count(n int, key string) string {
	l = Or(l)
	forms, ok := tables[l].counts[key]
	if !ok {
		return l.Number(n) + " " + key
	}
	return l.Plural(n, forms[0], forms[1], forms[2])
}

// Plural is package fi's Plural with l's numbers: the count and one, or
// many, or none for zero.
func (l *Lang) Plural(n int, one, many, none string) string {
	switch n {
	case 0:
		return none
	case 1:
		return "1 " + one
	}
	return Or(l).Number(n) + " " + many
}

// Around is a UI text that goes around a piece of markup (a <time>, a
// link), %s in the table where it goes: the text before and after it in
// l. {{$w := tw "Päivitetty %s."}}{{$w.Before}}<time>…</time>{{$w.After}}.
// The table's are split once, not on every page.
func (l *Lang) Around(fi string) *Around {
	if w, ok := tables[Or(l)].around[fi]; ok {
		return w
	}
	before, after, _ := strings.Cut(l.T(fi), "%s")
	return &Around{before, after}
}

// Around is the text before and after a piece of markup.
type Around struct{ Before, After string }

// ScriptTexts are the texts a script of assets/js shows, as the JSON the
// layouts write into its data-texts attribute: for "directory", the
// filters' counts, {n} where the number goes; for "search", the search
// page's status texts, {q} where the query goes. A script with no texts
// gets "{}".
func (l *Lang) ScriptTexts(script string) string {
	var m map[string]string
	switch script {
	case "directory":
		m = map[string]string{
			"none":          l.T("Ei verkostoja valituilla suodattimilla"),
			"one":           l.T("Näytetään 1 verkosto"),
			"other":         l.T("Näytetään {n} verkostoa"),
			"unlistedOne":   l.T(". Lisäksi 1 verkosto ei luettele jäsenkuntiaan (luettelon lopussa)"),
			"unlistedOther": l.T(". Lisäksi {n} verkostoa ei luettele jäsenkuntiaan (luettelon lopussa)"),
		}
	case "search":
		m = map[string]string{
			"none":  l.T("Haulla ”{q}” ei löytynyt sivuja."),
			"one":   l.T("Haulla ”{q}” löytyi 1 sivu"),
			"other": l.T("Haulla ”{q}” löytyi {n} sivua"),
			"best":  l.T(", näytetään {n} parasta"),
			"error": l.T("Haku ei nyt toimi: hakemistoa ei saatu ladattua."),
		}
	}
	b, _ := json.Marshal(m) // map keys sorted: the same bytes every build
	if m == nil {
		return "{}"
	}
	return string(b)
}

// Locale is l as Open Graph writes it: fi_FI, sv_FI, en_GB. (The
// layouts write {{t "fi_FI"}}, which costs a page nothing.)
func (l *Lang) Locale() string { return l.T("fi_FI") }

// Clock is the time of day without a prefix: 13.00 in Finnish and
// Swedish, 13:00 in English.
func (l *Lang) Clock(t time.Time) string {
	if Or(l).Code == "en" {
		return t.In(fi.Helsinki).Format("15:04")
	}
	return fi.Clock(t)
}

// DateTime is a day and its time: 24.4.2023 klo 13.00, 24.4.2023 kl.
// 13.00, 24 April 2023, 13:00.
func (l *Lang) DateTime(t time.Time) string {
	l = Or(l)
	sep := " "
	if l.Code == "en" {
		sep = ", "
	}
	return l.Date(t) + sep + l.Time(t)
}

// Decimal is package fi's Decimal in l: 3,5 in Finnish and Swedish, 3.5
// in English.
func (l *Lang) Decimal(f float64, decimals int) string {
	s := fi.Decimal(f, decimals)
	if Or(l).Code == "en" {
		s = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, ",", "."), "\u00a0", ","), "−", "-")
	}
	return s
}

// Euros is an amount in euros: 116 475 € in Finnish and Swedish, €116,475
// in English.
func (l *Lang) Euros(n int) string {
	l = Or(l)
	if l.Code == "en" {
		if n < 0 {
			return "-€" + l.Number(-n)
		}
		return "€" + l.Number(n)
	}
	return fi.Euros(n)
}

// NewCollation returns an empty collation in l's alphabetical order:
// Finnish and Swedish put å, ä and ö after z, English sorts ä with a.
func (l *Lang) NewCollation() *fi.Collation { return fi.NewCollationIn(Or(l).Tag) }
