package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

// TestMain lets the scripts run seutu as a command of their own.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"seutu": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: whole sites and the commands
// run on them, with their output and exit status.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "1795428000") // 23.11.2026
			return nil
		},
	})
}

func TestExitCodes(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(site+"/content/verkostot", 0o755)
	os.WriteFile(site+"/content/verkostot/a.md", []byte("---\ntitle: A\nchair: nobody\n---\n"), 0o644)
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
		{[]string{"check", "-source", site}, exitContent},
		{[]string{"build", "-source", site}, exitContent},
		{[]string{"check", "-source", site + "/missing"}, exitUsage},
	}
	for _, tt := range tests {
		var out, errOut strings.Builder
		if got := run(context.Background(), tt.args, &out, &errOut); got != tt.want {
			t.Errorf("seutu %v: exit %d, want %d\n%s", tt.args, got, tt.want, errOut.String())
		}
	}
}
