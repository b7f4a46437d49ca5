package render

import (
	"html/template"
	"strconv"
	"text/template/parse"
)

// foldTexts translates, once, every {{t "…"}} of set whose argument is a
// constant: the call becomes the constant in the page's language, which
// html/template escapes as it would the call's result, and which package
// tmplexec writes as text, so that a layout's fixed words cost a page
// nothing. t is the set's "t" function. A t of a value ({{t .Status}})
// stays a call.
func foldTexts(set *template.Template, t func(string) string) {
	for _, tm := range set.Templates() {
		if tm.Tree != nil {
			foldNode(tm.Tree.Root, t)
		}
	}
}

func foldNode(n parse.Node, t func(string) string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				foldNode(c, t)
			}
		}
	case *parse.ActionNode:
		foldPipe(n.Pipe, t)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, t)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, t)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, t)
	case *parse.TemplateNode:
		foldPipe(n.Pipe, t)
	}
}

func foldBranch(b *parse.BranchNode, t func(string) string) {
	foldPipe(b.Pipe, t)
	if b.List != nil {
		foldNode(b.List, t)
	}
	if b.ElseList != nil {
		foldNode(b.ElseList, t)
	}
}

func foldPipe(p *parse.PipeNode, t func(string) string) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				foldPipe(sub, t)
			}
		}
		if len(c.Args) != 2 {
			continue
		}
		id, ok := c.Args[0].(*parse.IdentifierNode)
		s, isString := c.Args[1].(*parse.StringNode)
		if !ok || id.Ident != "t" || !isString {
			continue
		}
		// A copy keeps the node's place in its tree, for error messages.
		text := s.Copy().(*parse.StringNode)
		text.Text = t(s.Text)
		text.Quoted = strconv.Quote(text.Text)
		c.Args = []parse.Node{text}
	}
}
