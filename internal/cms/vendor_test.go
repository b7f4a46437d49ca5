package cms

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// tools holds the npm packages pinned in tools/package-lock.json, which
// .ci/test installs (npm ci --prefix internal/cms/tools).
const tools = "tools"

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run .ci/test, which installs the packages pinned in %s/package-lock.json (npm ci), then runs the tests", err, tools)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestVendoredScriptIsThePinnedPackage holds decap/decap-cms.js, which the
// build publishes, to the decap-cms that tools/package-lock.json pins: the
// same version in package.json, the lockfile and the installed package,
// and the same bytes as the installed package's dist file. A new version
// is npm install decap-cms@X in tools/, then the two files copied from
// node_modules/decap-cms/dist/ into decap/.
func TestVendoredScriptIsThePinnedPackage(t *testing.T) {
	var pkg struct{ Dependencies map[string]string }
	readJSON(t, filepath.Join(tools, "package.json"), &pkg)
	var lock struct {
		Packages map[string]struct{ Version, Integrity string }
	}
	readJSON(t, filepath.Join(tools, "package-lock.json"), &lock)
	var installed struct{ Version string }
	readJSON(t, filepath.Join(tools, "node_modules/decap-cms/package.json"), &installed)

	pinned := pkg.Dependencies["decap-cms"]
	locked := lock.Packages["node_modules/decap-cms"]
	if pinned == "" || pinned != locked.Version || locked.Version != installed.Version {
		t.Fatalf("decap-cms: package.json pins %q, the lockfile has %q, node_modules has %q: pin one exact version and run .ci/test", pinned, locked.Version, installed.Version)
	}
	if locked.Integrity == "" {
		t.Errorf("the lockfile gives no integrity for decap-cms")
	}
	for vendored, dist := range map[string][]byte{"decap-cms.js": script, "decap-cms.js.LICENSE.txt": scriptLicense} {
		want, err := os.ReadFile(filepath.Join(tools, "node_modules/decap-cms/dist", vendored))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(dist, want) {
			t.Errorf("decap/%s is not node_modules/decap-cms/dist/%s of decap-cms %s: copy it again", vendored, vendored, installed.Version)
		}
	}
	if !bytes.Contains(script, []byte(`console.log("decap-cms `+installed.Version+`")`)) {
		t.Errorf("decap/decap-cms.js does not announce version %s", installed.Version)
	}
}
