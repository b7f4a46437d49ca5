package cms

import (
	"bytes"
	"os"
	"testing"

	"gopkg.in/yaml.v3"

	"seutu/internal/config"
	"seutu/internal/golden"
)

func readConfig(t *testing.T, path string) *config.Config {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, diags := config.Parse(src)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", path, diags)
	}
	return c
}

// TestConfigGolden compares the configuration of a site in three
// languages, with every vocabulary, with testdata/config.golden.yml; the
// single-language site of config.Default with testdata/default.golden.yml.
func TestConfigGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  *config.Config
	}{
		{"config", readConfig(t, "testdata/site.toml")},
		{"default", config.Default()},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Config(c.cfg, Options{})
			var v any
			if err := yaml.Unmarshal(got, &v); err != nil {
				t.Fatalf("not YAML: %v", err)
			}
			if again := Config(c.cfg, Options{}); !bytes.Equal(got, again) {
				t.Error("two runs gave different bytes")
			}
			golden.Check(t, "testdata/"+c.name+".golden.yml", got)
		})
	}
}
