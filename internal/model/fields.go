package model

import (
	"fmt"
	"slices"

	"seutu/internal/config"
)

// This file is the front matter schema: every field of every kind, with
// its type, whether seutu requires it, its Finnish label and hint, and
// whether a translation file carries it. The web editor's configuration
// (`seutu cms`) is generated from it, and tests hold it to the two other
// places that know the fields: load's decoding tables (the same names,
// each accepting the values its type says and refusing the others) and the
// skeletons of `seutu new` (the same fields, each comment beginning with
// the hint). Load keeps its own tables of decoding functions, since each
// fills a typed struct field; the tests make the two agree both ways, so a
// field added to one without the other fails at once.

// FieldType is what a front matter field holds, as load decodes it.
type FieldType string

const (
	TypeText         FieldType = "text"          // one line or paragraph of text
	TypeTexts        FieldType = "texts"         // a list of texts (a single value is a list of one)
	TypeBool         FieldType = "bool"          // true or false
	TypeInt          FieldType = "int"           // a whole number
	TypeNumber       FieldType = "number"        // a number with decimals
	TypeYear         FieldType = "year"          // a year, 1000–9999
	TypeDate         FieldType = "date"          // YYYY-MM-DD
	TypePartialDate  FieldType = "partial-date"  // YYYY-MM-DD, YYYY-MM or YYYY
	TypePartialDates FieldType = "partial-dates" // a list of partial dates
	TypeRoughDate    FieldType = "rough-date"    // a partial date, or a span of months YYYY-MM/YYYY-MM
	TypeMoment       FieldType = "moment"        // YYYY-MM-DDTHH:MM in Helsinki, or YYYY-MM-DD
	TypeRoughMoment  FieldType = "rough-moment"  // a moment, or a month YYYY-MM
	TypeURL          FieldType = "url"           // an http(s) address
	TypePhone        FieldType = "phone"         // a phone number
	TypeEmail        FieldType = "email"         // an e-mail address
	TypeSlug         FieldType = "slug"          // a URL segment: a–z, 0–9 and hyphens
	TypeAliases      FieldType = "aliases"       // a list of old paths on this site
	TypeChoice       FieldType = "choice"        // one of Values, fixed by the model
	TypeVocabulary   FieldType = "vocabulary"    // one value of site.toml's vocabulary Vocabulary
	TypeVocabularies FieldType = "vocabularies"  // values of site.toml's vocabulary Vocabulary
	TypeRef          FieldType = "ref"           // the file name of a page of kind Target
	TypeRefs         FieldType = "refs"          // file names of pages of kind Target
	TypeRelated      FieldType = "related"       // folder/name of any pages
	TypeRefOrText    FieldType = "ref-or-text"   // a file name of a page of kind Target, or text
	TypeRefsOrText   FieldType = "refs-or-text"  // a list of those
	TypeObject       FieldType = "object"        // a group of Fields
	TypeObjects      FieldType = "objects"       // a list of groups of Fields
)

// Field is one front matter field.
type Field struct {
	Name     string
	Type     FieldType
	Label    string // Finnish, as the web editor shows it
	Hint     string // Finnish; `seutu new` writes it as the field's comment (the comment may go on with examples)
	Required bool   // seutu refuses a page without it (in a group: a group without it)

	Values     []string // TypeChoice: the allowed values
	Vocabulary string   // TypeVocabulary(ies): the key under [vocabularies] in site.toml
	Target     Kind     // TypeRef(s), TypeRefOrText, TypeRefsOrText: the kind named; from RefFields
	Fields     []Field  // TypeObject(s): the group's fields

	// Translated fields are written again in each translation file
	// (x.sv.md); the others are shared with the original. From
	// TextFields and PerLanguage (IsTranslatable), not typed here.
	Translated bool

	// GitOnly fields are left out of the web editor: their value needs a
	// file that the editor cannot make (a layout).
	GitOnly bool
}

// PhonePattern is what a phone number looks like: load checks it, and the
// web editor's field takes it as its pattern.
const PhonePattern = `^\+?[0-9][0-9 -]{4,}[0-9]$`

