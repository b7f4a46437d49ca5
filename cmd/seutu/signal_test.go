package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"seutu/internal/corpus"
	"seutu/internal/fi"
	"seutu/internal/testwait"
)

// seutuCommand returns the path of this test binary under the name
// seutu, which TestMain runs as the command itself.
func seutuCommand(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := filepath.Join(t.TempDir(), "seutu")
	if err := os.Symlink(self, cmd); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestSignals sends SIGINT and SIGTERM to real build and check processes
// while they work (issue #21: both ran on, swapped the new site in and
// exited 0). Each must stop, print one line, exit with 128 and the
// signal's number, leave the destination byte for byte as it was and
// leave no temporary folder.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site of 3 000 pages several times")
	}
	seutu := seutuCommand(t)
	src := t.TempDir()
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	// Large enough that a build takes a good part of a second here; the
	// signal goes as soon as the process shows it has started.
	if err := corpus.Write(src, corpus.Generate(corpus.Options{Pages: 3000, Seed: 1, Now: now})); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if out, err := exec.Command(seutu, "build", "-source", src, "-dest", dest, "-now", "2026-05-01T12:00").CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := hashTree(t, dest)
	// An edit that the next build would publish.
	edited := filepath.Join(src, "content/kunnat")
	entries, err := os.ReadDir(edited)
	if err != nil || len(entries) == 0 {
		t.Fatalf("no municipality to edit: %v", err)
	}
	page := filepath.Join(edited, entries[0].Name())
	b, _ := os.ReadFile(page)
	os.WriteFile(page, bytes.Replace(b, []byte("title: "), []byte("title: Muutettu "), 1), 0o644)

	ctx := testwait.Context(t)
	for _, tc := range []struct {
		command string
		sig     syscall.Signal
		status  int
		says    string
	}{
		{"build", syscall.SIGTERM, 143, "seutu build: stopped by SIGTERM: nothing was written; the last good site is untouched\n"},
		{"build", syscall.SIGINT, 130, "seutu build: interrupted (Ctrl-C): nothing was written; the last good site is untouched\n"},
		{"check", syscall.SIGTERM, 143, "seutu check: stopped by SIGTERM: the check did not finish\n"},
		{"check", syscall.SIGINT, 130, "seutu check: interrupted (Ctrl-C): the check did not finish\n"},
	} {
		t.Run(fmt.Sprintf("%s %v", tc.command, tc.sig), func(t *testing.T) {
			// The CPU profile is created once main has caught the signals
			// and before the build begins: then the signal is sure to be
			// seen by the build, not by Go's default handler.
			started := filepath.Join(t.TempDir(), "cpu.prof")
			args := []string{tc.command, "-source", src, "-now", "2026-05-01T12:00", "-cpuprofile", started}
			if tc.command == "build" {
				args = append(args, "-dest", dest)
			}
			cmd := exec.Command(seutu, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() }) // when the test fails before the wait below
			testwait.Until(t, ctx, "the command to start", func(context.Context) bool {
				_, err := os.Stat(started)
				return err == nil
			})
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != tc.status {
				t.Errorf("exit status %d (%v), want %d", code, err, tc.status)
			}
			if got := stderr.String(); got != tc.says {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, tc.says)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %s", stdout.String())
			}
			if after := hashTree(t, dest); after != before {
				t.Error("the destination changed")
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.new-*")); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// serve stops on SIGTERM too, also in the middle of its first build, with
// status 0: stopping is how a preview ends.
func TestSignalStopsServe(t *testing.T) {
	seutu := seutuCommand(t)
	src := t.TempDir()
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, fi.Helsinki)
	if err := corpus.Write(src, corpus.Generate(corpus.Options{Pages: 3000, Seed: 1, Now: now})); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(seutu, "serve", "-source", src, "-addr", "127.0.0.1:0", "-now", "2026-05-01T12:00")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	// The first line comes before the first build starts.
	line := make([]byte, 20)
	if _, err := io.ReadFull(out, line); err != nil || !strings.HasPrefix(string(line), "seutu serve: serving") {
		t.Fatalf("serve said %q, %v", line, err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve: %v\n%s", err, stderr.String())
	}
}
