package body

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"seutu/internal/markdown"
)

// FormatVersion names what shapes a conversion besides the text: bump it
// whenever package markdown's output (HTML, headings, links, diagnostics)
// or the cache file's layout changes. TestFormatVersion holds it to a
// digest of sample conversions, so that a change cannot go unnoticed.
const FormatVersion = "seutu-body-2" // 2: <br> and <img …>, not <br />

// version is FormatVersion and the modules the binary was built with
// (goldmark's version among them), so that an upgrade of a dependency
// starts the cache afresh. The main module's own revision is left out on
// purpose: the site's repository is often the program's own, and every
// commit of content would then empty the cache.
var version = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(FormatVersion)
	if info, ok := debug.ReadBuildInfo(); ok {
		b.WriteString("\n" + info.GoVersion)
		for _, d := range info.Deps {
			if d.Replace != nil {
				d = d.Replace
			}
			b.WriteString("\n" + d.Path + "@" + d.Version + " " + d.Sum)
		}
	}
	return b.String()
})

// Key names a conversion: the hash of everything its result depends on.
type Key [sha256.Size]byte

// Memo remembers conversions by Key, so that a body whose text did not
// change is not converted again, whatever slice holds it: in memory for
// the dev server (NewMemo), or in a file between builds (Load, Save). It
// is safe for concurrent use.
type Memo struct {
	mu      sync.Mutex
	version string
	kept    map[Key]markdown.Result // from the last Link (NewMemo)
	used    map[Key]markdown.Result // since the last commit (NewMemo)
	persist bool                    // made by Load: the entries stay in files (file.go)
	note    string                  // why the file gave nothing

	// Made by Load: the cache folder, the file as loaded and where its
	// entries are, the file of the conversions made since, and where each
	// entry this build used is.
	dir       string
	old       *os.File
	index     map[Key]span
	fresh     *os.File
	freshName string // "" once removed (see keepFresh)
	fw        *bufio.Writer
	freshEnd  int64
	werr      error // why fresh could not be written: Save fails with it
	at        map[Key]entryAt
}

// NewMemo returns a Memo in memory: it keeps the conversions of the last
// Link for the next.
func NewMemo() *Memo {
	return &Memo{version: version(), kept: map[Key]markdown.Result{}, used: map[Key]markdown.Result{}}
}

// Key hashes a body's text, its source file and the file's line of the
// body's first line (both in the positions of its links and diagnostics),
// and the memo's version.
func (m *Memo) Key(text []byte, file string, line int) Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	field := func(b []byte) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
		h.Write(b)
	}
	field([]byte(m.version))
	field([]byte(file))
	h.Write(n[:binary.PutVarint(n[:], int64(line))])
	field(text)
	var k Key
	h.Sum(k[:0])
	return k
}

// get returns the conversion of key, made a Result of md.
func (m *Memo) get(key Key, md *markdown.Converter) (markdown.Result, bool) {
	m.mu.Lock()
	if !m.persist {
		res, ok := m.used[key]
		if !ok {
			if res, ok = m.kept[key]; ok {
				m.used[key] = res
			}
		}
		m.mu.Unlock()
		return res, ok
	}
	loc, ok := m.index[key]
	old := m.old
	m.mu.Unlock()
	if !ok || old == nil {
		return markdown.Result{}, false
	}
	raw := make([]byte, loc.n)
	if _, err := old.ReadAt(raw, loc.off); err != nil {
		return markdown.Result{}, false
	}
	f, ok := decodeEntry(raw)
	if !ok {
		return markdown.Result{}, false
	}
	res, ok := md.Thaw(f)
	if !ok {
		return markdown.Result{}, false
	}
	m.mu.Lock()
	m.at[key] = entryAt{span: loc}
	m.mu.Unlock()
	return res, true
}

// put remembers the conversion of key.
func (m *Memo) put(key Key, res markdown.Result) {
	if m.persist {
		m.keepFresh(key, appendEntry(nil, res.Freeze()))
		return
	}
	m.mu.Lock()
	m.used[key] = res
	m.mu.Unlock()
}

// commit ends a Link: a memory Memo keeps what it used, and lets go of
// the rest, so that it holds the site's bodies as they are, not every
// version of them.
func (m *Memo) commit() {
	if m.persist {
		return
	}
	m.mu.Lock()
	m.kept, m.used = m.used, map[Key]markdown.Result{}
	m.mu.Unlock()
}
