package build

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestDeployWorkflow reads the GitHub Actions workflow as YAML and checks
// that it tests, builds with the production address and deploys public/
// on every push to main and every night, and that on a pull request it
// only checks (as annotations) and uploads a preview, with no right to
// deploy. cmd/seutu's TestWorkflowCommands checks the seutu commands it
// runs.
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
			PullRequest *struct{} `yaml:"pull_request"`
		} `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			If          string            `yaml:"if"`
			Permissions map[string]string `yaml:"permissions"`
			Needs       any               `yaml:"needs"`
			Steps       []struct {
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
	for _, job := range []string{"build", "deploy"} {
		if p := wf.Jobs[job].Permissions; p["pages"] != "write" || p["id-token"] != "write" {
			t.Errorf("%s: permissions = %v", job, p)
		}
		if wf.Jobs[job].If != "github.event_name != 'pull_request'" {
			t.Errorf("%s runs on pull requests too (if: %q)", job, wf.Jobs[job].If)
		}
	}
	if len(wf.Permissions) != 1 || wf.Permissions["contents"] != "read" {
		t.Errorf("the workflow's permissions = %v, want contents: read alone (each job asks for more)", wf.Permissions)
	}
	pr := wf.Jobs["preview"]
	if !strings.Contains(string(src), "\n  pull_request:") && wf.On.PullRequest == nil {
		t.Error("the workflow does not run on pull requests")
	}
	if pr.If != "github.event_name == 'pull_request'" || len(pr.Permissions) != 0 {
		t.Errorf("preview: if %q, permissions %v: want pull requests only, with the workflow's read permission", pr.If, pr.Permissions)
	}
	var prSteps []string
	for _, s := range pr.Steps {
		prSteps = append(prSteps, s.Uses+s.Run+s.With["path"])
	}
	prAll := strings.Join(prSteps, "\n")
	for _, want := range []string{"seutu build -format github", "actions/upload-artifact@", "artifact-url", "$GITHUB_STEP_SUMMARY"} {
		if !strings.Contains(prAll, want) && !strings.Contains(string(src), want) {
			t.Errorf("the preview job lacks %q", want)
		}
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
