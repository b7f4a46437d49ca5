package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"seutu/internal/config"
	"seutu/internal/model"
)

// The README's code blocks are checked, so that it cannot drift from the
// tool: every block that shows a command or a file is run or parsed, and a
// block that no rule below claims fails the test. The commands run on a
// copy of the repository's own site.

// root is the repository, as an absolute path: the commands run in
// other folders.
var root = func() string {
	r, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return r
}()

var readme = filepath.Join(root, "README.md")

// block is one fenced code block of the README.
type block struct {
	info string // what follows the opening fence: sh, toml, yaml or nothing
	line int    // the line of the opening fence
	text string
}

func readmeBlocks(t *testing.T) []block {
	t.Helper()
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []block
	var cur *block
	var body []string
	for i, l := range strings.Split(string(src), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(l, "```"):
			cur = &block{info: strings.TrimPrefix(l, "```"), line: i + 1}
			body = nil
		case cur != nil && l == "```":
			cur.text = strings.Join(body, "\n") + "\n"
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			body = append(body, l)
		}
	}
	if cur != nil {
		t.Fatalf("README.md:%d: a code block is never closed", cur.line)
	}
	return blocks
}

func TestReadmeBlocks(t *testing.T) {
	blocks := readmeBlocks(t)
	if len(blocks) < 10 {
		t.Fatalf("found %d code blocks in the README; the parser is broken", len(blocks))
	}
	for _, b := range blocks {
		t.Run(strings.TrimSpace(b.info+" "+strconv.Itoa(b.line)), func(t *testing.T) {
			switch {
			case b.info == "sh":
				checkShell(t, b)
			case b.info == "toml":
				checkSiteTOML(t, b)
			case b.info == "yaml":
				checkYAML(t, b)
			case b.info != "":
				t.Errorf("README.md:%d: no rule checks a block of %q", b.line, b.info)
			case strings.HasPrefix(b.text, "usage: seutu"):
				checkUsage(t, b)
			case strings.HasPrefix(b.text, "content/"):
				if strings.Contains(b.text, ": error: ") {
					checkDiagnostics(t, b)
				} else {
					checkLayout(t, b)
				}
			case strings.HasPrefix(b.text, "cmd/"):
				checkPackages(t, b)
			default:
				t.Errorf("README.md:%d: no rule checks this block; add one to readme_test.go:\n%s", b.line, b.text)
			}
		})
	}
}

