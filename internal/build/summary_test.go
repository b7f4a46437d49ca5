package build

import (
	"strings"
	"testing"
	"time"
)

// The summary times each stage; the write stage's time spent during
// render, summed over cores, is said to be so and counted once in the
// total.
func TestTimings(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name    string
		stages  []Stage
		timings string
		total   string
	}{
		{"a build", []Stage{{"load", 8 * ms, 0, nil}, {"resolve", 10 * ms, 0, nil}, {"render", 60 * ms, 0, nil}, {"write", 45 * ms, 40 * ms, nil}},
			"load 8ms, resolve 10ms, render 60ms, write 45ms (40ms of it during render, summed over cores)", "; 83ms ("},
		{"in memory: all of it during render", []Stage{{"load", 8 * ms, 0, nil}, {"render", 60 * ms, 0, nil}, {"write", 90 * ms, 90 * ms, nil}},
			"load 8ms, render 60ms, write 90ms (all of it during render, summed over cores)", "; 68ms ("},
		{"check: too quick to say", []Stage{{"render", 60 * ms, 0, nil}, {"write", 40 * time.Microsecond, 40 * time.Microsecond, nil}},
			"render 60ms, write 0s", "; 60ms ("},
		{"the search index within render", []Stage{{"load", 8 * ms, 0, nil}, {"render", 60 * ms, 0, []Stage{{"search index", 12 * ms, 0, nil}}}, {"write", 45 * ms, 40 * ms, nil}},
			"load 8ms, render 60ms (search index 12ms of it), write 45ms (40ms of it during render, summed over cores)", "; 73ms ("},
		{"stopped after load", []Stage{{"load", 8 * ms, 0, nil}}, "load 8ms", "; 8ms ("},
	}
	for _, tt := range tests {
		r := &Report{Stages: tt.stages}
		if got := r.Timings(); got != tt.timings {
			t.Errorf("%s: Timings\n%s\nwant\n%s", tt.name, got, tt.timings)
		}
		if got := r.Summary("build"); !strings.Contains(got, tt.total+tt.timings+")") {
			t.Errorf("%s: Summary %q, want the total %q", tt.name, got, tt.total)
		}
	}
}

// A build to disk times the stages load, resolve, render and write, the
// swap into place in write, and the search index within render.
func TestBuildStages(t *testing.T) {
	rep, err := Build(t.Context(), Options{Source: "testdata/site", Dest: t.TempDir() + "/public", Now: testNow, Minify: true})
	if err != nil || rep.Failed() {
		t.Fatal(err, rep.Diags)
	}
	var names []string
	for _, s := range rep.Stages {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, " "); got != "load resolve render write" {
		t.Errorf("stages %s", got)
	}
	r := rep.Stages[2]
	if len(r.Parts) != 1 || r.Parts[0].Name != "search index" || r.Parts[0].Duration <= 0 || r.Parts[0].Duration > r.Duration {
		t.Errorf("render %v, parts %v", r.Duration, r.Parts)
	}
	w := rep.Stages[len(rep.Stages)-1]
	if w.Overlap <= 0 || w.Overlap > w.Duration {
		t.Errorf("write %v, %v of it during render", w.Duration, w.Overlap)
	}
	if rep.Before <= rep.After {
		t.Errorf("%d bytes before minifying, %d after", rep.Before, rep.After)
	}
}
