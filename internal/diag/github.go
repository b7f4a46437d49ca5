package diag

import (
	"path"
	"strconv"
	"strings"
)

// GitHub returns the diagnostics as GitHub Actions workflow commands, one
// a line: ::error file=F,line=L,col=C::message (::warning for warnings),
// which a pull request shows on the line of its diff. dir is the site
// folder's slash path from the repository's root ("" or "." for the
// root), put before each file.
func (l List) GitHub(dir string) []byte {
	var b strings.Builder
	for _, d := range l {
		b.WriteString("::")
		b.WriteString(d.Severity.String())
		var props []string
		if d.Pos.File != "" {
			f := d.Pos.File
			if dir != "" && dir != "." {
				f = path.Join(dir, f)
			}
			props = append(props, "file="+escapeProperty(f))
			if d.Pos.Line > 0 {
				props = append(props, "line="+strconv.Itoa(d.Pos.Line))
				if d.Pos.Col > 0 {
					props = append(props, "col="+strconv.Itoa(d.Pos.Col))
				}
			}
		}
		props = append(props, "title="+escapeProperty("seutu check"))
		b.WriteString(" " + strings.Join(props, ","))
		b.WriteString("::")
		b.WriteString(escapeData(d.Msg))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// escapeData escapes a command's message as the Actions runner unescapes
// it (toolkit's escapeData): %, CR and LF.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property's value: as data, and : and , too,
// which separate the properties.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
