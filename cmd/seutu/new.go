package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"seutu/internal/build"
	"seutu/internal/config"
	"seutu/internal/scaffold"
)

// runNew writes the skeleton of a new content file: seutu new KIND "Otsikko".
func runNew(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", stderr)
	source := flags.String("source", ".", "the site `folder` (holding content/)")
	nowFlag := flags.String("now", "", "the date for news and events, YYYY-MM-DDTHH:MM (default: SOURCE_DATE_EPOCH, else the clock)")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: seutu new [-source DIR] KIND \"Otsikko\"\n\nKIND is one of: %s\n\n", strings.Join(scaffold.Kinds(), ", "))
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if flags.NArg() != 2 {
		flags.Usage()
		return exitUsage
	}
	now, err := build.Now(*nowFlag, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		fmt.Fprintf(stderr, "seutu new: %v\n", err)
		return exitUsage
	}
	cfg, err := readConfig(*source)
	if err != nil {
		fmt.Fprintf(stderr, "seutu new: %v\n", err)
		return exitUsage
	}
	path, text, err := scaffold.New(flags.Arg(0), flags.Arg(1), cfg, now)
	if err != nil {
		fmt.Fprintf(stderr, "seutu new: %v\n", err)
		return exitUsage
	}
	if err := scaffold.Write(*source, path, text); err != nil {
		fmt.Fprintf(stderr, "seutu new: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}

// readConfig reads the site's site.toml for its vocabularies; its problems
// are check's to report, so only an unreadable folder is an error here.
func readConfig(source string) (*config.Config, error) {
	if st, err := os.Stat(source); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: %s", build.ErrNoSite, source)
	}
	src, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(config.File)))
	if errors.Is(err, fs.ErrNotExist) {
		src = nil
	} else if err != nil {
		return nil, err
	}
	cfg, _ := config.Parse(src)
	return cfg, nil
}
