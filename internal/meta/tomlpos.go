package meta

import (
	"bytes"
	"fmt"
	"strings"
)

type keyPos struct{ line, col int }

// scanTOMLKeys finds where each key of a TOML document is written, as dotted
// paths ("event.start", "documents[1].url"). It understands what front
// matter and site.toml use — key = value lines, [tables], [[arrays of
// tables]], dotted and quoted keys — and skips multi-line strings and
// arrays; keys it cannot place fall back to their parent's position.
func scanTOMLKeys(src []byte) map[string]keyPos {
	pos := map[string]keyPos{}
	arrays := map[string]int{}
	table := ""
	inMultiline := ""
	depth := 0 // open brackets of a value that spans lines
	for i, raw := range bytes.Split(src, []byte("\n")) {
		line := string(raw)
		if inMultiline != "" {
			if strings.Count(line, inMultiline)%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		if depth > 0 {
			depth += bracketBalance(line)
			continue
		}
		trimmed := strings.TrimSpace(line)
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case strings.HasPrefix(trimmed, "[["):
			name := cleanKey(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(cutComment(trimmed), "[[")), "]]"))
			n := arrays[name]
			arrays[name] = n + 1
			table = fmt.Sprintf("%s[%d]", name, n)
			if n == 0 {
				pos[name] = keyPos{i + 1, col}
			}
			pos[table] = keyPos{i + 1, col}
		case trimmed[0] == '[':
			table = cleanKey(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(cutComment(trimmed), "[")), "]"))
			pos[table] = keyPos{i + 1, col}
		default:
			key, value, ok := strings.Cut(trimmed, "=")
			if !ok {
				continue
			}
			pos[join(table, cleanKey(key))] = keyPos{i + 1, col}
			value = strings.TrimSpace(value)
			for _, q := range []string{`"""`, `'''`} {
				if strings.HasPrefix(value, q) && strings.Count(value, q) == 1 {
					inMultiline = q
				}
			}
			depth = bracketBalance(value)
		}
	}
	return pos
}

// cleanKey turns `"a b" . c` into `a b.c`.
func cleanKey(k string) string {
	parts := strings.Split(strings.TrimSpace(k), ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

func cutComment(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// bracketBalance counts [ and { against ] and } outside strings.
func bracketBalance(s string) int {
	n := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return n
		case c == '[' || c == '{':
			n++
		case c == ']' || c == '}':
			n--
		}
	}
	return n
}
