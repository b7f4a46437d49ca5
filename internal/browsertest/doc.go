// Package browsertest runs seutu's scripts (assets/js/directory.js and
// assets/js/events.js) in a real headless Chromium: each test builds a
// small site with package build, serves it with package serve on the
// loopback address and drives the browser with chromedp; menu.js is
// driven by keyboard at a phone's width on the real site. It also checks
// every page of the real site with axe-core, the Nu HTML Checker and
// html-validate (tools/htmlvalidate.cjs: its presets, and the two rules
// turned off, each with its reason), and writes screenshots of the main
// views to screenshots/, to be looked at. cms_test.go opens the web editor
// (/admin/, Decap CMS) against decap-server, its local git backend, saves
// entries through it and checks the saved site with seutu.
//
// The tests need Debian's chromium, a Java runtime (for the Nu HTML
// Checker), Node.js (for html-validate) and the npm checkers pinned in
// tools/package-lock.json, and decap-server, pinned in
// ../cms/tools/package-lock.json.
// .ci/test, at the repository's root, installs all three and then runs
// go test. Without one of them a test fails, naming .ci/test; none is
// ever skipped.
//
// No test has a fixed budget for its whole run, which a busy machine can
// overrun: each browser action is one step with testwait.StepTimeout,
// minutes where it takes well under a second, and the browser lives until
// the test ends or shortly before go test's -timeout (testwait.Context).
//
// The package has only tests; this file holds its documentation.
package browsertest
