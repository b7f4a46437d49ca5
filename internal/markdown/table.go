package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	gutil "github.com/yuin/goldmark/util"
)

// tableCells writes table cells as goldmark's table extension does with
// TableCellAlignStyle, but without its fmt calls for every cell, which
// took a tenth of the conversion of a site with many tables. goldmark
// registers renderers from the highest priority number down, so this one,
// below the extension's 500, wins. TestTableCellsAsGoldmark holds the
// output to the extension's.
type tableCells struct{}

func (tableCells) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTableCell, renderTableCell)
}

func renderTableCell(w gutil.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*extast.TableCell)
	tag, filter := "td", extension.TableTdCellAttributeFilter
	if n.Parent().Kind() == extast.KindTableHeader {
		tag, filter = "th", extension.TableThCellAttributeFilter
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	switch {
	case n.Alignment != extast.AlignNone && n.Attributes() == nil:
		_, _ = w.WriteString(` style="text-align:` + n.Alignment.String() + `"`)
	case n.Alignment != extast.AlignNone:
		style := []byte("text-align:" + n.Alignment.String())
		if v, ok := n.AttributeString("style"); ok {
			style = append(append(attrBytes(v), ';'), style...)
		}
		n.SetAttributeString("style", style)
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, filter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func attrBytes(v any) []byte {
	switch v := v.(type) {
	case []byte:
		return append([]byte(nil), v...)
	case string:
		return []byte(v)
	}
	return nil
}