// Fixed lists of values, which load checks (the open-ended ones are
// vocabularies in site.toml, checked by resolve).
var (
	Scopes            = []string{"seudullinen", "maakunnallinen", "valtakunnallinen"}
	ProjectTypes      = []string{"hanke", "selvitys"}
	ProjectStatuses   = []string{"suunnitteilla", "käynnissä", "päättynyt"}
	StrategyStatuses  = []string{"voimassa", "päivitettävänä", "päättynyt"}
	MunicipalityTypes = []string{"kaupunki", "kunta"}
)

// Allowed returns the values a choice or vocabulary field takes on the site
// c configures; nil for other fields.
func (f *Field) Allowed(c *config.Config) []string {
	switch f.Type {
	case TypeChoice:
		return f.Values
	case TypeVocabulary, TypeVocabularies:
		values, _ := c.Vocabulary(f.Vocabulary)
		return values
	}
	return nil
}

// txt, … make the table below short to read.
func txt(name, label, hint string) Field {
	return Field{Name: name, Type: TypeText, Label: label, Hint: hint}
}
func typed(name string, t FieldType, label, hint string) Field {
	return Field{Name: name, Type: t, Label: label, Hint: hint}
}
func choice(name, label, hint string, values []string) Field {
	return Field{Name: name, Type: TypeChoice, Label: label, Hint: hint, Values: values}
}
func vocab(name string, t FieldType, label, hint, key string) Field {
	return Field{Name: name, Type: t, Label: label, Hint: hint, Vocabulary: key}
}

// ref is a reference field: its type and target come from RefFields.
func ref(name, label, hint string) Field { return Field{Name: name, Label: label, Hint: hint} }

func required(f Field) Field { f.Required = true; return f }
func gitOnly(f Field) Field  { f.GitOnly = true; return f }

// titleField and summaryField begin every kind, with the kind's own hint.
func titleField(hint string) Field {
	return required(txt("title", "Otsikko", hint))
}

var summaryField = txt("summary", "Tiivistelmä", "tiivistelmä listoihin ja hakukoneille, tavallista tekstiä")

// commonSchema are the fields every kind has, after the kind's own.
var commonSchema = []Field{
	vocab("themes", TypeVocabularies, "Teemat", "teemat", "themes"),
	typed("tags", TypeTexts, "Avainsanat", "vapaat avainsanat"),
	ref("contacts", "Yhteyshenkilöt", "yhteyshenkilöt (Ota yhteyttä)"),
	ref("related", "Katso myös", "Katso myös: kansio/nimi"),
	typed("updated", TypeDate, "Päivitetty", "päivä, jolloin sisältö viimeksi muuttui (VVVV-KK-PP)"),
	typed("checked", TypeDate, "Tarkistettu", "päivä, jolloin tarkistit tiedot lähteistä; vasta kun jokainen tieto on tarkistettu"),
	typed("draft", TypeBool, "Luonnos", "true = luonnos, joka ei näy sivustolla"),
	typed("slug", TypeSlug, "Osoitteen loppu", "osoitteen viimeinen osa, jos se ei ole tiedoston nimi"),
	typed("aliases", TypeAliases, "Vanhat osoitteet", "vanhat osoitteet, jotka ohjataan tälle sivulle"),
	gitOnly(typed("layout", TypeText, "Sivupohja", "oma sivupohja layouts/<nimi>.html; jätä yleensä tyhjäksi")),
	typed("weight", TypeInt, "Järjestys", "järjestysnumero tavallisille sivuille, pienempi ensin"),
	typed("todo", TypeTexts, "Muistiinpano", "muistiinpano toimittajille (ei näy lukijoille)"),
}