// repoSite copies the repository's site (content/, layouts/, assets/) to a
// temporary folder and returns it.
func repoSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"content", "layouts", "assets"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// envAssign is a VAR=value before a command.
var envAssign = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*=\S*$`)

// checkShell checks each command line of a shell block.
func checkShell(t *testing.T, b block) {
	for i, line := range strings.Split(b.text, "\n") {
		line = strings.TrimSpace(stripComment(line))
		if line == "" {
			continue
		}
		at := "README.md:" + strconv.Itoa(b.line+1+i)
		words, err := shellWords(line)
		if err != nil {
			t.Errorf("%s: %v", at, err)
			continue
		}
		for len(words) > 0 && envAssign.MatchString(words[0]) {
			name, _, _ := strings.Cut(words[0], "=")
			checkEnvRead(t, at, name)
			words = words[1:]
		}
		checkCommand(t, at, words)
	}
}

// checkCommand runs a seutu command on a copy of the site, or checks that
// what another command names exists.
func checkCommand(t *testing.T, at string, words []string) {
	t.Helper()
	switch {
	case len(words) >= 3 && words[0] == "go" && words[1] == "run" && words[2] == "./cmd/seutu":
		runSeutu(t, at, words[3:])
	case len(words) >= 3 && words[0] == "go" && words[1] == "run":
		mustExist(t, at, words[2])
	case len(words) >= 2 && words[0] == "go" && words[1] == "test":
		checkGoTest(t, at, words[2:])
	case len(words) >= 1 && (strings.HasPrefix(words[0], ".ci/") || strings.HasPrefix(words[0], "internal/")):
		script := filepath.Join(root, words[0])
		st, err := os.Stat(script)
		if err != nil || st.Mode()&0o111 == 0 {
			t.Errorf("%s: %s is not an executable file of the repository", at, words[0])
		}
	default:
		t.Errorf("%s: no rule checks the command %q", at, strings.Join(words, " "))
	}
}

// runSeutu runs seutu with args on a copy of the site: it must succeed.
// serve is stopped once it has served the home page.
func runSeutu(t *testing.T, at string, args []string) {
	t.Helper()
	if i := slices.Index(args, ">"); i >= 0 {
		args = args[:i] // the output goes to the test, not to a file
	}
	dir := repoSite(t)
	t.Chdir(dir)
	for i, a := range args {
		if a == "DIR" { // a folder of the reader's: the site's copy
			args[i] = dir
		}
	}
	var out, errOut bytes.Buffer
	if len(args) > 0 && args[0] == "serve" {
		serveOnce(t, at, append(args, "-addr", "127.0.0.1:0"))
		return
	}
	if code := run(context.Background(), args, &out, &errOut); code != exitOK {
		t.Errorf("%s: seutu %s: exit %d\n%s%s", at, strings.Join(args, " "), code, out.String(), errOut.String())
	}
}

// serveOnce runs seutu serve until it serves its home page, then stops it.
func serveOnce(t *testing.T, at string, args []string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errOut bytes.Buffer
	go func() {
		done <- run(ctx, args, pw, &errOut)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() {
		t.Fatalf("%s: seutu %s printed nothing: exit %d\n%s", at, strings.Join(args, " "), <-done, errOut.String())
	}
	go io.Copy(io.Discard, pr)
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(lines.Text())
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("%s: seutu %s: %v", at, strings.Join(args, " "), err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s: seutu %s: GET / answered %s", at, strings.Join(args, " "), resp.Status)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("%s: seutu %s: exit %d\n%s", at, strings.Join(args, " "), code, errOut.String())
	}
}

// checkGoTest checks that a go test command names packages, benchmarks and
// files that exist.
func checkGoTest(t *testing.T, at string, args []string) {
	t.Helper()
	var pkgs []string
	var bench string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-"):
			pkgs = append(pkgs, a)
		case name == "pgo":
			mustExist(t, at, value)
		case name == "bench" || name == "run" || name == "benchtime" || name == "count" || name == "fuzz" || name == "fuzztime" || name == "timeout":
			if !hasValue {
				i++
				if i < len(args) {
					value = args[i]
				}
			}
			if name == "bench" {
				bench = value
			}
		case name == "update" || name == "v" || name == "race" || name == "short":
		default:
			t.Errorf("%s: go test flag %s is not one this test knows", at, a)
		}
	}
	for _, p := range pkgs {
		dir := strings.TrimSuffix(p, "/...")
		mustExist(t, at, dir)
		if bench == "" || bench == "." {
			continue
		}
		first := strings.Split(strings.Trim(bench, "'"), "/")[0]
		re, err := regexp.Compile(first)
		if err != nil {
			t.Errorf("%s: -bench %s: %v", at, bench, err)
			continue
		}
		if !hasFunc(t, filepath.Join(root, dir), "Benchmark", re) {
			t.Errorf("%s: no benchmark in %s matches -bench %s", at, dir, bench)
		}
	}
}

var funcDecl = regexp.MustCompile(`(?m)^func (Benchmark\w*)\(`)

// hasFunc reports whether a _test.go file in dir declares a function
// whose name, less prefix, matches re.
func hasFunc(t *testing.T, dir, prefix string, re *regexp.Regexp) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range funcDecl.FindAllStringSubmatch(string(src), -1) {
			if strings.HasPrefix(m[1], prefix) && re.MatchString(strings.TrimPrefix(m[1], prefix)) {
				return true
			}
		}
	}
	return false
}

// checkEnvRead requires an environment variable set before a command to
// be one the command reads.
func checkEnvRead(t *testing.T, at, name string) {
	t.Helper()
	switch name {
	case "TMPDIR", "GOGC", "SOURCE_DATE_EPOCH", "CI":
		return // read by Go, the shell or the scripts themselves
	}
	found := false
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || found {
			return nil
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".sh") {
			src, _ := os.ReadFile(p)
			found = bytes.Contains(src, []byte(`"`+name+`"`)) || bytes.Contains(src, []byte("$"+name))
		}
		return nil
	})
	if !found {
		t.Errorf("%s: nothing in the repository reads %s", at, name)
	}
}

func mustExist(t *testing.T, at, path string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(root, path)); err != nil {
		t.Errorf("%s: %s does not exist", at, path)
	}
}

// stripComment removes a shell comment: a # at the start or after a space,
// outside quotes.
func stripComment(line string) string {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' '):
			return line[:i]
		}
	}
	return line
}

// shellWords splits a command line as the shell would, for the simple
// lines the README shows: words, and single or double quotes.
func shellWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	var quote rune
	inWord := false
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words, inWord = append(words, cur.String()), false
				cur.Reset()
			}
		case r == '$' || r == '`' || r == '|' || r == ';' || r == '&':
			return nil, errUnsupported(line)
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errUnsupported(line)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

type errUnsupported string

func (e errUnsupported) Error() string {
	return "a command line this test cannot read (pipes, variables, unclosed quotes): " + string(e)
}

// checkSiteTOML requires the sample site.toml to parse cleanly and to be
// one the repository's own content passes with.
func checkSiteTOML(t *testing.T, b block) {
	if _, diags := config.Parse([]byte(b.text)); len(diags) > 0 {
		t.Fatalf("README.md:%d: the sample site.toml: %v", b.line, diags)
	}
	dir := repoSite(t)
	if err := os.WriteFile(filepath.Join(dir, "content/site.toml"), []byte(b.text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"check", "-source", dir}, &out, &errOut); code != exitOK {
		t.Errorf("README.md:%d: the site's own content does not pass with the sample site.toml:\n%s", b.line, errOut.String())
	}
}

// checkYAML checks a YAML block: front matter (a mapping with a title)
// must pass the check as a page of some kind in the real site; a list of
// workflow steps must parse, and the seutu commands it runs must succeed.
func checkYAML(t *testing.T, b block) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(b.text), &node); err != nil {
		t.Fatalf("README.md:%d: not valid YAML: %v", b.line, err)
	}
	var front map[string]any
	if yaml.Unmarshal([]byte(b.text), &front) == nil && front["title"] != nil {
		checkFrontMatter(t, b)
		return
	}
	var steps []map[string]any
	if err := yaml.Unmarshal([]byte(b.text), &steps); err != nil || len(steps) == 0 {
		t.Fatalf("README.md:%d: neither front matter nor workflow steps", b.line)
	}
	for _, s := range steps {
		script, ok := s["run"].(string)
		if !ok {
			t.Errorf("README.md:%d: a step without run:", b.line)
			continue
		}
		for _, line := range strings.Split(script, "\n") {
			line = strings.TrimSpace(stripComment(line))
			if !strings.HasPrefix(line, "go run ./cmd/seutu ") {
				continue // the host's own commands (curl, gh, date)
			}
			words, err := shellWords(line)
			if err != nil {
				t.Errorf("README.md:%d: %v", b.line, err)
				continue
			}
			runSeutu(t, "README.md:"+strconv.Itoa(b.line), words[3:])
		}
	}
}

