package search_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"seutu/internal/build"
	"seutu/internal/search"
)

// Query is a line of testdata/queries.tsv.
type Query struct {
	Kind, Text        string
	Expect, Forbidden []string
}

func readQueries(t testing.TB) []Query {
	t.Helper()
	f, err := os.Open("testdata/queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Query
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < 3 || len(cols) > 4 {
			t.Fatalf("testdata/queries.tsv:%d: %d columns, want 3 or 4", line, len(cols))
		}
		q := Query{Kind: cols[0], Text: cols[1], Expect: strings.Fields(cols[2])}
		if len(cols) == 4 {
			q.Forbidden = strings.Fields(cols[3])
		}
		out = append(out, q)
	}
	return out
}

// TestQueriesOnTheRealSite builds the repository's own site and runs the
// query set through search.js in node, as a reader's browser would: at
// least 95 % of the expected pages must be among the first five results,
// every query must find at least one of its pages, and no query a page
// it must not find.
func TestQueriesOnTheRealSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	rep, err := build.Build(t.Context(), build.Options{Source: "../..", Dest: dest,
		Now: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)})
	if err != nil || rep.Failed() {
		t.Fatalf("build: %v\n%v", err, rep.Diags)
	}
	queries := readQueries(t)
	var texts []string
	for _, q := range queries {
		texts = append(texts, q.Text)
	}
	var resp struct {
		Answers []struct {
			URLs  []string
			Total int
			Bytes int
		}
	}
	search.Node(t, map[string]any{"op": "search", "dir": filepath.Join(dest, "haku"), "queries": texts, "limit": 1000}, &resp)
	found, expected := 0, 0
	for i, q := range queries {
		a := resp.Answers[i]
		top := a.URLs[:min(5, len(a.URLs))]
		hits := 0
		for _, u := range q.Expect {
			if slices.Contains(top, u) {
				hits++
			}
		}
		found += hits
		expected += len(q.Expect)
		t.Logf("%-10s %-22q %d/%d  %s", q.Kind, q.Text, hits, len(q.Expect), strings.Join(top, " "))
		if len(q.Expect) > 0 && hits == 0 {
			t.Errorf("%s query %q found none of %v in its top 5: %v", q.Kind, q.Text, q.Expect, top)
		}
		for _, u := range q.Forbidden {
			if slices.Contains(a.URLs, u) {
				t.Errorf("%s query %q found %s", q.Kind, q.Text, u)
			}
		}
	}
	recall := float64(found) / float64(expected)
	t.Logf("recall in the top 5: %d of %d (%.1f %%)", found, expected, 100*recall)
	if recall < 0.95 {
		t.Errorf("recall in the top 5 is %.1f %% (%d of %d), want at least 95 %%", 100*recall, found, expected)
	}
}
