package load

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"seutu/internal/diag"
	"seutu/internal/fi"
	"seutu/internal/meta"
	"seutu/internal/model"
	"seutu/internal/sitefs"
)

// source is a content file split into front matter and body.
type source struct {
	file     string
	meta     *meta.Value // nil when the front matter did not parse
	front    []byte      // the file up to the body: a later read with the same front needs no new decoding
	body     []byte
	bodyLine int
}

// format remembers which front matter delimiter matched, since
// adrg/frontmatter only hands over the bytes between the delimiters.
type capture struct {
	format string
	raw    []byte
}

func captureAs(name string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		c := v.(*capture)
		c.format, c.raw = name, data
		return nil
	}
}

// frontReader hands a file to adrg/frontmatter a line at a time and ends
// once the front matter is captured. The parser copies all it reads into
// its own buffer, and would otherwise copy the whole body; the body is
// taken from the file instead, from off on, less what the parser read
// beyond the front matter. Splitting the 10 000 content files (18 MB) of
// a generated site takes 28 ms and allocates 24 MB with this reader and
// bufioPool, 57 ms and 115 MB with frontmatter.Parse(bytes.NewReader(src))
// (BenchmarkSplitFront, medians of 6 runs on 2 shared cores); readSource
// on them takes 133 ms and 74 MB, a whole build about 1.5 s and 180 MB.
// The line feeding and the pool each save about 45 MB of the 90.
// TestSplitFrontAsPlain and FuzzSplitFront hold it to the plain parse.
type frontReader struct {
	src  []byte
	off  int
	done *capture
}

func (r *frontReader) Read(b []byte) (int, error) {
	if r.done.format != "" || r.off == len(r.src) {
		return 0, io.EOF
	}
	line := r.src[r.off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(b, line)
	r.off += n
	return n, nil
}

// bufioPool holds readers of bufio's default size, which
// adrg/frontmatter's bufio.NewReader takes as they are.
var bufioPool = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", captureAs("yaml")),
	frontmatter.NewFormat("+++", "+++", captureAs("toml")),
}

// splitFront finds the front matter of src: c says its format and holds
// its bytes (no format when src has none), and the body is src[bodyStart:],
// part of the file's own bytes rather than of the parser's buffer: what
// the site keeps in memory is the files.
func splitFront(src []byte) (c capture, bodyStart int, err error) {
	r := &frontReader{src: src, done: &c}
	br := bufioPool.Get().(*bufio.Reader)
	br.Reset(r)
	rest, err := frontmatter.Parse(br, &c, formats...)
	br.Reset(nil)
	bufioPool.Put(br)
	return c, r.off - len(rest), err
}

// readSource reads and splits a content file, checking its size and
// encoding. CRLF line ends are fine.
func readSource(fsys fs.FS, file string, limit int64) (*source, diag.List) {
	var diags diag.List
	start := diag.Pos{File: file, Line: 1, Col: 1}
	src, size, err := readFile(fsys, file, limit)
	if nr := (*sitefs.NotRegularError)(nil); errors.As(err, &nr) {
		diags.Errorf(diag.Pos{File: file}, "%v", nr) // no lines to point at
		return nil, diags
	}
	if err != nil {
		diags.Errorf(start, "cannot read: %v", err)
		return nil, diags
	}
	if src == nil {
		diags.Errorf(start, "the file is %d kB, more than the %d kB a page may be (max_file_kb in site.toml); split it, or link to a document instead", (size+1023)/1024, limit/1024)
		return nil, diags
	}
	if bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		diags.Errorf(start, "a binary file, not text: images and documents belong under assets/")
		return nil, diags
	}
	if rest, ok := bytes.CutPrefix(src, []byte("\xef\xbb\xbf")); ok {
		diags.Warnf(start, "the file starts with a byte-order mark; it is harmless here, but save the file as UTF-8 without BOM")
		src = rest
	}
	if !utf8.Valid(src) {
		diags.Errorf(invalidUTF8(file, src), "not valid UTF-8: save the file as UTF-8")
		return nil, diags
	}
	if len(bytes.TrimSpace(src)) == 0 {
		diags.Errorf(start, "the file is empty: it needs front matter with at least a title")
		return nil, diags
	}

	c, bodyStart, err := splitFront(src)
	if err != nil {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "cannot read front matter: %v", err)
		return nil, diags
	}
	openLine, delim := firstLine(src)
	if c.format == "" {
		if delim == "---" || delim == "+++" {
			// adrg/frontmatter reads an unclosed block as no front matter at all.
			diags.Errorf(diag.Pos{File: file, Line: openLine, Col: 1}, "front matter opened with %s is never closed: add a %s line after the last field", delim, delim)
		} else {
			diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "no front matter: start the file with a --- line, the fields (title: …), and another --- line")
		}
		return nil, diags
	}
	s := &source{file: file, front: src[:bodyStart], body: src[bodyStart:]}
	s.bodyLine = bytes.Count(s.front, []byte("\n")) + 1
	var mdiags diag.List
	if c.format == "yaml" {
		s.meta, mdiags = meta.ParseYAML(c.raw, file, openLine+1)
	} else {
		s.meta, mdiags = meta.ParseTOML(c.raw, file, openLine+1)
	}
	diags.Merge(mdiags)
	return s, diags
}