// kindSchema are each kind's own fields, in the order `seutu new` writes
// them.
var kindSchema = map[Kind][]Field{
	KindNetwork: {
		titleField("verkoston nimi"), summaryField,
		vocab("category", TypeVocabulary, "Luokka", "luokka verkostohakemistossa", "network_categories"),
		choice("scope", "Laajuus", "laajuus: seudullinen, maakunnallinen tai valtakunnallinen", Scopes),
		ref("coordinator", "Koordinoija", "koordinoiva organisaatio"),
		ref("organizers", "Järjestäjät", "järjestävät organisaatiot"),
		ref("chair", "Puheenjohtaja", "puheenjohtaja"),
		txt("chair_title", "Puheenjohtajan tehtävä", "puheenjohtajan tehtävä"),
		ref("members", "Jäsenkunnat", "jäsenkunnat"),
		typed("participants", TypeTexts, "Osallistujat", "ketkä osallistuvat, tekstinä"),
		txt("cadence", "Kokoontuminen", "kuinka usein verkosto kokoontuu"),
		typed("meetings_per_year", TypeNumber, "Kokouksia vuodessa", "kokouksia vuodessa, numero"),
		typed("founded", TypeYear, "Perustettu", "perustamisvuosi"),
		typed("website", TypeURL, "Verkkosivu", "verkoston oma verkkosivu, alkaa https://"),
		ref("parent", "Yläverkosto", "verkosto, jonka alaryhmä tämä on"),
	},
	KindProject: {
		titleField("hankkeen nimi"), summaryField,
		choice("type", "Tyyppi", "hanke tai selvitys", ProjectTypes),
		choice("status", "Tila", "suunnitteilla, käynnissä tai päättynyt; tyhjänä päätellään päivämääristä", ProjectStatuses),
		typed("start", TypeRoughDate, "Alkaa", "alkamispäivä"),
		typed("end", TypeRoughDate, "Päättyy", "päättymispäivä"),
		ref("administrator", "Hallinnoija", "hallinnoija"),
		ref("funders", "Rahoittajat", "rahoittajat"),
		ref("partners", "Kumppanit", "kumppanit"),
		ref("municipalities", "Kunnat", "mukana olevat kunnat"),
		typed("budget", TypeInt, "Budjetti (€)", "budjetti euroina, pelkkä luku"),
		typed("website", TypeURL, "Verkkosivu", "hankkeen oma verkkosivu, alkaa https://"),
	},
	KindStrategy: {
		titleField("strategian nimi"), summaryField,
		typed("adopted", TypePartialDate, "Hyväksytty", "hyväksymispäivä"),
		typed("revised", TypePartialDates, "Päivitetty (vuodet)", "päivitykset samassa muodossa"),
		txt("period", "Voimassa", "voimassaoloaika"),
		ref("owner", "Omistaja", "omistaja"),
		ref("steering", "Ohjaus", "ohjaava verkosto (tiedoston nimi) tai ohjausryhmä tekstinä"),
		choice("status", "Tila", "voimassa, päivitettävänä tai päättynyt", StrategyStatuses),
		typed("focus_areas", TypeTexts, "Painopisteet", "painopisteet"),
		{Name: "documents", Type: TypeObjects, Label: "Asiakirjat", Hint: "asiakirjat", Fields: []Field{
			required(txt("title", "Nimi", "asiakirjan nimi, esim. Strategia (PDF)")),
			required(typed("url", TypeURL, "Osoite", "asiakirjan osoite, alkaa https://")),
		}},
		typed("website", TypeURL, "Verkkosivu", "strategian oma verkkosivu, alkaa https://"),
	},
	KindNews: {
		titleField("uutisen otsikko"), summaryField,
		required(typed("date", TypeRoughDate, "Päivä", "julkaisupäivä (VVVV-KK-PP); tuleva päivä ajastaa julkaisun")),
		vocab("category", TypeVocabulary, "Luokka", "luokka", "news_categories"),
		ref("author", "Kirjoittaja", "kirjoittaja: henkilön tiedoston nimi tai nimi tekstinä"),
		{Name: "event", Type: TypeObject, Label: "Tapahtuma", Hint: "vain tapahtumalle", Fields: []Field{
			required(typed("start", TypeRoughMoment, "Alkaa", "alkaa")),
			typed("end", TypeRoughMoment, "Päättyy", "päättyy"),
			typed("all_day", TypeBool, "Koko päivän", "true = näytetään koko päivän tapahtumana, vaikka alussa on kellonaika"),
			txt("location", "Paikka", "paikka"),
			txt("address", "Katuosoite", "katuosoite"),
			typed("online", TypeBool, "Verkossa", "true, jos tapahtumaan osallistutaan verkossa"),
			typed("online_url", TypeURL, "Verkko-osoite", "verkkotapahtuman osoite, alkaa https://"),
			txt("registration", "Ilmoittautuminen", "ilmoittautumislinkki (https://…) tai ohje tekstinä"),
			typed("registration_deadline", TypeMoment, "Ilmoittautuminen päättyy", "ilmoittautumisen viimeinen päivä"),
			ref("organizer", "Järjestäjä", "järjestäjä"),
		}},
	},
	KindPerson: {
		titleField("henkilön nimi: Etunimi Sukunimi"), summaryField,
		txt("role", "Tehtävänimike", "tehtävänimike"),
		ref("organization", "Organisaatio", "työnantaja"),
		typed("phone", TypePhone, "Puhelin", "puhelinnumero"),
		typed("email", TypeEmail, "Sähköposti", "sähköposti"),
		txt("image", "Kuva", "kuva"),
		typed("areas", TypeTexts, "Vastuualueet", "vastuualueet"),
	},
	KindOrganization: {
		titleField("organisaation nimi"), summaryField,
		txt("short", "Lyhenne", "lyhenne"),
		vocab("type", TypeVocabulary, "Tyyppi", "tyyppi", "organization_types"),
		typed("website", TypeURL, "Verkkosivu", "verkkosivu, alkaa https://"),
	},
	KindMunicipality: {
		titleField("kunnan nimi"), summaryField,
		choice("type", "Tyyppi", "kaupunki tai kunta", MunicipalityTypes),
		typed("population", TypeInt, "Asukasluku", "asukasluku"),
		typed("population_year", TypeYear, "Asukasluvun vuosi", "vuosi, jonka lopun asukasluku on"),
		txt("subregion", "Seutukunta", "seutukunta"),
		typed("website", TypeURL, "Verkkosivu", "kunnan verkkosivu, alkaa https://"),
	},
	KindPage: {
		titleField("sivun otsikko"), summaryField,
	},
}

