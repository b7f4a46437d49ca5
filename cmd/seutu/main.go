// Command seutu builds, checks and previews the regional knowledge pages of
// Central Finland's municipal cooperation from a folder of Markdown files.
// `seutu -h` lists the commands and their flags; both come from the tables
// in this file (commands, flags), so the help cannot leave one out.
//
// Exit status: 0 on success, 1 when the content has errors or the command
// could not do its work (a port taken, a disk full), 2 on a usage error,
// 130 or 143 when Ctrl-C or SIGTERM stopped build or check (serve stops
// with 0).
// This package only parses the command line: the work is done by
// seutu/internal/build, live and scaffold.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"seutu/internal/build"
	"seutu/internal/diag"
	"seutu/internal/scaffold"
)

const (
	exitOK      = 0
	exitFailed  = 1 // the content has errors, or the work could not be done
	exitUsage   = 2
	defaultAddr = "127.0.0.1:1313"
)

func main() {
	os.Exit(run(signalContext(), os.Args[1:], os.Stdout, os.Stderr))
}

// signalContext returns a context that Ctrl-C (SIGINT) or SIGTERM ends,
// with a *signalError as its cause. A second signal is not caught, so it
// ends the process at once, as a user pressing Ctrl-C twice expects.
func signalContext() context.Context {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		signal.Stop(sigs)
		cancel(&signalError{sig.(syscall.Signal)})
	}()
	return ctx
}

// signalError is why a command stopped: a signal.
type signalError struct{ sig syscall.Signal }

func (e *signalError) Error() string {
	switch e.sig {
	case syscall.SIGINT:
		return "interrupted (Ctrl-C)"
	case syscall.SIGTERM:
		return "stopped by SIGTERM"
	}
	return "stopped by a signal (" + e.sig.String() + ")"
}

// stoppedStatus is the exit status of a command a signal stopped: 128 and
// the signal's number, as shells report it (130 for Ctrl-C, 143 for
// SIGTERM).
func stoppedStatus(ctx context.Context) int {
	var se *signalError
	if errors.As(context.Cause(ctx), &se) {
		return 128 + int(se.sig)
	}
	return exitFailed
}

// command is one of seutu's commands.
type command struct {
	name  string
	args  string // the arguments after the name, as the help shows them: one word each
	short string // what it does, in one line
	run   func(ctx context.Context, c *call) int
	// argsWith gives the arguments a flag calls for instead of args
	// (new -lang takes FOLDER/NAME); nil when no flag changes them.
	argsWith func(o *options) string
}

// wants lists the arguments the command takes with the flags of o.
func (c *command) wants(o *options) []string {
	if c.argsWith != nil {
		if a := c.argsWith(o); a != "" {
			return strings.Fields(a)
		}
	}
	return strings.Fields(c.args)
}

// call is one run of a command: its name, flags, arguments and output.
type call struct {
	name           string
	opts           *options
	args           []string
	stdout, stderr io.Writer
}

// commands are seutu's commands, in the order the help lists them.
var commands = []command{
	{"build", "", "check the content and write the site to -dest", runBuild, nil},
	{"check", "", "run every check that build runs, and write nothing", runBuild, nil},
	{"serve", "", "preview the site from memory at -addr, rebuilt on every save", runServe, nil},
	{"next-change", "", "print when the site next changes with no edit (RFC 3339), or nothing", runNextChange, nil},
	{"new", `KIND "Otsikko"`, "start a content file of a kind (verkosto, hanke, uutinen, …) in its folder; with -lang, a translation of FOLDER/NAME", runNew,
		func(o *options) string {
			if o.lang != "" {
				return "FOLDER/NAME"
			}
			return ""
		}},
	{"cms", "", "print the web editor's config.yml (Decap CMS) made from the content model and site.toml", runCMS, nil},
}

// options holds every flag's value; each command reads the ones it takes.
type options struct {
	source, now, format, dest, baseURL, addr, cache, lang, cmsRepo string
	cpuProfile, memProfile                                         string
	drafts, future, strict, minify                                 bool
}

// flagDef is one flag and the commands that take it.
type flagDef struct {
	name     string
	commands []string // nil: every command
	define   func(fs *flag.FlagSet, o *options, name, usage string)
	value    string // what the value is, for the help: DIR; "" for a switch
	usage    string
}

