package build

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestDeployWorkflow reads the GitHub Actions workflow as YAML and checks
// that it tests, builds with the production address and deploys public/
// on every push to main and every night.
func TestDeployWorkflow(t *testing.T) {
	src, err := os.ReadFile("../../.github/workflows/deploy.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			Push struct {
				Branches []string `yaml:"branches"`
			} `yaml:"push"`
			Schedule []struct {
				Cron string `yaml:"cron"`
			} `yaml:"schedule"`
		} `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Needs any `yaml:"needs"`
			Steps []struct {
				Name string            `yaml:"name"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatalf("deploy.yml is not valid YAML: %v", err)
	}
	if len(wf.On.Push.Branches) != 1 || wf.On.Push.Branches[0] != "main" {
		t.Errorf("push branches = %v, want [main]", wf.On.Push.Branches)
	}
	if len(wf.On.Schedule) != 1 || len(strings.Fields(wf.On.Schedule[0].Cron)) != 5 {
		t.Errorf("schedule = %+v, want one nightly cron", wf.On.Schedule)
	}
	if wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" {
		t.Errorf("permissions = %v", wf.Permissions)
	}
	var steps []string
	for _, job := range []string{"build", "deploy"} {
		for _, s := range wf.Jobs[job].Steps {
			steps = append(steps, s.Uses+s.Run+s.With["path"])
		}
	}
	all := strings.Join(steps, "\n")
	for _, want := range []string{"actions/checkout@", "actions/setup-go@", "bash .ci/run",
		"actions/cache@", "~/.cache/seutu",
		"go run ./cmd/seutu build -base-url \"$SITE_URL\"", "actions/upload-pages-artifact@", "public", "actions/deploy-pages@"} {
		if !strings.Contains(all, want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
	if wf.Jobs["deploy"].Needs != "build" {
		t.Errorf("deploy needs %v, want build", wf.Jobs["deploy"].Needs)
	}
	// The tests run before the build, the build before the upload.
	test, build, upload := strings.Index(all, "bash .ci/run"), strings.Index(all, "seutu build"), strings.Index(all, "upload-pages-artifact")
	if !(test < build && build < upload) {
		t.Error("the steps are out of order: test, build, upload")
	}
}
