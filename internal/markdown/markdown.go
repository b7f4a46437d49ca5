// Package markdown converts page bodies to HTML with one configured
// goldmark: GitHub tables, autolinks, strikethrough and task lists,
// footnotes, heading ids made with Finnish-aware slugs, a typographer with
// Finnish quotation marks (”…”, ’…’), and raw HTML left out.
//
// Links are resolved once the site is (see links.go): Result.Link hands
// each to a LinkResolver, so that a link to a source file
// (../verkostot/x.md) becomes the page's URL and a link that leads nowhere
// is reported at its line and column. Link returns a new string and
// changes nothing of the Result: its HTML, holes and all, stays as it was,
// and can be linked again when the site changes.
//
// A Converter is safe for concurrent use.
package markdown

import (
	"bufio"
	"bytes"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	gutil "github.com/yuin/goldmark/util"

	"seutu/internal/diag"
	"seutu/internal/fi"
)

// Converter turns Markdown into HTML.
type Converter struct {
	md   goldmark.Markdown
	mark string // the start of a link's hole (see links.go)
}

// New returns a Converter with the site's settings.
func New() *Converter {
	return &Converter{md: newGoldmark(linkTransformer{}, tableCells{}), mark: newMark()}
}

// newGoldmark configures goldmark, with the transformer that finds the
// links and extra node renderers.
func newGoldmark(links parser.ASTTransformer, extra ...renderer.NodeRenderer) goldmark.Markdown {
	var renderers []gutil.PrioritizedValue
	for _, r := range extra {
		renderers = append(renderers, util(r, 400)) // under the extensions' 500: registered last, it wins
	}
	return goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignStyle)),
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
			extension.NewFootnote(
				extension.WithFootnoteBacklinkTitle("Takaisin tekstiin"),
				extension.WithFootnoteLinkTitle("Alaviite"),
			),
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
				// Finnish uses the same mark to open and close a quotation.
				// Characters rather than entities keep the HTML readable.
				extension.LeftDoubleQuote:  "”",
				extension.RightDoubleQuote: "”",
				extension.LeftSingleQuote:  "’",
				extension.RightSingleQuote: "’",
				extension.LeftAngleQuote:   "»",
				extension.RightAngleQuote:  "»",
				extension.EnDash:           "–",
				extension.EmDash:           "—",
				extension.Ellipsis:         "…",
			})),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util(links, 999)),
		),
		goldmark.WithRendererOptions(
			// No html.WithXHTML: <br> and <hr> as the layouts write them, not
			// <br />, which html-validate's void-style refuses in HTML.
			renderer.WithNodeRenderers(renderers...),
		),
	)
}

// Result is a converted body. Its HTML has a hole where each link's
// destination goes: Link fills them in a copy, so HTML can be linked again
// (a caller done linking may set it to "" to free it).
type Result struct {
	HTML     string
	Headings []Heading // every heading with its id, in order
	Links    []Link    // every link and image, as written, in order
	Diags    diag.List
	mark     string // the holes' mark
}

// Link is a link or image of the body, for checks that need the whole site
// (does the #fragment exist on the page it leads to?).
type Link struct {
	Dest  string // as written, with backslash escapes and character references resolved
	Image bool
	Pos   diag.Pos
}

// Heading is a heading of the body, for fragment checks and tables of
// contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Convert converts src, the body of file, whose first line is the file's
// line firstLine. It needs nothing of the site: links are left as holes.
func (c *Converter) Convert(src []byte, file string, firstLine int) Result {
	st := &state{file: file, firstLine: firstLine, src: src, mark: c.mark}
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]int{}}))
	ctx.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	out := outputs.Get().(*output)
	defer outputs.Put(out)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	err := c.md.Renderer().Render(out.w, src, doc)
	if err == nil {
		err = out.w.Flush()
	}
	if err != nil {
		st.diags.Errorf(diag.Pos{File: file, Line: firstLine}, "cannot render the body: %v", err)
	}
	return Result{HTML: out.buf.String(), Headings: st.headings, Links: st.links, Diags: st.diags, mark: c.mark}
}

// output is where a body is rendered, reused from body to body: the HTML
// is copied out once, at its final size.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var outputs = sync.Pool{New: func() any {
	o := new(output)
	o.w = bufio.NewWriter(&o.buf)
	return o
}}

var stateKey = parser.NewContextKey()

// state is one conversion's context, reachable from the transformer.
type state struct {
	file      string
	firstLine int
	src       []byte
	mark      string
	links     []Link
	headings  []Heading
	diags     diag.List
	at        cursor // the last link's position (see pos.go)
	lines     []int  // where each line starts, made when a link goes back a line
	scanned   int    // bytes read to find positions, which tests hold to a few times the body's size
}

// heading records a heading, with the id the parser gave it.
func (s *state) heading(h *ast.Heading) {
	id, _ := h.AttributeString("id")
	idb, _ := id.([]byte)
	s.headings = append(s.headings, Heading{Level: h.Level, ID: string(idb), Text: plainText(h, s.src)})
}

func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// headingIDs makes heading ids from Finnish text: "Yhteystiedot ja
// tehtävät" becomes yhteystiedot-ja-tehtavat; repeats get -2, -3.
type headingIDs struct {
	used map[string]int
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := fi.Slugify(string(value))
	if id == "" {
		id = "otsikko"
	}
	h.used[id]++
	if n := h.used[id]; n > 1 {
		id = id + "-" + itoa(n)
		h.used[id]++
	}
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)]++ }

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n > 0 || i == len(b) {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
