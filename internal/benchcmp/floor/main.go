// Command floor is the least work any Go static site generator must do for
// a site folder: read every Markdown file under content/, parse its front
// matter, convert its body with goldmark on every core and write it as
// DEST/path/index.html. No templates, no lists, no checks. compare.sh runs
// it beside seutu and Hugo so that seutu's figures can be read against the
// floor of the work.
//
//	go run ./internal/benchcmp/floor -source SITE -dest DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	source := flag.String("source", ".", "the site `folder` holding content/")
	dest := flag.String("dest", "public", "the output `folder`")
	flag.Parse()
	if err := run(*source, *dest); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(source, dest string) error {
	content := filepath.Join(source, "content")
	var files []string
	err := filepath.WalkDir(content, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer))
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			for path := range jobs {
				rel, _ := filepath.Rel(content, path)
				if err := page(md, path, filepath.Join(dest, strings.TrimSuffix(rel, ".md")), &out); err != nil {
					errs <- fmt.Errorf("%s: %w", path, err)
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}

// page converts one file into dir/index.html.
func page(md goldmark.Markdown, path, dir string, out *bytes.Buffer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var front map[string]any
	body, err := frontmatter.Parse(f, &front)
	if err != nil {
		return err
	}
	out.Reset()
	if err := md.Convert(body, out); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), out.Bytes(), 0o644)
}
