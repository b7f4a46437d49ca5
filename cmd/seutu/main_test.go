package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

// TestMain lets the scripts (and TestSignals) run seutu as a command of
// its own: this test binary is seutu when it is run by that name.
func TestMain(m *testing.M) {
	// Builds keep their default cache (see cacheDir) out of the user's.
	os.Setenv("XDG_CACHE_HOME", filepath.Join(os.TempDir(), "seutu-test-cache"))
	testscript.Main(m, map[string]func(){
		"seutu": main, // the command itself, signals and all
	})
}

// TestScripts runs testdata/script/*.txtar: whole sites and the commands
// run on them, with their output and exit status.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "1795428000") // 23.11.2026
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/.cache")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"replace": replaceCmd,
			"listen":  listenCmd,
		},
	})
}

// replaceCmd is `replace FILE OLD NEW`: every OLD in FILE becomes NEW, as
// an editor's edit would.
func replaceCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	file := ts.MkAbs(args[0])
	b, err := os.ReadFile(file)
	ts.Check(err)
	if !strings.Contains(string(b), args[1]) {
		ts.Fatalf("%s has no %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(file, []byte(strings.ReplaceAll(string(b), args[1], args[2])), 0o644))
}

// listenCmd is `listen`: it takes a free port on 127.0.0.1 until the
// script ends and sets $ADDR to it, for a command that finds it in use.
func listenCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: listen")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	ts.Defer(func() { l.Close() })
	ts.Setenv("ADDR", l.Addr().String())
}

func TestExitCodes(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(site+"/content/verkostot", 0o755)
	os.WriteFile(site+"/content/verkostot/a.md", []byte("---\ntitle: A\nchair: nobody\n---\n"), 0o644)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	tests := []struct {
		args []string
		want int
	}{
		{nil, exitUsage},
		{[]string{"help"}, exitOK},
		{[]string{"bild"}, exitUsage},
		{[]string{"build", "-nope"}, exitUsage},
		{[]string{"build", "-h"}, exitOK},
		{[]string{"check", "-now", "eilen", "-source", site}, exitUsage},
		{[]string{"check", "-source", site}, exitFailed},
		{[]string{"build", "-source", site}, exitFailed},
		{[]string{"check", "-source", site + "/missing"}, exitUsage},
		{[]string{"check", "-source", site, "extra"}, exitUsage},
		{[]string{"serve", "-source", site, "-addr", taken.Addr().String()}, exitFailed},
		{[]string{"serve", "-source", site, "-addr", "127.0.0.1:notaport"}, exitUsage},
		{[]string{"new", "verkosto", "-source", site}, exitUsage},
		{[]string{"help", "new"}, exitOK},
	}
	for _, tt := range tests {
		var out, errOut strings.Builder
		if got := run(context.Background(), tt.args, &out, &errOut); got != tt.want {
			t.Errorf("seutu %v: exit %d, want %d\n%s", tt.args, got, tt.want, errOut.String())
		}
	}
}
