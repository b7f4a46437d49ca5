package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"seutu/internal/build"
	"seutu/internal/config"
	"seutu/internal/scaffold"
	"seutu/internal/sitefs"
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

// readConfig reads the site's site.toml for its vocabularies; its problems
// are check's to report, so only an unreadable folder or file is an error
// here.
func readConfig(source string) (*config.Config, error) {
	site, err := sitefs.Open(source)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", build.ErrNoSite, source)
	}
	defer site.Close()
	src, err := site.ReadFile(config.File)
	if errors.Is(err, fs.ErrNotExist) {
		src = nil
	} else if err != nil {
		return nil, err
	}
	cfg, _ := config.Parse(src)
	return cfg, nil
}
