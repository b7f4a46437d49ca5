package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"seutu/internal/build"
	"seutu/internal/config"
	"seutu/internal/diag"
	"seutu/internal/load"
	"seutu/internal/model"
	"seutu/internal/scaffold"
	"seutu/internal/sitefs"
)

// runNew writes the skeleton of a new content file: seutu new KIND "Otsikko".
func runNew(_ context.Context, c *call) int {
	now, err := build.Now(c.opts.now, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return c.failf(exitUsage, "%v", err)
	}
	if c.opts.lang != "" {
		return newTranslation(c, now)
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

// newTranslation starts a translation of the page FOLDER/NAME (its file
// under content/, with or without .md) into -lang.
func newTranslation(c *call, now time.Time) int {
	site, err := sitefs.Open(c.opts.source)
	if err != nil {
		return c.failf(exitUsage, "%v: %s", build.ErrNoSite, c.opts.source)
	}
	loaded := load.Load(site)
	site.Close()
	file := "content/" + strings.TrimSuffix(strings.TrimPrefix(c.args[0], "content/"), ".md") + ".md"
	var orig *model.Page
	var files []string
	for _, p := range loaded.Pages {
		files = append(files, p.File)
		if p.File == file {
			orig = p
		}
	}
	if orig == nil {
		return c.failf(exitUsage, "no page %s%s", file, diag.DidYouMean(file, files))
	}
	path, text, err := scaffold.Translation(orig, c.opts.lang, loaded.Config, now)
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