// checkFrontMatter places the front matter in each kind's folder of a copy
// of the real site: in one of them it must raise no error. (A new person
// has a warning that no page names them, which only another page mends.)
func checkFrontMatter(t *testing.T, b block) {
	dir := repoSite(t)
	var tried []string
	for folder := range model.Sections {
		name := "content/" + folder + "/readme-esimerkki.md"
		file := filepath.Join(dir, name)
		os.WriteFile(file, []byte("---\n"+b.text+"---\nTeksti.\n"), 0o644)
		var out, errOut bytes.Buffer
		run(context.Background(), []string{"check", "-source", dir}, &out, &errOut)
		os.Remove(file)
		var mine []string
		for _, l := range strings.Split(errOut.String(), "\n") {
			if strings.HasPrefix(l, name+":") && strings.Contains(l, ": error: ") {
				mine = append(mine, l)
			}
		}
		if len(mine) == 0 {
			return
		}
		tried = append(tried, strings.Join(mine, "\n"))
	}
	t.Errorf("README.md:%d: the example is not clean front matter of any kind:\n%s", b.line, strings.Join(tried, "\n\n"))
}

// checkUsage requires the README's usage block to be what seutu -h prints.
func checkUsage(t *testing.T, b block) {
	var out bytes.Buffer
	run(context.Background(), []string{"-h"}, &out, io.Discard)
	if b.text != out.String() {
		t.Errorf("README.md:%d: the usage block is not what seutu -h prints; replace it with:\n%s", b.line, out.String())
	}
}

