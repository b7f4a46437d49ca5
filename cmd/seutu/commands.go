package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"seutu/internal/build"
	"seutu/internal/cms"
	"seutu/internal/live"
	"seutu/internal/load"
	"seutu/internal/sitefs"
)

// failf prints a command's message and returns code.
func (c *call) failf(code int, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "seutu %s: %s\n", c.name, fmt.Sprintf(format, args...))
	return code
}

// runBuild runs build, or check, which is build writing nothing.
func runBuild(ctx context.Context, c *call) int {
	o := c.opts
	opts, err := o.buildOptions()
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	check := c.name == "check"
	opts.Dest, opts.BaseURL, opts.DryRun = o.dest, o.baseURL, check
	opts.CMSRepo = o.cmsRepo
	opts.Minify, opts.Fingerprint = o.minify && !check, !check
	stop, err := startProfiles(o.cpuProfile, o.memProfile)
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	rep, err := build.Build(ctx, opts)
	if perr := stop(); perr != nil {
		c.failf(0, "%v", perr)
	}
	if rep != nil && rep.CacheNote != "" && o.cache != autoCache {
		// Said, since the folder was named; the build does not depend on it.
		c.failf(0, "%s", rep.CacheNote)
	}
	if errors.Is(err, build.ErrStopped) {
		// One line: whatever the content had is moot.
		what := "nothing was written; the last good site is untouched"
		if check {
			what = "the check did not finish"
		}
		return c.failf(stoppedStatus(ctx), "%v: %s", context.Cause(ctx), what)
	}
	switch o.format {
	case "json":
		return reportJSON(rep, err, c.stdout, c.stderr)
	case "github":
		return reportGitHub(c.name, o.source, rep, err, c.stdout, c.stderr)
	}
	return report(c.name, rep, err, c.stdout, c.stderr)
}

// reportJSON prints the diagnostics as JSON on stdout, for tools.
func reportJSON(rep *build.Report, err error, stdout, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintf(stderr, "seutu: %v\n", err)
		if errors.Is(err, build.ErrNoSite) {
			return exitUsage
		}
		return exitFailed
	}
	stdout.Write(rep.Diags.JSON())
	if rep.Failed() {
		return exitFailed
	}
	return exitOK
}

// reportGitHub prints the diagnostics as GitHub Actions workflow commands
// on stdout, so that a pull request shows each on its line, then reports
// as text does (the job's log keeps the plain lines too).
func reportGitHub(name, source string, rep *build.Report, err error, stdout, stderr io.Writer) int {
	if rep != nil {
		stdout.Write(rep.Diags.GitHub(repoPath(source)))
	}
	return report(name, rep, err, stdout, stderr)
}

// repoPath is the site folder as a slash path from the working folder,
// which is the repository's root in CI: "" when they are one.
func repoPath(source string) string {
	if filepath.IsAbs(source) {
		wd, err := os.Getwd()
		if err != nil {
			return ""
		}
		rel, err := filepath.Rel(wd, source)
		if err != nil || !filepath.IsLocal(rel) {
			return ""
		}
		source = rel
	}
	return filepath.ToSlash(filepath.Clean(source))
}

// report prints the diagnostics and a summary, and returns the exit code.
func report(name string, rep *build.Report, err error, stdout, stderr io.Writer) int {
	if rep != nil {
		for _, d := range rep.Diags {
			fmt.Fprintln(stderr, d)
		}
		if len(rep.Diags) > 0 {
			fmt.Fprintln(stderr, rep.Diags.Summary())
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "seutu %s: %v\n", name, err)
		if errors.Is(err, build.ErrNoSite) {
			return exitUsage
		}
		return exitFailed
	}
	if rep.Failed() {
		if !rep.Diags.HasErrors() {
			fmt.Fprintf(stderr, "seutu %s: -strict: warnings count as errors\n", name)
		}
		if name == "check" {
			fmt.Fprintln(stderr, "seutu check: the content has errors")
		} else {
			fmt.Fprintln(stderr, "seutu build: nothing was written; the last good site is untouched")
		}
		return exitFailed
	}
	switch name {
	case "check":
		rep.PrintCoverage(stdout)
		fmt.Fprintf(stdout, "seutu check: %d pages OK (%s)\n", rep.Pages, rep.Timings())
	default:
		fmt.Fprintln(stdout, rep.Summary(name))
	}
	return exitOK
}

func runServe(ctx context.Context, c *call) int {
	opts, err := c.opts.buildOptions()
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	l, err := net.Listen("tcp", c.opts.addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return c.failf(exitFailed, "%s is already in use (another seutu serve?): stop that program, or pick another port, e.g. -addr 127.0.0.1:1314, or -addr 127.0.0.1:0 for any free one", c.opts.addr)
	}
	if err != nil {
		return c.failf(exitUsage, "-addr %s: %v", c.opts.addr, err)
	}
	defer l.Close()
	if host, _, _ := net.SplitHostPort(l.Addr().String()); !net.ParseIP(host).IsLoopback() {
		c.failf(0, "warning: listening on %s, reachable from other machines", l.Addr())
	}
	url := "http://" + l.Addr().String() + "/"
	opts.BaseURL = url
	session, err := build.NewSession(opts)
	if err != nil {
		return c.failf(exitUsage, "%v: %s", build.ErrNoSite, opts.Source)
	}
	defer session.Close()
	fmt.Fprintf(c.stdout, "seutu serve: serving %s at %s from memory, rebuilding on every save (Ctrl-C stops)\n", opts.Source, url)
	if err := live.New(session, opts.Source, c.stdout).Run(ctx, l); err != nil {
		return c.failf(exitFailed, "%v", err)
	}
	return exitOK
}

// runNextChange prints when the site would next change without an edit, as
// an RFC 3339 time, or nothing when no change is ahead.
func runNextChange(_ context.Context, c *call) int {
	opts, err := c.opts.buildOptions()
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	site, err := sitefs.Open(opts.Source)
	if err != nil {
		return c.failf(exitUsage, "%v: %s", build.ErrNoSite, opts.Source)
	}
	defer site.Close()
	next, ok, diags := build.NextChange(site, opts)
	if diags.HasErrors() {
		for _, d := range diags {
			fmt.Fprintln(c.stderr, d)
		}
		fmt.Fprintln(c.stderr, diags.Summary())
		return exitFailed
	}
	if ok {
		fmt.Fprintln(c.stdout, next.Format(time.RFC3339))
	}
	return exitOK
}

// runCMS prints the web editor's configuration for the site's content
// model and site.toml.
func runCMS(_ context.Context, c *call) int {
	site, err := sitefs.Open(c.opts.source)
	if err != nil {
		return c.failf(exitUsage, "%v: %s", build.ErrNoSite, c.opts.source)
	}
	defer site.Close()
	cfg, diags := load.Config(site)
	if diags.HasErrors() {
		for _, d := range diags {
			fmt.Fprintln(c.stderr, d)
		}
		fmt.Fprintln(c.stderr, diags.Summary())
		return exitFailed
	}
	if c.opts.cmsRepo != "" {
		cfg.CMS.Repo = c.opts.cmsRepo
	}
	c.stdout.Write(cms.Config(cfg, cms.Options{}))
	return exitOK
}
