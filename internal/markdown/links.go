package markdown

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	gutil "github.com/yuin/goldmark/util"

	"seutu/internal/diag"
)

// Links are resolved after conversion, not during it: where a link goes
// depends on the whole site's addresses, and the Markdown does not. A body
// can then be converted while the site is still being resolved, and a body
// converted once stays good when a page elsewhere moves. Converting writes
// a hole where each destination goes; Link fills them.
//
// A hole is the converter's mark and the link's number. The mark is random
// for each Converter and never published, so no text of a body can hold
// one: text cannot forge a link. The mark is made of letters, digits and
// hyphens, which goldmark's URL and HTML escaping leave as they are, and
// goldmark writes the closing quote of the attribute right after it. It
// starts with QQ, rare in any text, so that looking for holes skips
// through a body at the speed of IndexByte.

func util(t any, priority int) gutil.PrioritizedValue {
	return gutil.Prioritized(t, priority)
}

// newMark returns a hole mark no one can guess.
func newMark() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return "QQ-seutu-link-" + hex.EncodeToString(b[:]) + "-"
}

// linkTransformer records every link and image, and puts a hole in place
// of its destination. Walking the whole tree, it records the headings too.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if st, _ := pc.Get(stateKey).(*state); st != nil {
		st.visit(doc)
	}
}

// visit records the links, images and headings under n, in document
// order. It is ast.Walk without a call on leaving each node, nor on
// entering text, which most nodes are.
func (st *state) visit(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			continue
		case *ast.Link:
			c.Destination = st.hole(c, c.Destination, false)
		case *ast.Image:
			c.Destination = st.hole(c, c.Destination, true)
		case *ast.Heading:
			st.heading(c)
		}
		if c.HasChildren() {
			st.visit(c)
		}
	}
}

func (s *state) hole(n ast.Node, dest []byte, image bool) []byte {
	s.links = append(s.links, Link{Dest: decodeDest(dest), Image: image, Pos: s.pos(nodeOffset(n))})
	return strconv.AppendInt([]byte(s.mark), int64(len(s.links)-1), 10)
}

// decodeDest is a destination as written in the Markdown, with its
// backslash escapes and character references resolved, as goldmark's
// renderer resolves them before it URL-escapes a destination
// (util.URLEscape with resolveReference): [x](/kunnat/&#x6a;amsa/) leads
// to /kunnat/jamsa/. Read as written, that link seemed to be /kunnat/&
// with the fragment #x6a;amsa/.
func decodeDest(dest []byte) string {
	if bytes.IndexByte(dest, '\\') < 0 && bytes.IndexByte(dest, '&') < 0 {
		return string(dest)
	}
	return string(gutil.ResolveEntityNames(gutil.ResolveNumericReferences(gutil.UnescapePunctuations(dest))))
}

// nodeOffset is where a node starts in the body: its own position when the
// parser recorded one, else its first text's.
func nodeOffset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start - 1
		}
	}
	return -1
}

// LinkResolver decides where a link in a page body goes. It is given the
// link's destination as Link.Dest has it, and returns the URL to write
// (which is URL- and HTML-escaped as goldmark escapes a destination), or
// a non-empty problem to report.
type LinkResolver interface {
	ResolveLink(dest string, image bool) (out string, problem string)
}

// Link returns the body's HTML with every link's destination as links
// resolves it, the links that resolved, and a diagnostic at each link that
// did not (whose destination stays as written) and at each whose
// destination the page goes without (see dropped). links is asked about
// each link once, in order. With links nil, every destination stays as
// written. r.HTML is left as it was, holes and all.
func (r Result) Link(links LinkResolver) (string, []Link, diag.List) {
	if len(r.Links) == 0 {
		return r.HTML, nil, nil
	}
	var diags diag.List
	resolved := make([]Link, 0, len(r.Links))
	dests := make([]string, len(r.Links))
	for i, l := range r.Links {
		dest := l.Dest
		if links != nil {
			out, problem := links.ResolveLink(l.Dest, l.Image)
			if problem != "" {
				diags.Errorf(l.Pos, "%s", problem)
				dests[i] = escapeDest(dest)
				continue
			}
			dest = out
			resolved = append(resolved, l)
		}
		dests[i] = escapeDest(dest)
		if dests[i] == "" && dest != "" {
			dropped(&diags, l.Pos, dest)
		}
	}
	if links == nil {
		resolved = r.Links
	}
	return fill(r.HTML, r.mark, dests), resolved, diags
}

