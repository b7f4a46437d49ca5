package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// seutuCall finds a seutu command in a shell line of a workflow.
var seutuCall = regexp.MustCompile(`(?:go run \./cmd/seutu|(?:^|\s)seutu)\s+(.*)$`)

// TestWorkflowCommands parses every workflow under .github/workflows and
// runs each seutu command line of its run: steps through the command
// table's own parsing: the command exists, takes those flags and values
// (-format github, say) and that many arguments. Shell variables stand
// for a value; a redirection ends the command.
func TestWorkflowCommands(t *testing.T) {
	files, err := os.ReadDir("../../.github/workflows")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, f := range files {
		src, err := os.ReadFile("../../.github/workflows/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Name string `yaml:"name"`
					Run  string `yaml:"run"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal(src, &wf); err != nil {
			t.Fatalf("%s is not valid YAML: %v", f.Name(), err)
		}
		for job, j := range wf.Jobs {
			for _, s := range j.Steps {
				for line := range strings.Lines(s.Run) {
					m := seutuCall.FindStringSubmatch(strings.TrimSpace(line))
					if m == nil {
						continue
					}
					found++
					t.Run(f.Name()+"/"+job+"/"+s.Name, func(t *testing.T) {
						checkCall(t, workflowWords(m[1]))
					})
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no seutu command in the workflows")
	}
}

// workflowWords splits a simple shell command line: words, "quoted" or
// 'quoted', $VAR as a value, up to a redirection.
func workflowWords(s string) []string {
	var words []string
	for _, w := range regexp.MustCompile(`"[^"]*"|'[^']*'|\S+`).FindAllString(s, -1) {
		if strings.HasPrefix(w, ">") || w == "|" || w == "&&" || w == "2>&1" {
			break
		}
		w = strings.Trim(w, `"'`)
		if strings.HasPrefix(w, "$") {
			w = "https://esimerkki.fi/" // every variable the workflows pass is an address
		}
		words = append(words, w)
	}
	return words
}

// checkCall fails the test when seutu would refuse args.
func checkCall(t *testing.T, args []string) {
	t.Helper()
	if err := callError(args); err != nil {
		t.Errorf("seutu %s: %v", strings.Join(args, " "), err)
	}
}

// callError parses args as seutu does and returns its usage error.
func callError(args []string) error {
	if len(args) == 0 {
		return errors.New("no command")
	}
	cmd := lookup(args[0])
	if cmd == nil {
		return errors.New("no such command")
	}
	var o options
	pos, err := parseInterspersed(flagSet(cmd, &o), args[1:])
	if err != nil {
		return err
	}
	if want := cmd.wants(&o); len(pos) != len(want) {
		return fmt.Errorf("%d arguments, the command takes %d", len(pos), len(want))
	}
	_, err = o.buildOptions()
	return err
}

// TestCallErrorRefuses shows that the workflow test fails a command line
// that seutu would refuse.
func TestCallErrorRefuses(t *testing.T) {
	for _, line := range []string{"chek", "check -format xml", "check -nope", "build stray", "next-change -dest x"} {
		t.Run(line, func(t *testing.T) {
			if callError(workflowWords(line)) == nil {
				t.Errorf("seutu %s passed", line)
			}
		})
	}
}
