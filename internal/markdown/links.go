package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	gutil "github.com/yuin/goldmark/util"
)

func util(t any, priority int) gutil.PrioritizedValue {
	return gutil.Prioritized(t, priority)
}

// linkTransformer hands every link and image destination to the page's
// LinkResolver and writes back what it returns.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil || st.resolver == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = st.resolve(l, l.Destination, false)
		case *ast.Image:
			l.Destination = st.resolve(l, l.Destination, true)
		}
		return ast.WalkContinue, nil
	})
}

func (s *state) resolve(n ast.Node, dest []byte, image bool) []byte {
	pos := s.pos(nodeOffset(n))
	out, problem := s.resolver.ResolveLink(string(dest), image)
	if problem != "" {
		s.diags.Errorf(pos, "%s", problem)
		return dest
	}
	s.links = append(s.links, Link{Dest: string(dest), Image: image, Pos: pos})
	return []byte(out)
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
