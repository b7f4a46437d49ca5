// Package browsertest runs seutu's scripts (assets/js/directory.js and
// assets/js/events.js) in a real headless Chromium: each test builds a
// small site with package build, serves it with package serve on the
// loopback address and drives the browser with chromedp.
//
// The tests need Debian's chromium (apt-get install chromium; .ci/run
// installs it). Without a browser they fail; they are never skipped.
//
// The package has only tests; this file holds its documentation.
package browsertest
