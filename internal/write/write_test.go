package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "seutu/internal/golden" // defines -update for go test ./... -update
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDirCommitReplacesWholeSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for i, files := range []map[string]string{
		{"index.html": "v1", "old/index.html": "gone later"},
		{"index.html": "v2", "new/index.html": "new"},
	} {
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		for p, s := range files {
			if err := d.Put(p, []byte(s)); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := d.Written(); n != int64(len(files)) {
			t.Errorf("round %d: Written = %d", i, n)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := readTree(t, dest); len(got) != len(files) || got["index.html"] != files["index.html"] {
			t.Errorf("round %d: dest = %v, want %v", i, got, files)
		}
	}
	var names []string
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".public.spare public" {
		t.Errorf("beside dest: %v, want the spare only", names)
	}
	if got := readTree(t, spareName(dest)); got["old/index.html"] != "gone later" || len(got) != 2 {
		t.Errorf("spare = %v, want the first site", got)
	}
}

func TestDirAbortLeavesDestUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("good"), 0o644)
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.Put("index.html", []byte("half"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest); len(got) != 1 || got["index.html"] != "good" {
		t.Errorf("dest = %v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("temporary folder left: %v", entries)
	}
}

func TestNewDirRemovesLeftoversOfKilledBuilds(t *testing.T) {
	parent := t.TempDir()
	os.MkdirAll(filepath.Join(parent, ".public.new-123", "x"), 0o755)
	d, err := NewDir(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := os.Stat(filepath.Join(parent, ".public.new-123")); !os.IsNotExist(err) {
		t.Errorf("leftover not removed: %v", err)
	}
}

func TestNewDirRefusesAFolderThatIsNotASite(t *testing.T) {
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "thesis.docx"), []byte("precious"), 0o644)
	_, err := NewDir(dest)
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("err = %v", err)
	}
}

func TestPutRejectsPathsOutsideTheSite(t *testing.T) {
	d, err := NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, p := range []string{"../escape.html", "/abs.html", "a/../../b", ""} {
		if err := d.Put(p, nil); err == nil {
			t.Errorf("Put(%q) succeeded", p)
		}
		if err := NewMemory().Put(p, nil); err == nil {
			t.Errorf("Memory.Put(%q) succeeded", p)
		}
	}
}

func TestSwapByRenames(t *testing.T) {
	parent := t.TempDir()
	dest, tmp := filepath.Join(parent, "public"), filepath.Join(parent, "new")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("old"), 0o644)
	os.MkdirAll(tmp, 0o755)
	os.WriteFile(filepath.Join(tmp, "index.html"), []byte("new"), 0o644)
	old, err := swapByRenames(tmp, dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest); got["index.html"] != "new" {
		t.Errorf("dest = %v", got)
	}
	if got := readTree(t, old); got["index.html"] != "old" {
		t.Errorf("the old site, at %s = %v", old, got)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("beside dest: %v, want the old site only", entries)
	}
}
