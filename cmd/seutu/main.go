// Command seutu builds, checks and previews the regional knowledge pages of
// Central Finland's municipal cooperation from a folder of Markdown files.
//
//	seutu build [-source DIR] [-dest DIR] [-base-url URL] [-drafts] [-now TIME]
//	seutu serve [-source DIR] [-addr 127.0.0.1:1313] [-drafts] [-now TIME]
//	seutu check [-source DIR] [-drafts] [-now TIME]
//	seutu next-change [-source DIR] [-drafts] [-now TIME]
//	seutu new [-source DIR] KIND "Otsikko"
//
// Exit status: 0 on success, 1 when the content has errors, 2 on a usage
// error. The work itself is done by package seutu/internal/build.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"seutu/internal/build"
	"seutu/internal/live"
)

const usage = `usage:
  seutu build [-source DIR] [-dest DIR] [-base-url URL] [-drafts] [-now TIME]
  seutu serve [-source DIR] [-addr 127.0.0.1:1313] [-drafts] [-now TIME]
  seutu check [-source DIR] [-drafts] [-now TIME]
  seutu next-change [-source DIR] [-drafts] [-now TIME]
  seutu new [-source DIR] KIND "Otsikko"

Run 'seutu COMMAND -h' for a command's flags.
`

const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it takes the arguments and writers and
// returns the exit status, so that tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build", "check":
		return runBuild(cmd, args, stdout, stderr)
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "next-change":
		return runNextChange(args, stdout, stderr)
	case "new":
		return runNew(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "seutu: unknown command %q\n%s", cmd, usage)
	return exitUsage
}

// common are the flags every command takes.
type common struct {
	source string
	drafts bool
	future bool
	strict bool
	format string
	now    string
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.source, "source", ".", "the site `folder` (holding content/)")
	fs.BoolVar(&c.drafts, "drafts", false, "include pages marked draft")
	fs.BoolVar(&c.future, "future", false, "include news dated after now (scheduled)")
	fs.BoolVar(&c.strict, "strict", false, "fail on warnings too")
	fs.StringVar(&c.format, "format", "text", "how to print problems: text, or json for tools")
	fs.StringVar(&c.now, "now", "", "the build's now, YYYY-MM-DDTHH:MM (default: SOURCE_DATE_EPOCH, else the clock)")
}

func (c *common) options() (build.Options, error) {
	now, err := build.Now(c.now, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return build.Options{}, err
	}
	if c.format != "text" && c.format != "json" {
		return build.Options{}, fmt.Errorf("-format %q: want text or json", c.format)
	}
	return build.Options{Source: c.source, Drafts: c.drafts, Future: c.future, Strict: c.strict, Now: now}, nil
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("seutu "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses the flags and refuses stray arguments.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

func runBuild(name string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(name, stderr)
	var c common
	c.register(fs)
	var dest, baseURL, cpuProfile, memProfile string
	minify := true
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof")
	fs.StringVar(&memProfile, "memprofile", "", "write a heap profile after the build to `file`, for go tool pprof")
	if name == "build" {
		fs.StringVar(&dest, "dest", "", "the output `folder` (default SOURCE/public)")
		fs.StringVar(&baseURL, "base-url", "", "the site's absolute `URL`, instead of base_url in site.toml")
		fs.BoolVar(&minify, "minify", true, "squeeze the layouts' white space; minify CSS, JS, SVG, JSON and XML")
	}
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintf(stderr, "seutu %s: %v\n", name, err)
		return exitUsage
	}
	opts.Dest, opts.BaseURL, opts.DryRun = dest, baseURL, name == "check"
	opts.Minify, opts.Fingerprint = minify && name == "build", name == "build"
	stop, err := startProfiles(cpuProfile, memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "seutu %s: %v\n", name, err)
		return exitUsage
	}
	rep, err := build.Build(opts)
	if perr := stop(); perr != nil {
		fmt.Fprintf(stderr, "seutu %s: %v\n", name, perr)
	}
	if c.format == "json" {
		return reportJSON(rep, err, stdout, stderr)
	}
	return report(name, rep, err, stdout, stderr)
}

// reportJSON prints the diagnostics as JSON on stdout, for tools.
func reportJSON(rep *build.Report, err error, stdout, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintf(stderr, "seutu: %v\n", err)
		if errors.Is(err, build.ErrNoSite) {
			return exitUsage
		}
		return exitContent
	}
	stdout.Write(rep.Diags.JSON())
	if rep.Failed() {
		return exitContent
	}
	return exitOK
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
		return exitContent
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
		return exitContent
	}
	switch name {
	case "check":
		fmt.Fprintf(stdout, "seutu check: %d pages OK (%s)\n", rep.Pages, rep.Timings())
	default:
		fmt.Fprintln(stdout, rep.Summary(name))
	}
	return exitOK
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	var c common
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on; loopback keeps the preview on this machine")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintf(stderr, "seutu serve: %v\n", err)
		return exitUsage
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "seutu serve: %v\n", err)
		return exitUsage
	}
	defer l.Close()
	if host, _, _ := net.SplitHostPort(l.Addr().String()); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintf(stderr, "seutu serve: warning: listening on %s, reachable from other machines\n", l.Addr())
	}
	url := "http://" + l.Addr().String() + "/"
	opts.BaseURL = url
	session, err := build.NewSession(opts)
	if err != nil {
		fmt.Fprintf(stderr, "seutu serve: %v: %s\n", build.ErrNoSite, opts.Source)
		return exitUsage
	}
	defer session.Close()
	fmt.Fprintf(stdout, "seutu serve: serving %s at %s from memory, rebuilding on every save (Ctrl-C stops)\n", opts.Source, url)
	if err := live.New(session, opts.Source, stdout).Run(ctx, l); err != nil {
		fmt.Fprintf(stderr, "seutu serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

// runNextChange prints when the site would next change without an edit, as
// an RFC 3339 time, or nothing when no change is ahead.
func runNextChange(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("next-change", stderr)
	var c common
	c.register(fs)
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintf(stderr, "seutu next-change: %v\n", err)
		return exitUsage
	}
	if st, err := os.Stat(opts.Source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "seutu next-change: %v: %s\n", build.ErrNoSite, opts.Source)
		return exitUsage
	}
	next, ok, diags := build.NextChange(os.DirFS(opts.Source), opts)
	if diags.HasErrors() {
		for _, d := range diags {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintln(stderr, diags.Summary())
		return exitContent
	}
	if ok {
		fmt.Fprintln(stdout, next.Format(time.RFC3339))
	}
	return exitOK
}
