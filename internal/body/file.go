package body

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"seutu/internal/diag"
	"seutu/internal/markdown"
)

// The cache file keeps a Memo between builds, in one file:
//
//	magic      "seutu bodies\n"
//	version    uvarint length, bytes: the Memo's version (FormatVersion,
//	           the modules); another version is not read
//	count      uvarint
//	entries    count times: Key (32 bytes), uvarint length, entry
//	checksum   CRC-32C of all of the above, 4 bytes big-endian
//
// An entry is a markdown.Frozen, every number a uvarint and every string
// its length and bytes (appendEntry). No entry is held in memory: Load
// reads the file through once, to check it, and keeps where each entry is
// (an index of Keys and offsets, 0.5 MB for 9 200 bodies); an entry is
// read from the file (ReadAt) when a build asks for it. A conversion the
// file does not hold is written as it is made to a temporary file, and
// Save writes the new cache file, in Key order, from the two. For the
// generated site of 10 000 pages (9 200 bodies) the file is 22.8 MB: read
// whole and kept with every entry used as encoded, it took 40 MB of a
// warm build's peak RSS (219 MB against 186 MB without a cache), and
// holding the new conversions encoded 42 MB of a cold build's.
//
// The cache only ever saves work: anything wrong with the file (missing,
// unreadable, truncated, altered, of another version) makes an empty
// Memo, and an entry that does not decode, or cannot be read, is
// converted again. Keys hash the text, so another site's file is merely
// useless.

// CacheFile is the cache file's name in the cache folder.
const CacheFile = "bodies.cache"

const magic = "seutu bodies\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// span is where an entry is in a file.
type span struct {
	off int64
	n   int
}

// entryAt is where an entry this build used is: in the cache file as
// loaded, or in the file of new conversions.
type entryAt struct {
	span
	fresh bool
}

// Load reads the index of the Memo saved in the folder dir, and keeps the
// file open to read entries from (until Save or Close). It never fails: a
// missing or unusable file gives an empty Memo, and Note says why.
func Load(dir string) *Memo {
	m := &Memo{version: version(), dir: dir, index: map[Key]span{}, at: map[Key]entryAt{}, persist: true}
	f, err := os.Open(filepath.Join(dir, CacheFile))
	switch {
	case errors.Is(err, os.ErrNotExist):
		return m
	case err != nil:
		m.note = err.Error()
		return m
	}
	index, err := readIndex(f, m.version)
	if err != nil {
		f.Close()
		m.note = CacheFile + ": " + err.Error()
		return m
	}
	m.old, m.index = f, index
	return m
}

// readIndex checks the cache file f through and indexes its entries.
func readIndex(f *os.File, version string) (map[Key]span, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a file")
	}
	return parseIndex(f, st.Size(), version)
}

// Note says why Load found nothing to use in a file that was there, or "".
func (m *Memo) Note() string { return m.note }

// Len says how many conversions the Memo holds: as loaded, for one that
// Load made.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.persist {
		return len(m.index)
	}
	return len(m.kept)
}

// Used says how many conversions a Memo made by Load would Save.
func (m *Memo) Used() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.at)
}

var errFormat = errors.New("not a cache file of this version")

// parseIndex checks a cache file of size bytes and says where its entries
// are. It reads the file once, in order, and keeps none of it.
func parseIndex(r io.ReaderAt, size int64, version string) (map[Key]span, error) {
	if size < int64(len(magic))+4 {
		return nil, errFormat
	}
	var sum [4]byte
	if _, err := r.ReadAt(sum[:], size-4); err != nil {
		return nil, err
	}
	crc := crc32.New(castagnoli)
	sc := &scanner{br: bufio.NewReaderSize(io.TeeReader(io.NewSectionReader(r, 0, size-4), crc), 1<<16), left: size - 4}
	if string(sc.bytes(len(magic))) != magic || string(sc.bytes(sc.count(1))) != version {
		if sc.err != nil {
			return nil, sc.err
		}
		return nil, errFormat
	}
	n := sc.count(len(Key{}) + 1)
	entries := make(map[Key]span, n)
	for range n {
		var k Key
		copy(k[:], sc.bytes(len(k)))
		l := sc.count(1)
		entries[k] = span{sc.pos, l}
		sc.skip(l)
	}
	switch {
	case sc.err != nil:
		return nil, sc.err
	case sc.bad || sc.left != 0:
		return nil, errors.New("malformed")
	case crc.Sum32() != binary.BigEndian.Uint32(sum[:]):
		return nil, errors.New("checksum mismatch")
	}
	return entries, nil
}

// scanner reads a cache file in order, as decoder reads an entry: past
// the first problem it reads nothing and sets bad (or err, for a file
// that cannot be read); a count is never more than what is left could
// hold.
type scanner struct {
	br   *bufio.Reader
	pos  int64 // bytes read
	left int64 // bytes left, before the checksum
	bad  bool
	err  error
}