var diagLine = regexp.MustCompile(`^content/[a-z0-9/-]+\.md:\d+:\d+: (error|warning): \S|^\d+ errors?, \d+ warnings?$`)

// checkDiagnostics requires an example of check's output to be in its
// format.
func checkDiagnostics(t *testing.T, b block) {
	for i, l := range strings.Split(strings.TrimSpace(b.text), "\n") {
		if !diagLine.MatchString(l) {
			t.Errorf("README.md:%d: not a line that check prints: %s", b.line+1+i, l)
		}
	}
}

var layoutLine = regexp.MustCompile(`^\s+([a-z-]+)/\s+(\w+)(\s|$)`)

// checkLayout requires the content layout's folders to be the model's, each
// with its kind, and the top-level folders to exist.
func checkLayout(t *testing.T, b block) {
	seen := map[string]bool{}
	for i, l := range strings.Split(b.text, "\n") {
		if m := layoutLine.FindStringSubmatch(l); m != nil && m[1] != "anything-else" {
			kind, ok := model.Sections[m[1]]
			if !ok || string(kind) != m[2] {
				t.Errorf("README.md:%d: %s/ holds %q, not %s", b.line+1+i, m[1], kind, m[2])
			}
			seen[m[1]] = true
		}
		if top, _, ok := strings.Cut(l, "/ "); ok && !strings.HasPrefix(l, " ") && top != "public" {
			mustExist(t, "README.md:"+strconv.Itoa(b.line+1+i), top)
		}
	}
	for folder := range model.Sections {
		if !seen[folder] {
			t.Errorf("README.md:%d: the content layout leaves out %s/", b.line, folder)
		}
	}
}

// checkPackages requires the package list to name every package of the
// repository, and only those.
func checkPackages(t *testing.T, b block) {
	listed := map[string]bool{}
	for i, l := range strings.Split(b.text, "\n") {
		if f := strings.Fields(l); len(f) > 0 && !strings.HasPrefix(l, " ") {
			listed[f[0]] = true
			mustExist(t, "README.md:"+strconv.Itoa(b.line+1+i), f[0])
		}
	}
	for _, pattern := range []string{"cmd/*", "internal/*"} {
		dirs, _ := filepath.Glob(filepath.Join(root, pattern))
		for _, d := range dirs {
			rel, _ := filepath.Rel(root, d)
			if st, err := os.Stat(d); err == nil && st.IsDir() && !listed[filepath.ToSlash(rel)] {
				t.Errorf("README.md:%d: the package list leaves out %s", b.line, rel)
			}
		}
	}
}
