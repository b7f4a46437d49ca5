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

// siteWords returns the words of the real site's content, each once.
func siteWords(t testing.TB) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
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

// TestKeysMatchJS holds search.js's words and keys to Go's: over every word
// of the real site, Finnish endings on made-up stems, and random strings.
func TestKeysMatchJS(t *testing.T) {
	list := siteWords(t)
	if len(list) < 1000 {
		t.Fatalf("only %d words in ../../content", len(list))
	}
	endings := strings.Fields(`a ä n t ssa ssä sta stä lla llä lta ltä lle na nä ksi tta ttä han hen hin hon hän hön seen siin den tten ien jen ja jä ine nsa nsä mme nne kin kaan kään ko kö pa pä sti mpi mpa mmi mma impi imma eja ejä ni si an en än`)
	stems := strings.Fields(`talo kunta pöytä työ sää kokous järjestö verkosto kaupunki hyvinvointi lähde tieto pieni johtaja ilmasto kylä maa yö puu hanke tavoite kauppa ikkuna`)
	for _, s := range stems {
		for _, e := range endings {
			list = append(list, s+e, s+"i"+e, s+"j"+e)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	letters := []rune("aeiouyäöåbcdfghjklmnprstvkt12éü")
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
	node(t, map[string]any{"op": "keys", "words": list, "texts": texts}, &resp)
	if len(resp.Keys) != len(list) {
		t.Fatalf("%d keys for %d words", len(resp.Keys), len(list))
	}
	bad := 0
	for i, w := range list {
		if want := Key(w); resp.Keys[i] != want {
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
}