func (s *scanner) fail(err error) {
	if s.err == nil && !s.bad {
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			s.err = err
		} else {
			s.bad = true
		}
	}
	s.left = 0
}

func (s *scanner) uvarint() uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if s.bad || s.err != nil || s.left == 0 || shift > 63 {
			s.fail(nil)
			return 0
		}
		b, err := s.br.ReadByte()
		if err != nil {
			s.fail(err)
			return 0
		}
		s.pos++
		s.left--
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
}

// count reads a number of things each at least min bytes long.
func (s *scanner) count(min int) int {
	v := s.uvarint()
	if v > uint64(s.left/int64(min)) {
		s.fail(nil)
		return 0
	}
	return int(v)
}

func (s *scanner) bytes(n int) []byte {
	if s.bad || s.err != nil || int64(n) > s.left {
		s.fail(nil)
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(s.br, b); err != nil {
		s.fail(err)
		return nil
	}
	s.pos += int64(n)
	s.left -= int64(n)
	return b
}

func (s *scanner) skip(n int) {
	if s.bad || s.err != nil || int64(n) > s.left {
		s.fail(nil)
		return
	}
	if _, err := s.br.Discard(n); err != nil {
		s.fail(err)
		return
	}
	s.pos += int64(n)
	s.left -= int64(n)
}

// readEntry reads the encoded entry of key that this build used.
func (m *Memo) readEntry(e entryAt) ([]byte, error) {
	f := m.old
	if e.fresh {
		f = m.fresh
	}
	raw := make([]byte, e.n)
	if _, err := f.ReadAt(raw, e.off); err != nil {
		return nil, err
	}
	return raw, nil
}

// keepFresh writes the encoded conversion of key to the file of new
// conversions, made on the first call in the cache folder and removed at
// once where the system allows it (so that a build killed leaves nothing
// behind), else by Close. Without that file the Memo cannot be saved, and
// Save says why.
func (m *Memo) keepFresh(key Key, raw []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.at[key]; ok {
		return
	}
	m.at[key] = entryAt{fresh: true} // used: Save fails with werr if the bytes are not kept
	if m.werr != nil {
		return
	}
	if m.fresh == nil {
		if err := os.MkdirAll(m.dir, 0o755); err != nil {
			m.werr = err
			return
		}
		f, err := os.CreateTemp(m.dir, ".bodies-new-*")
		if err != nil {
			m.werr = err
			return
		}
		m.fresh, m.freshName = f, f.Name()
		if os.Remove(f.Name()) == nil {
			m.freshName = ""
		}
		m.fw = bufio.NewWriterSize(f, 1<<16)
	}
	if _, err := m.fw.Write(raw); err != nil {
		m.werr = err
		return
	}
	m.at[key] = entryAt{span{m.freshEnd, len(raw)}, true}
	m.freshEnd += int64(len(raw))
}

// Close lets go of the files a Memo made by Load reads and writes,
// without saving: for a build that failed or stopped. Save closes them
// too; Close after Save does nothing.
func (m *Memo) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.old != nil {
		m.old.Close()
		m.old = nil
	}
	if m.fresh != nil {
		m.fresh.Close()
		if m.freshName != "" {
			os.Remove(m.freshName)
		}
		m.fresh, m.fw = nil, nil
	}
}

// Save writes the conversions this build used to the folder dir, in a
// temporary file renamed over the old one, so that a build killed while
// saving leaves the old file or the new one whole. It is for a Memo made
// by Load; a build saves once it succeeded. The Memo is closed after.
func (m *Memo) Save(dir string) error {
	defer m.Close()
	if !m.persist {
		return errors.New("a memory memo is not saved")
	}
	m.mu.Lock()
	err := m.werr
	if err == nil && m.fw != nil {
		err = m.fw.Flush()
	}
	keys := make([]Key, 0, len(m.at))
	for k := range m.at {
		keys = append(keys, k)
	}
	at := maps.Clone(m.at)
	m.mu.Unlock()
	if err != nil {
		return err
	}
	return writeCache(dir, m.version, keys, func(k Key) ([]byte, error) { return m.readEntry(at[k]) })
}

// writeCache writes a cache file of the entries of keys, in Key order (the
// same bodies, the same file), to the folder dir.
func writeCache(dir, version string, keys []Key, entry func(Key) ([]byte, error)) (err error) {
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
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
	head = appendString(head, version)
	head = binary.AppendUvarint(head, uint64(len(keys)))
	w.Write(head)
	var n [binary.MaxVarintLen64]byte
	for _, k := range keys {
		raw, err := entry(k)
		if err != nil {
			return err
		}
		w.Write(k[:])
		w.Write(n[:binary.PutUvarint(n[:], uint64(len(raw)))])
		w.Write(raw)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if _, err := f.Write(crc.Sum(nil)); err != nil { // big-endian, as parseIndex reads it
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
