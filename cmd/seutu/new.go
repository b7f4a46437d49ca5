package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"seutu/internal/build"
	"seutu/internal/config"
	"seutu/internal/scaffold"
)

// runNew writes the skeleton of a new content file: seutu new KIND "Otsikko".
func runNew(_ context.Context, c *call) int {
	now, err := build.Now(c.opts.now, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	cfg, err := readConfig(c.opts.source)
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	path, text, err := scaffold.New(c.args[0], c.args[1], cfg, now)
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	if err := scaffold.Write(c.opts.source, path, text); err != nil {
		return c.failf(exitFailed, "%v", err)
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK
}

// newKinds are the kinds `seutu new` takes, for its help.
func newKinds() []string { return scaffold.Kinds() }

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
