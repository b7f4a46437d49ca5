// Command gencorpus writes a generated site folder for benchmarks:
//
//	go run ./cmd/gencorpus -n 10000 -out /tmp/korpus
//
// The same -n and -seed give the same site. See package seutu/internal/corpus.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/fi"
)

func main() {
	n := flag.Int("n", 1000, "about how many pages")
	out := flag.String("out", "", "the site `folder` to write (must not exist)")
	seed := flag.Uint64("seed", 1, "the generator's seed")
	translate := flag.String("translate", "", "translate every page into these `languages` too, comma-separated: en or sv,en")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %s exists; choose a new folder\n", *out)
		os.Exit(2)
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki) // events fall around it
	opts := corpus.Options{Pages: *n, Seed: *seed, Now: now}
	if *translate != "" {
		opts.Translate = strings.Split(*translate, ",")
	}
	files := corpus.Generate(opts)
	if err := corpus.Write(*out, files); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("gencorpus: %d files in %s\n", len(files), *out)
}