func str(field func(*options) *string, def string) func(*flag.FlagSet, *options, string, string) {
	return func(fs *flag.FlagSet, o *options, name, usage string) { fs.StringVar(field(o), name, def, usage) }
}

func boolean(field func(*options) *bool, def bool) func(*flag.FlagSet, *options, string, string) {
	return func(fs *flag.FlagSet, o *options, name, usage string) { fs.BoolVar(field(o), name, def, usage) }
}

var (
	building  = []string{"build", "check", "serve", "next-change"}
	reporting = []string{"build", "check"}
)

// flags are every command's flags, in the order the help lists them.
var flags = []flagDef{
	{"source", nil, str(func(o *options) *string { return &o.source }, "."),
		"DIR", "the site folder, holding content/"},
	{"dest", []string{"build"}, str(func(o *options) *string { return &o.dest }, ""),
		"DIR", "the output folder (default SOURCE/public)"},
	{"base-url", []string{"build"}, str(func(o *options) *string { return &o.baseURL }, ""),
		"URL", "the site's absolute address, instead of base_url in site.toml"},
	{"cms-repo", []string{"build", "cms"}, str(func(o *options) *string { return &o.cmsRepo }, ""),
		"OWNER/NAME", "the repository the web editor commits to, instead of [cms] repo in site.toml"},
	{"addr", []string{"serve"}, str(func(o *options) *string { return &o.addr }, defaultAddr),
		"HOST:PORT", "where to listen; 127.0.0.1:0 picks a free port"},
	{"drafts", building, boolean(func(o *options) *bool { return &o.drafts }, false),
		"", "include pages marked draft: true"},
	{"future", building, boolean(func(o *options) *bool { return &o.future }, false),
		"", "include news dated after now (scheduled items)"},
	{"now", nil, str(func(o *options) *string { return &o.now }, ""),
		"TIME", "the build's now, YYYY-MM-DDTHH:MM (default SOURCE_DATE_EPOCH, else the clock)"},
	{"lang", []string{"new"}, str(func(o *options) *string { return &o.lang }, ""),
		"CODE", "start a translation into this language (sv, en) of the page FOLDER/NAME, the only argument"},
	{"minify", []string{"build"}, boolean(func(o *options) *bool { return &o.minify }, true),
		"", "squeeze the layouts' white space, minify CSS, JS, SVG, JSON and XML; -minify=false: off"},
	{"cache", reporting, str(func(o *options) *string { return &o.cache }, autoCache),
		"DIR", "keep converted page texts here for the next build; off: none (default one folder per site under the user cache folder)"},
	{"strict", reporting, boolean(func(o *options) *bool { return &o.strict }, false),
		"", "fail on warnings too"},
	{"format", reporting, str(func(o *options) *string { return &o.format }, "text"),
		"FORMAT", "print problems as text, as json on stdout for tools, or as github (Actions annotations on stdout)"},
	{"cpuprofile", reporting, str(func(o *options) *string { return &o.cpuProfile }, ""),
		"FILE", "write a CPU profile of the build, for go tool pprof"},
	{"memprofile", reporting, str(func(o *options) *string { return &o.memProfile }, ""),
		"FILE", "write a heap profile after the build, for go tool pprof"},
}

func (f flagDef) takes(cmd string) bool { return f.commands == nil || slices.Contains(f.commands, cmd) }

