// Package build runs seutu's pipeline over a site folder. Each stage is a
// package that owns one thing, called in this order and timed in the
// build's summary:
//
//	load     files → typed pages with positions, and their bodies apart (package load)
//	resolve  pages → a linked site: URLs, references and back-references, lists, term pages (package resolve)
//	render   a page → bytes: layouts, views, template functions (package render), with
//	         each body converted, linked and checked by package body, and the feeds,
//	         calendars, redirects and sitemap made by package feeds
//	write    bytes → the output: minified, swapped into place whole, or kept in memory,
//	         or dropped (package write)
//
// Markdown bodies need nothing of the resolved site to be converted, so
// body.Converter.Prepare starts converting them while resolve runs; only
// their links wait for the site's addresses.
//
// # Reading order
//
// A newcomer reads, in this order:
//
//  1. build.go: Build and pipeline.run, the stages as they are called.
//  2. internal/model: model.go (a struct per kind, the Site) and tables.go
//     (the tables of kinds, reference fields and taxonomies that every stage
//     reads; adding a reference field is a line there).
//  3. internal/load: load.go (the files), decode.go (front matter by the
//     tables).
//  4. internal/resolve: resolve.go, then refs.go, backrefs.go, lists.go.
//  5. internal/body: convert.go (conversion ahead, linking), check.go,
//     memo.go (conversions by the hash of their text).
//  6. internal/render: render.go (Render), view.go (what a layout sees),
//     funcs.go (template functions); exec.go and package tmplexec only when
//     working on speed.
//  7. internal/write: write.go (the output folder), minify.go.
//  8. session.go and incremental.go here: the dev server's rebuilds; then
//     package live, the server itself.
//
// # Site folder
//
// A site folder holds content/ (Markdown pages and content/site.toml),
// and optionally layouts/ and assets/. seutu embeds default layouts and
// assets; a site's own file of the same name replaces the default, so a
// folder with only content/ builds. sitefs.Classify says what each path
// of the folder is.
//
// # Content
//
// The folder under content/ decides a page's kind (model.Kinds):
// verkostot/ networks, hankkeet/ projects, strategiat/ strategies,
// ajankohtaista/ news (and events, when they have an event block),
// henkilot/ people, organisaatiot/ organisations, kunnat/ municipalities;
// any other folder and content/*.md hold plain pages.
// content/verkostot/x.md is published at /verkostot/x/. A folder's
// _index.md gives its list page a title and an intro; content/_index.md is
// the home page's intro.
//
// # Front matter
//
// YAML between --- lines, or TOML between +++ lines. Package load decodes
// it into the typed structs of package model; the README lists every
// field. A reference names a page by its file name without .md.
//
// # Layouts
//
// See package render: a kind's layout by fixed name, a layout: field to
// override it, base.html around every page, partials/ shared.
//
// # Errors
//
// Every stage collects problems instead of stopping at the first; the build
// reports them all, sorted, as path:line:col: error: message (layouts'
// errors too, at the template's line and column). When load or resolve
// found errors, body still converts every body to find broken links, but
// render executes no layout and nothing is written. A build with errors
// never touches the destination; a successful one swaps the new site into
// place whole.
//
// # Now
//
// What counts as upcoming or past is decided by Options.Now: the -now
// flag, else SOURCE_DATE_EPOCH, else the clock. The same content and the
// same Now give a byte-identical site.
//
// # Output
//
// Build writes through a write.Dir: into a folder beside the destination,
// started from the site the last build replaced, and swapped into place
// whole (see package write). Options.Minify and Options.Fingerprint are
// for production (the build command sets both, serve neither): minifying
// squeezes the layouts' white space once, when they are parsed (render),
// and runs CSS, JS, SVG, JSON and XML files through a minifier (the write
// stage, write.Output); fingerprinting publishes stylesheets and scripts
// also under names that carry their content's hash (see package render).
//
// Report.Summary prints what a build made and the time of each stage:
// load, resolve and render as the time that passed; write as the time
// spent in the write stage, which render hands each file to as soon as it
// is made, on every core, so most of it passes during render and is
// summed over the cores (Stage.Overlap), then the swap into place.
//
// # Rebuilds
//
// A Session (session.go) is the dev server's: it owns everything kept from
// one build to the next, and runs the same stages again after each change.
// What it keeps are memos, never a built site to patch:
//
//   - load.Reload's files as read and decoded, by path: a file that did not
//     change is not read again, and each build gets fresh copies of its
//     pages (model.Page.Clone) to resolve;
//   - the bodies' conversions, by the hash of their text (body.Memo);
//   - the last resolved site, reused as it is when only bodies changed
//     (their texts are apart from the site, in load's Bodies);
//   - the last output, and the plan of what a change reaches
//     (incremental.go): by the fields of model.RefFields, an edit reaches
//     the pages the edited page names, those that name it and those that
//     name them, and the lists that show any of these.
//
// Tests hold every rebuild to a full build's output, one field of a page of
// every kind at a time (TestEveryFieldEditEqualsFull).
//
// # Cache
//
// With Options.Cache, the conversions of the bodies (package body's Memo)
// are read from that folder when the build starts and, once it succeeded,
// written back: those it used and no others, so the file holds the site as
// it is. A build then converts only the bodies whose text (or file, or
// first line, or the program's version) changed. The cache only saves
// work: a file that is missing, damaged, stale or another site's counts as
// none, and one that cannot be saved is a note in the report
// (Report.CacheNote), never an error; the output is the same bytes with
// it or without it.
//
// # Memory
//
// A one-shot build lets go of each Markdown source once it is converted,
// and of each page's HTML once written, and runs the garbage collector at
// GOGC=125 unless GOGC is set (gc.go): a build keeps the whole site until
// it ends, and at the default pace the collector scans it over and over.
// The live heap is highest when the render starts (65 MB at 10 000
// pages: the bodies' HTML and headings a third, the pages a quarter), and
// the peak is about 2.25 times what the collector finds live then
// (BenchmarkPeakMemory). What was measured, where the bytes are, and what
// made builds fast, is in internal/benchcmp/README.md.
package build