// dropped tells the editor that the page goes without a link's
// destination: goldmark writes none for a URL that html.IsDangerousURL
// refuses, and the link or image would be left empty without a word. A
// script or a file on the editor's computer is an error, for neither can
// work for a reader; a data: address (an image other than PNG, GIF, JPEG
// or WebP, or a document) may be meant, so it is a warning.
func dropped(diags *diag.List, pos diag.Pos, dest string) {
	shown, n := dest, 0
	for i := range dest {
		if n == 40 { // a data: address may be a whole image
			shown = dest[:i] + "…"
			break
		}
		n++
	}
	switch {
	case hasPrefixFold(dest, "javascript:") || hasPrefixFold(dest, "vbscript:"):
		diags.Errorf(pos, "link to %q: links that run scripts are not published; link to a page or an https:// address", shown)
	case hasPrefixFold(dest, "file:"):
		diags.Errorf(pos, "link to %q: readers cannot open a file on your computer, so the link is not published; put the file under assets/ and link to it", shown)
	default:
		diags.Warnf(pos, "link to %q: a data: address is published only for a PNG, GIF, JPEG or WebP image, so the page has this one without its address; put the file under assets/ and link to it", shown)
	}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// fill returns s with each destination, escaped, in its hole: a link
// inside an image's description has a hole that goldmark never wrote, so
// some holes may be missing. The result is a new string, allocated once at
// its size; s is only read. Filling s's bytes in place saved that copy
// (about 5% of the bytes a 10,000-page render allocates) but changed a
// string that already existed, which Go forbids (#22); filling a []byte
// in place would save nothing, for making a string of it copies it.
func fill(s, mark string, dests []string) string {
	if mark == "" {
		return s
	}
	size := 0
	forHoles(s, mark, dests, func(text, dest string) {
		size += len(text) + len(dest)
	})
	var b strings.Builder
	b.Grow(size)
	forHoles(s, mark, dests, func(text, dest string) {
		b.WriteString(text)
		b.WriteString(dest)
	})
	return b.String()
}

// forHoles calls fn with each stretch of s and what goes after it: the
// destination of the hole that ends the stretch, or "" after the last.
func forHoles(s, mark string, dests []string, fn func(text, dest string)) {
	for {
		i := strings.Index(s, mark)
		if i < 0 {
			break
		}
		j := i + len(mark)
		k, n := 0, j
		for n < len(s) && '0' <= s[n] && s[n] <= '9' && n-j < 9 {
			k = k*10 + int(s[n]-'0')
			n++
		}
		if n > j && k < len(dests) {
			fn(s[:i], dests[k])
		} else {
			fn(s[:n], "") // not a hole: cannot happen, but lose nothing
		}
		s = s[n:]
	}
	fn(s, "")
}

// escapeDest is what goldmark's HTML renderer writes for a link's or an
// image's destination (renderLink, renderImage) once decodeDest has
// resolved its escapes and references: URL-escaped, HTML-escaped, and
// nothing at all for a dangerous URL such as javascript:. It resolves
// nothing itself, so that a resolved destination is not resolved twice
// (/a/&amp;amp; is /a/&amp;, not /a/&). Most destinations are the
// site's own paths, which none of that changes.
func escapeDest(dest string) string {
	if plainDest(dest) {
		return dest
	}
	u := gutil.URLEscape([]byte(dest), false)
	if html.IsDangerousURL(u) {
		return ""
	}
	return string(gutil.EscapeHTML(u))
}

// plainDest reports whether dest is only letters, digits and / - . _ ~ #
// ? =: no escape, entity or reference changes those, and without a colon
// it has no scheme to be dangerous.
func plainDest(dest string) bool {
	for i := 0; i < len(dest); i++ {
		if !plainDestByte[dest[i]] {
			return false
		}
	}
	return true
}

var plainDestByte = func() (t [256]bool) {
	for _, r := range [][2]byte{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}} {
		for c := r[0]; c <= r[1]; c++ {
			t[c] = true
		}
	}
	for _, c := range []byte("/-._~#?=") {
		t[c] = true
	}
	return t
}()
