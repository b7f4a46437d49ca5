// Package body owns the Markdown bodies of a site from its text to the
// HTML that layouts show: converting them (package markdown), linking
// them (a link to a source file becomes its page's URL; a link that leads
// nowhere is an error at its line and column), the checks that need every
// body at once (a #fragment that names no heading of the page it leads
// to, a person no page refers to), and remembering conversions (Memo), in
// memory for the dev server and in a file between builds.
//
// # Converting ahead
//
// Converting needs only a body's text, so Converter.Prepare starts it as
// soon as the files are read, while the site is still being resolved on
// one core; Converter.Link then fills in the links, which need the
// resolved site's addresses (an Index of them, with the URLs of what
// render publishes besides pages: assets, feeds, calendars, taxonomies).
//
// # Memo
//
// A conversion is remembered by a Key: the hash of the body's text, its
// source file and first line (which its positions carry) and a version of
// all that shapes the output (FormatVersion and the modules the program
// was built with). A body is converted only when its Key is new, whatever
// else changed. Saved (Memo.Save, file.go), the memo lets a build on CI
// convert only the bodies edited since the last: it holds only what the
// last build used, and a file that is unusable in any way counts as no
// file, so the output never depends on it. The file is never held in
// memory: an index of it is, and entries are read as they are asked for.
package body
