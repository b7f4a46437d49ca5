package body

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"

	"seutu/internal/diag"
	"seutu/internal/markdown"
)

// The cache file keeps a Memo between builds, in one file, read whole and
// written whole:
//
//	magic      "seutu bodies\n"
//	version    uvarint length, bytes: the Memo's version (FormatVersion,
//	           the modules); another version is not read
//	count      uvarint
//	entries    count times: Key (32 bytes), uvarint length, entry
//	checksum   CRC-32C of all of the above, 4 bytes big-endian
//
// An entry is a markdown.Frozen, every number a uvarint and every string
// its length and bytes (appendEntry). Entries are read only when a build
// asks for them, and written again as they were read. For the generated
// site of 10 000 pages (9 200 bodies) the file is 22.8 MB, read and
// checked in 35-60 ms and written in 20-170 ms on a shared 2-core machine:
// no need for anything cleverer than one file.
//
// The cache only ever saves work: anything wrong with the file (missing,
// unreadable, truncated, altered, of another version) makes an empty
// Memo, and an entry that does not decode is converted again. Keys hash
// the text, so another site's file is merely useless.

// CacheFile is the cache file's name in the cache folder.
const CacheFile = "bodies.cache"

const magic = "seutu bodies\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Load reads the Memo saved in the folder dir. It never fails: a missing
// or unusable file gives an empty Memo, and Note says why.
func Load(dir string) *Memo {
	m := &Memo{version: version(), file: map[Key][]byte{}, encoded: map[Key][]byte{}, persist: true}
	data, err := os.ReadFile(filepath.Join(dir, CacheFile))
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		m.note = err.Error()
	default:
		entries, err := parseFile(data, m.version)
		if err != nil {
			m.note = CacheFile + ": " + err.Error()
		} else {
			m.file = entries
		}
	}
	return m
}

// Note says why Load found nothing to use in a file that was there, or "".
func (m *Memo) Note() string { return m.note }

// Len says how many conversions the Memo holds: as loaded, for one that
// Load made.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.persist {
		return len(m.file)
	}
	return len(m.kept)
}

// Used says how many conversions a Memo made by Load would Save.
func (m *Memo) Used() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.encoded)
}

var errFormat = errors.New("not a cache file of this version")

// parseFile checks a cache file and indexes its entries, which stay
// slices of data.
func parseFile(data []byte, version string) (map[Key][]byte, error) {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, errFormat
	}
	body, sum := data[:len(data)-4], binary.BigEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errors.New("checksum mismatch")
	}
	d := decoder{b: body[len(magic):]}
	if d.str() != version {
		return nil, errFormat
	}
	n := d.count(len(Key{}) + 1)
	entries := make(map[Key][]byte, n)
	for range n {
		var k Key
		copy(k[:], d.bytes(len(k)))
		entries[k] = d.bytes(d.count(1))
	}
	if d.bad || len(d.b) != 0 {
		return nil, errors.New("malformed")
	}
	return entries, nil
}

// Save writes the conversions this build used to the folder dir, in a
// temporary file renamed over the old one, so that a build killed while
// saving leaves the old file or the new one whole. It is for a Memo made
// by Load; a build saves once it succeeded.
func (m *Memo) Save(dir string) (err error) {
	if !m.persist {
		return errors.New("a memory memo is not saved")
	}
	m.mu.Lock()
	keys := make([]Key, 0, len(m.encoded))
	for k := range m.encoded {
		keys = append(keys, k)
	}
	m.mu.Unlock()
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) }) // the same bodies, the same file
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".bodies-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	crc := crc32.New(castagnoli)
	w := bufio.NewWriterSize(io.MultiWriter(f, crc), 1<<16)
	var head []byte
	head = append(head, magic...)
	head = appendString(head, m.version)
	head = binary.AppendUvarint(head, uint64(len(keys)))
	w.Write(head)
	var n [binary.MaxVarintLen64]byte
	for _, k := range keys {
		raw := m.encoded[k]
		w.Write(k[:])
		w.Write(n[:binary.PutUvarint(n[:], uint64(len(raw)))])
		w.Write(raw)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if _, err := f.Write(crc.Sum(nil)); err != nil { // big-endian, as parseFile reads it
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, CacheFile))
}

// appendEntry encodes f.
func appendEntry(b []byte, f markdown.Frozen) []byte {
	b = binary.AppendUvarint(b, uint64(len(f.Text)))
	for _, t := range f.Text {
		b = appendString(b, t)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Holes)))
	for _, h := range f.Holes {
		b = binary.AppendUvarint(b, uint64(h))
	}
	b = binary.AppendUvarint(b, uint64(len(f.Headings)))
	for _, h := range f.Headings {
		b = binary.AppendUvarint(b, uint64(h.Level))
		b = appendString(b, h.ID)
		b = appendString(b, h.Text)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Links)))
	for _, l := range f.Links {
		b = appendString(b, l.Dest)
		b = appendBool(b, l.Image)
		b = appendPos(b, l.Pos)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Diags)))
	for _, d := range f.Diags {
		b = appendPos(b, d.Pos)
		b = binary.AppendUvarint(b, uint64(d.Severity))
		b = appendString(b, d.Msg)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendPos(b []byte, p diag.Pos) []byte {
	b = appendString(b, p.File)
	b = binary.AppendUvarint(b, uint64(p.Line))
	return binary.AppendUvarint(b, uint64(p.Col))
}

// decodeEntry decodes what appendEntry encoded, and reports false for
// anything else.
func decodeEntry(b []byte) (markdown.Frozen, bool) {
	d := decoder{b: b}
	var f markdown.Frozen
	f.Text = make([]string, d.count(1))
	for i := range f.Text {
		f.Text[i] = d.str()
	}
	if n := d.count(1); n > 0 {
		f.Holes = make([]int, n)
		for i := range f.Holes {
			f.Holes[i] = d.int()
		}
	}
	if n := d.count(3); n > 0 {
		f.Headings = make([]markdown.Heading, n)
		for i := range f.Headings {
			f.Headings[i] = markdown.Heading{Level: d.int(), ID: d.str(), Text: d.str()}
		}
	}
	if n := d.count(5); n > 0 {
		f.Links = make([]markdown.Link, n)
		for i := range f.Links {
			f.Links[i] = markdown.Link{Dest: d.str(), Image: d.bool(), Pos: d.pos()}
		}
	}
	if n := d.count(5); n > 0 {
		f.Diags = make(diag.List, n)
		for i := range f.Diags {
			f.Diags[i] = diag.Diagnostic{Pos: d.pos(), Severity: diag.Severity(d.int()), Msg: d.str()}
		}
	}
	if d.bad || len(d.b) != 0 {
		return markdown.Frozen{}, false
	}
	return f, true
}

// decoder reads what the append functions wrote. Past the first problem
// it reads zeros and sets bad; a count is never more than what is left
// could hold, so that no length in the file makes it allocate more than
// the file's size.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a number of things each at least min bytes long.
func (d *decoder) count(min int) int {
	v := d.uvarint()
	if v > uint64(len(d.b)/min) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(v)
}

func (d *decoder) int() int {
	v := d.uvarint()
	if v > 1<<31 {
		d.bad = true
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.bad, d.b = true, nil
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string { return string(d.bytes(d.count(1))) }

func (d *decoder) bool() bool {
	b := d.bytes(1)
	if len(b) == 1 && b[0] > 1 {
		d.bad = true
	}
	return len(b) == 1 && b[0] == 1
}

func (d *decoder) pos() diag.Pos { return diag.Pos{File: d.str(), Line: d.int(), Col: d.int()} }