// flagSet makes cmd's flag set over o, from the table.
func flagSet(cmd *command, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("seutu "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run prints the errors and the help itself
	for _, f := range flags {
		if f.takes(cmd.name) {
			f.define(fs, o, f.name, f.usage)
		}
	}
	return fs
}

// run is main without the process: it takes the arguments and writers and
// returns the exit status, so that tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name, args := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) == 1 {
			if cmd := lookup(args[0]); cmd != nil {
				printCommand(stdout, cmd)
				return exitOK
			}
		}
		printUsage(stdout)
		return exitOK
	}
	cmd := lookup(name)
	if cmd == nil {
		var names []string
		for _, c := range commands {
			names = append(names, c.name)
		}
		fmt.Fprintf(stderr, "seutu: unknown command %q%s\n\n", name, diag.DidYouMean(name, names))
		printUsage(stderr)
		return exitUsage
	}
	var o options
	fs := flagSet(cmd, &o)
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		printCommand(stdout, cmd)
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "seutu %s: %v\n\n", cmd.name, err)
		printCommand(stderr, cmd)
		return exitUsage
	case len(pos) != len(cmd.wants(&o)):
		if want := cmd.wants(&o); len(pos) > len(want) {
			fmt.Fprintf(stderr, "seutu %s: unexpected argument %q\n\n", cmd.name, pos[len(want)])
		} else {
			fmt.Fprintf(stderr, "seutu %s: missing %s\n\n", cmd.name, want[len(pos)])
		}
		printCommand(stderr, cmd)
		return exitUsage
	}
	return cmd.run(ctx, &call{name: cmd.name, opts: &o, args: pos, stdout: stdout, stderr: stderr})
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// parseInterspersed parses flags wherever they stand among the arguments,
// as people type them (`seutu new verkosto "Otsikko" -source site`), and
// returns the arguments. After "--" everything is an argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// printUsage prints the overview: every command, and every flag with the
// commands that take it.
func printUsage(w io.Writer) {
	fmt.Fprint(w, "usage: seutu COMMAND [ARGUMENTS] [FLAGS]\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", strings.TrimSpace(c.name+" "+c.args), c.short)
	}
	tw.Flush()
	fmt.Fprint(w, "\nflags, before or after the arguments (a command's own: seutu COMMAND -h):\n")
	for _, f := range flags {
		which := ""
		if f.commands != nil {
			which = "  [" + strings.Join(f.commands, ", ") + "]"
		}
		fmt.Fprintf(tw, "  %s\t%s%s\n", f.synopsis(), f.help(), which)
	}
	tw.Flush()
}

// printCommand prints one command's usage and all its flags, one line each.
func printCommand(w io.Writer, cmd *command) {
	fmt.Fprintf(w, "usage: seutu %s [FLAGS]\n\n%s.\n", strings.TrimSpace(cmd.name+" "+cmd.args), upperFirst(cmd.short))
	if cmd.name == "new" {
		fmt.Fprintf(w, "KIND is one of: %s.\n", strings.Join(scaffold.Kinds(), ", "))
	}
	fmt.Fprint(w, "\nflags, before or after the arguments:\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range flags {
		if f.takes(cmd.name) {
			fmt.Fprintf(tw, "  %s\t%s\n", f.synopsis(), f.help())
		}
	}
	tw.Flush()
}

// synopsis is the flag as typed: -source DIR.
func (f flagDef) synopsis() string { return strings.TrimSpace("-" + f.name + " " + f.value) }

// help is the flag's line of help, with its default when that is not
// the zero value and the usage does not say it.
func (f flagDef) help() string {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	f.define(fs, new(options), f.name, f.usage)
	switch def := fs.Lookup(f.name).DefValue; {
	case def == "" || def == "false" || strings.Contains(f.usage, "(default"):
		return f.usage
	default:
		return f.usage + " (default " + def + ")"
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// buildOptions turns the flags into the build's options.
func (o *options) buildOptions() (build.Options, error) {
	now, err := build.Now(o.now, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return build.Options{}, err
	}
	if o.format != "" && o.format != "text" && o.format != "json" && o.format != "github" {
		return build.Options{}, fmt.Errorf("-format %q: want text, json or github", o.format)
	}
	return build.Options{Source: o.source, Drafts: o.drafts, Future: o.future, Strict: o.strict, Now: now, Cache: cacheDir(o.cache, o.source)}, nil
}

// autoCache is -cache's default: cacheDir picks the folder.
const autoCache = "auto"

// cacheDir is the cache folder the -cache flag names. By default it is a
// folder of the user cache folder (~/.cache/seutu/… on Linux, which CI
// can keep between runs) named by a hash of the site folder's absolute
// path: outside the site, so that it is neither committed nor published,
// and one per site, since a build keeps only the bodies it used and two
// sites in one folder would push each other's out. With no user cache
// folder there is no cache.
func cacheDir(flag, source string) string {
	switch flag {
	case "", "off":
		return ""
	case autoCache:
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		abs, err := filepath.Abs(source)
		if err != nil {
			return ""
		}
		sum := sha256.Sum256([]byte(abs))
		return filepath.Join(base, "seutu", hex.EncodeToString(sum[:6]))
	}
	return flag
}