// schemas holds FieldsOf's answer for each kind, made once.
var schemas = func() map[Kind][]Field {
	out := map[Kind][]Field{}
	for _, in := range Kinds {
		var fs []Field
		for _, f := range slices.Concat(kindSchema[in.Kind], commonSchema) {
			f = withRef(in.Kind, "", f)
			f.Translated = IsTranslatable(in.Kind, f.Name)
			fs = append(fs, f)
		}
		out[in.Kind] = fs
	}
	return out
}()

// withRef fills a reference field's type and target from RefFields, so
// that neither is written twice; prefix is the group it is in ("event.").
func withRef(k Kind, prefix string, f Field) Field {
	if len(f.Fields) > 0 {
		sub := make([]Field, len(f.Fields))
		for i, s := range f.Fields {
			sub[i] = withRef(k, prefix+f.Name+".", s)
		}
		f.Fields = sub
		return f
	}
	if f.Type != "" {
		return f
	}
	probe := &Page{Kind: k, Network: &Network{}, Project: &Project{}, Strategy: &Strategy{},
		News: &News{Event: &Event{}}, Person: &Person{}, Organization: &Organization{}, Municipality: &Municipality{}}
	for i := range RefFields {
		rf := &RefFields[i]
		if rf.Field != prefix+f.Name || !rf.Has(k) {
			continue
		}
		f.Target = rf.Target
		switch rf.Slot(probe).(type) {
		case **Ref:
			f.Type = TypeRef
		case *[]*Ref:
			f.Type = TypeRefs
			if rf.Target == "" {
				f.Type = TypeRelated
			}
		case *RefOrText:
			f.Type = TypeRefOrText
		case *[]RefOrText:
			f.Type = TypeRefsOrText
		}
		return f
	}
	panic(fmt.Sprintf("model: field %s%s of %s has no type and no line in RefFields", prefix, f.Name, k))
}

// FieldsOf returns the front matter fields of kind k: its own, then those
// every kind has, in the order `seutu new` writes them. The slice is
// shared: do not change it.
func FieldsOf(k Kind) []Field { return schemas[k] }
