package search

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"seutu/assets"
)

// node runs testdata/run.js over assets/js/search.js with req, into resp.
// Node.js is a documented requirement (README: Set up); without it the
// test fails and says so.
func node(t testing.TB, req, resp any) {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node not found: install Node.js (README: Set up) to run search.js in the tests")
	}
	js, err := fs.ReadFile(assets.FS, "js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "search.js")
	if err := os.WriteFile(script, js, 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	run, err := filepath.Abs("testdata/run.js")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, run, script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(out, resp); err != nil {
		t.Fatalf("node's answer: %v", err)
	}
}

// siteWords returns the words of the real site's content in the language
// of code, each once: its translations' (name.sv.md), or for Finnish the
// other files.
func siteWords(t testing.TB, code string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		in := strings.HasSuffix(p, "."+code+".md")
		if code == "fi" {
			in = !strings.HasSuffix(p, ".sv.md") && !strings.HasSuffix(p, ".en.md")
		}
		if !in {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		Words(string(b), func(w string, _, _ int) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// keyTests are, by language, the fewest words the site has in it (a
// smaller count means the walk is broken), stems and endings to put
// together, and the letters of random words.
var keyTests = []struct {
	code           string
	least          int
	stems, endings string
	letters        string
}{
	{"fi", 1000,
		`talo kunta pöytä työ sää kokous järjestö verkosto kaupunki hyvinvointi lähde tieto pieni johtaja ilmasto kylä maa yö puu hanke tavoite kauppa ikkuna`,
		`a ä n t ssa ssä sta stä lla llä lta ltä lle na nä ksi tta ttä han hen hin hon hän hön seen siin den tten ien jen ja jä ine nsa nsä mme nne kin kaan kään ko kö pa pä sti mpi mpa mmi mma impi imma eja ejä ni si an en än`,
		"aeiouyäöåbcdfghjklmnprstvkt12éü"},
	{"sv", 200,
		`kommun nätverk stad samarbete utveckling projekt ledare välfärd region tillgänglig förvaltning möte fullmäktige hållbar`,
		`a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er heter or s as arnas ernas ornas es ades andes ens arens hetens erns at andet het ast ig lig els fullt löst dd gd nn dt gt kt tt`,
		"aeiouyåäöbcdfghjklmnprstvkt12é"},
	{"en", 500,
		`network manage municipal cooperat develop region happy generous commun general arsen sky news agree feed hop`,
		`s es ed ing ly ies ied ement ment ness ational tional izer ization ation ator alism aliti iviti biliti fulness ousness iveness ousli entli eli alli bli abli fulli lessli logi icate ative alize iciti ical ful ance ence able ible ant ent ism ate iti ous ive ize ion al er ic eed eedly ingly edly y`,
		"aeiouybcdfghjklmnprstvwxyz'12é"},
}

// TestKeysMatchJS holds search.js's words and keys to Go's, in every
// language: over every word of the real site in it, endings on made-up
// stems, and random strings.
func TestKeysMatchJS(t *testing.T) {
	for _, tc := range keyTests {
		t.Run(tc.code, func(t *testing.T) {
			a := ForLang(tc.code)
			list := siteWords(t, tc.code)
			if len(list) < tc.least {
				t.Fatalf("only %d words in ../../content", len(list))
			}
			for _, s := range strings.Fields(tc.stems) {
				for _, e := range strings.Fields(tc.endings) {
					list = append(list, s+e, s+"i"+e, s+"j"+e)
				}
			}
			r := rand.New(rand.NewPCG(1, 2))
			letters := []rune(tc.letters)
			for range 3000 {
				n := 1 + r.IntN(14)
				w := make([]rune, n)
				for i := range w {
					w[i] = letters[r.IntN(len(letters))]
				}
				list = append(list, string(w))
			}
			texts := []string{"Kunnanjohtajat ja SÄÄ", "hyte-verkosto, 24.8.2022!", "Åland İstanbul ΣΑΣ", "ICT:n café", "SA\u0308A\u0308 ja ka\u0308y\u0308tto\u0308"}
			var resp struct {
				Keys  []string
				Words [][]string
			}
			node(t, map[string]any{"op": "keys", "lang": tc.code, "words": list, "texts": texts}, &resp)
			if len(resp.Keys) != len(list) {
				t.Fatalf("%d keys for %d words", len(resp.Keys), len(list))
			}
			bad := 0
			for i, w := range list {
				if want := a.Key(w); resp.Keys[i] != want {
					if bad++; bad <= 20 {
						t.Errorf("key(%q): search.js %q, Go %q", w, resp.Keys[i], want)
					}
				}
			}
			for i, text := range texts {
				if want := words(text); !slices.Equal(resp.Words[i], want) {
					t.Errorf("words(%q): search.js %q, Go %q", text, resp.Words[i], want)
				}
			}
		})
	}
}