// readFile reads a file with one open, unless it is larger than limit
// (when limit > 0): then it returns a nil slice and the size. It reads at
// most limit+1 bytes whatever Stat says, since a file may grow while it
// is read (and a special file's size says nothing; sitefs refuses those).
// Under an os.Root a Stat and a ReadFile each open every folder on the
// path.
func readFile(fsys fs.FS, name string, limit int64) ([]byte, int64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if limit > 0 && st.Size() > limit {
		return nil, st.Size(), nil
	}
	// One byte more than the size, to meet the end without growing.
	src := make([]byte, 0, max(st.Size(), 0)+1)
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if limit > 0 && int64(len(src)) > limit {
			return nil, int64(len(src)), nil
		}
		if err == io.EOF {
			return src, int64(len(src)), nil
		}
		if err != nil {
			return nil, 0, err
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
	}
}

// firstLine returns the number and the text of the first non-blank line.
func firstLine(src []byte) (int, string) {
	n := 0
	for line := range bytes.Lines(src) {
		n++
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return n, string(t)
		}
	}
	return 1, ""
}

func invalidUTF8(file string, src []byte) diag.Pos {
	line, col := 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// readPage reads one page and decodes its fields by kind. When the file's
// front matter is byte for byte what old read, it keeps old's page and
// decoding and only takes the new body: the common edit in the dev server.
func readPage(fsys fs.FS, name string, limit int64, old file, defaultLang string) file {
	s, diags := readSource(fsys, name, limit)
	if s == nil || s.meta == nil {
		return file{diags: diags}
	}
	if p := old.page; p != nil && bytes.Equal(s.front, old.front) && len(diags) == 0 && len(old.readDiags) == 0 {
		return file{page: p, body: s.body, bodyLine: s.bodyLine, front: s.front, frontDiags: old.frontDiags,
			diags: withPlaceholders(old.frontDiags, p, s.body, s.bodyLine), bodyOnly: true}
	}
	p := newPage(name, defaultLang)
	d := &decoder{Decoder: meta.Decoder{Diags: slices.Clone(diags)}, page: p}
	d.decode(s.meta)
	return file{page: p, body: s.body, bodyLine: s.bodyLine, front: s.front, frontDiags: d.Diags,
		diags: withPlaceholders(d.Diags, p, s.body, s.bodyLine), readDiags: diags}
}

// placeholderMsg is the error for a text `seutu new` left to replace.
var placeholderMsg = fmt.Sprintf("placeholder text from seutu new: write the page's own text in place of %q, or keep the page a draft (draft: true) until it is ready", model.Placeholder+" …")

// withPlaceholders returns front's diagnostics and an error for each
// placeholder left in the body of p, unless p is a draft. Front matter's
// placeholders (the summary's) are the decoder's to report.
func withPlaceholders(front diag.List, p *model.Page, body []byte, line int) diag.List {
	if p.Draft || !bytes.Contains(body, placeholderBytes) {
		return front
	}
	diags := slices.Clone(front)
	lineStart := 0
	for off := 0; ; {
		i := bytes.Index(body[off:], placeholderBytes)
		if i < 0 {
			break
		}
		at := off + i
		// Lines are counted from the last match on, so that the scan
		// stays linear in the body however many matches there are.
		seen := body[lineStart:at]
		if n := bytes.Count(seen, newline); n > 0 {
			line += n
			lineStart += bytes.LastIndexByte(seen, '\n') + 1
		}
		col := utf8.RuneCount(body[lineStart:at]) + 1
		diags.Errorf(diag.Pos{File: p.File, Line: line, Col: col}, "%s", placeholderMsg)
		off = at + len(placeholderBytes)
	}
	return diags
}

var (
	placeholderBytes = []byte(model.Placeholder)
	newline          = []byte("\n")
)

// newPage places a file in the site: its kind, section, key and slug.
func newPage(file, defaultLang string) *model.Page {
	orig, code := sitefs.SplitLang(file)
	if code == defaultLang {
		code = "" // x.fi.md, as the web editor names it, is the original
	}
	rel := strings.TrimPrefix(orig, "content/")
	dir, name := path.Split(rel)
	key := strings.TrimSuffix(name, ".md")
	p := &model.Page{File: file, Key: key, Lang: code}
	if dir != "" {
		p.Section, _, _ = strings.Cut(dir, "/")
	}
	p.Kind = kindOf(p.Section)
	if p.Section == "" {
		p.Kind = model.KindPage
	}
	p.Slug = fi.Slugify(key)
	return p
}

// readIndex reads a folder's _index.md: the list page's title and intro.
func readIndex(fsys fs.FS, name string, limit int64, defaultLang string) file {
	s, diags := readSource(fsys, name, limit)
	if s == nil || s.meta == nil {
		return file{diags: diags}
	}
	_, code := sitefs.SplitLang(name)
	if code == defaultLang {
		code = ""
	}
	sec := &model.Section{File: name, Lang: code}
	if dir := path.Dir(strings.TrimPrefix(name, "content/")); dir != "." {
		sec.Name, _, _ = strings.Cut(dir, "/")
	}
	d := meta.Decoder{Diags: diags}
	d.Fields(s.meta, map[string]meta.FieldFunc{
		"title":   func(v *meta.Value) { sec.Title = d.Text(v) },
		"summary": func(v *meta.Value) { sec.Summary = d.Text(v) },
		"layout":  func(v *meta.Value) { sec.Layout = d.Text(v) },
		"updated": func(v *meta.Value) { d.Date(v) },
		"todo":    func(v *meta.Value) { d.Text(v) },
	}, "an _index.md")
	return file{index: sec, body: s.body, bodyLine: s.bodyLine, diags: d.Diags}
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
