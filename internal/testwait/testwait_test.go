package testwait

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestContextEndsBeforeDeadline(t *testing.T) {
	ctx := Context(t)
	end, ok := ctx.Deadline()
	if !ok {
		t.Fatal("no deadline")
	}
	if deadline, ok := t.Deadline(); ok {
		if !end.Before(deadline) {
			t.Errorf("the context ends %v, not before go test's deadline %v", end, deadline)
		}
	} else if time.Until(end) > NoDeadline {
		t.Errorf("the context ends in %v, over the cap %v", time.Until(end), NoDeadline)
	}
	if ctx.Err() != nil {
		t.Fatal("the context has ended already")
	}
}

func TestContextLivesThroughLaterCleanups(t *testing.T) {
	var ctx context.Context
	t.Run("sub", func(t *testing.T) {
		ctx = Context(t)
		t.Cleanup(func() {
			if ctx.Err() != nil {
				t.Error("ended before a cleanup registered after it")
			}
		})
	})
	if ctx.Err() == nil {
		t.Error("did not end with its test")
	}
}

func TestWhyNamesTheStepLimit(t *testing.T) {
	step, cancel := context.WithTimeoutCause(context.Background(), 0, errStep)
	defer cancel()
	<-step.Done()
	err := Why(step, fmt.Errorf("navigate: %w", context.DeadlineExceeded))
	if !strings.Contains(err.Error(), "navigate: context deadline exceeded") || !strings.Contains(err.Error(), "limit of one step") {
		t.Errorf("Why: %v", err)
	}
	if err := Why(step, nil); !errors.Is(err, errStep) {
		t.Errorf("Why without an error: %v", err)
	}
	if err := Why(context.Background(), errStep); err != errStep {
		t.Errorf("Why of a live context changed the error: %v", err)
	}
}

// fatalTB records Fatalf and ends its goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Helper() {}
func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// run calls fn on its own goroutine, so that Fatalf can end it.
func run(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
}

func TestUntil(t *testing.T) {
	n := 0
	Until(t, Context(t), "three calls", func(context.Context) bool { n++; return n == 3 })
	if n != 3 {
		t.Errorf("cond called %d times", n)
	}

	// A context that has ended stands for a step that ran out of time.
	ended, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("out of time"))
	f := &fatalTB{TB: t}
	run(func() { Until(f, ended, "the moon", func(context.Context) bool { return false }) })
	if f.msg != "waiting for the moon: out of time" {
		t.Errorf("Until failed with %q", f.msg)
	}
}

func TestReceive(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 7
	if v := Receive(t, Context(t), "a number", ch); v != 7 {
		t.Errorf("got %d", v)
	}
	ended, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("out of time"))
	f := &fatalTB{TB: t}
	run(func() { Receive(f, ended, "a number", ch) })
	if f.msg != "waiting for a number: out of time" {
		t.Errorf("Receive failed with %q", f.msg)
	}
}
