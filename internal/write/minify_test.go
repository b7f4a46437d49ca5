package write

import "testing"

// The write stage minifies by type when asked, writes final bytes as they
// are, and counts the bytes before and after.
func TestOutput(t *testing.T) {
	const css = "body {\n  color : red ;\n}\n"
	const html = "<p>\n  a  <b> b </b>\n</p>\n"
	const ics = "BEGIN:VCALENDAR\r\n  X\r\nEND:VCALENDAR\r\n"
	tests := []struct {
		name   string
		minify bool
		final  bool // Final, not Put
		path   string
		data   string
		want   string
	}{
		{"css minified", true, false, "assets/site.css", css, "body{color:red}"},
		{"css as it is", false, false, "assets/site.css", css, css},
		{"html minified", true, false, "vanha/index.html", html, "<p>a <b>b</b></p>"},
		{"a page is final", true, true, "x/index.html", html, html},
		{"calendars are never minified", true, false, "tapahtumat/tapahtumat.ics", ics, ics},
		{"json minified", true, false, "a.json", `{ "a" : [1, 2] }`, `{"a":[1,2]}`},
		{"unknown types as they are", true, false, "robots.txt", "User-agent: *\n\n", "User-agent: *\n\n"},
		{"broken js as it is", true, false, "bad.js", "var = ;", "var = ;"},
	}
	for _, tt := range tests {
		mem := NewMemory()
		o := NewOutput(mem, tt.minify)
		var err error
		if tt.final {
			err = o.Final(tt.path, []byte(tt.data), len(tt.data)+10)
		} else {
			err = o.Put(tt.path, []byte(tt.data))
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := string(mem.Files()[tt.path]); got != tt.want {
			t.Errorf("%s: wrote %q, want %q", tt.name, got, tt.want)
		}
		before, after := o.Bytes()
		wantBefore := len(tt.data)
		if tt.final {
			wantBefore += 10
		}
		if before != int64(wantBefore) || after != int64(len(tt.want)) {
			t.Errorf("%s: counted %d → %d bytes, want %d → %d", tt.name, before, after, wantBefore, len(tt.want))
		}
		if tt.want != tt.data && o.Busy() <= 0 { // minifying takes microseconds at least
			t.Errorf("%s: no time spent", tt.name)
		}
		if got := string(o.Minify(tt.path, []byte(tt.data))); !tt.final && got != tt.want {
			t.Errorf("%s: Minify gives %q, want %q", tt.name, got, tt.want)
		}
	}
}
