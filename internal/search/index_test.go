package search

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestCachingEqualsFresh edits documents at random, one to three a step,
// and builds the index after each edit with one caching Builder and with a
// fresh one: the files must be the same, byte for byte.
func TestCachingEqualsFresh(t *testing.T) {
	vocab := strings.Fields(`kunta kunnat kuntien verkosto verkostot kunnanjohtaja johtaja johtajat kokous
		kokoukset kunnanjohtajakokoukset ilmasto työpaja ilmastotyöpajoja hyvinvointi hyvinvoinnin sää saa
		seutu kaupunki seutukaupungit seutukaupunkiverkosto pieni pienten Äänekoski 2024 ja on`)
	r := rand.New(rand.NewPCG(3, 4))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(vocab[r.IntN(len(vocab))] + " ")
		}
		return b.String()
	}
	docs := make([]*Doc, 30)
	for i := range docs {
		docs[i] = &Doc{URL: fmt.Sprintf("/sivu-%02d/", i), Title: text(3), Summary: text(8), Kind: "Sivu",
			HTML: "<p>" + text(40) + "</p><h2>" + text(2) + "</h2><p>" + text(20) + "</p>", Headings: []string{text(2)}}
	}
	caching := NewCaching("fi")
	for step := range 60 {
		for range 1 + r.IntN(3) {
			d := *docs[r.IntN(len(docs))]
			switch r.IntN(4) {
			case 0:
				d.Title = text(3)
			case 1:
				d.HTML = "<p>" + text(30) + " uusisana" + fmt.Sprint(r.IntN(5)) + "</p>"
			case 2:
				d.Summary = text(5)
			case 3:
				d.Boost = 0.8 + r.Float64()/2
			}
			for i := range docs {
				if docs[i].URL == d.URL {
					docs[i] = &d
				}
			}
		}
		if step%15 == 14 { // a page added: every number moves
			docs = append(docs, &Doc{URL: fmt.Sprintf("/uusi-%02d/", step), Title: text(2), HTML: "<p>" + text(10) + "</p>"})
		}
		got, want := caching.Build(docs), NewBuilder("fi").Build(docs)
		if len(got) != len(want) {
			t.Fatalf("step %d: %d files, a fresh build %d", step, len(got), len(want))
		}
		for i := range got {
			if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Fatalf("step %d: %s differs from a fresh build's %s:\n%s\n%s", step, got[i].Path, want[i].Path, got[i].Data, want[i].Data)
			}
		}
	}
}

// TestAppendUint holds the postings' numbers to strconv's, for every
// number up to a million and the largest.
func TestAppendUint(t *testing.T) {
	check := func(n uint32) {
		if got, want := string(appendUint([]byte("x"), n)), "x"+strconv.FormatUint(uint64(n), 10); got != want {
			t.Fatalf("appendUint(%d) = %q, want %q", n, got, want)
		}
	}
	for n := range uint32(1_000_000) {
		check(n)
	}
	check(math.MaxUint32)
}
