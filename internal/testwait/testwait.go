// Package testwait gives tests time limits that catch a hang but cannot
// trip because the machine is busy (issue #20: a fixed 60 s budget failed
// on a loaded 2-core CI machine).
//
// A test's Context ends a little before go test's -timeout would panic, so
// that a hang fails naming the step it hung in rather than with a dump of
// every goroutine. Each step of a test (a browser action, a request, a
// wait for an event) gets StepTimeout, far more than a step takes on a
// machine ten times slower than an idle one. No limit here measures
// speed: a test that passes on an idle machine passes on a busy one.
package testwait

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// StepTimeout bounds one step of a test. The steps of this repository's
// tests take well under a second on an idle machine; two minutes leaves
// room for a machine a hundred times slower, and still reports a hang
// long before go test's default -timeout of ten minutes.
const StepTimeout = 2 * time.Minute

// NoDeadline bounds a whole test when go test has no deadline
// (-timeout 0) and for benchmarks, whose testing.B does not tell it.
const NoDeadline = 30 * time.Minute

// poll is how often Until asks again.
const poll = 10 * time.Millisecond

var errStep = fmt.Errorf("no result in %v, the limit of one step (a step takes seconds at most, on a busy machine too): it hangs", StepTimeout)

// Context returns a context for the whole of t: it ends a little before
// go test's -timeout panics (a tenth of the time left, at most a minute),
// or after NoDeadline when there is no such deadline, and when t's
// cleanups that were registered after this call have run. context.Cause
// tells which.
func Context(t testing.TB) context.Context {
	end := time.Now().Add(NoDeadline)
	cause := fmt.Errorf("the test ran for %v, the cap without a go test -timeout: it hangs", NoDeadline)
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if deadline, ok := d.Deadline(); ok {
			margin := min(time.Until(deadline)/10, time.Minute)
			end = deadline.Add(-margin)
			cause = fmt.Errorf("go test -timeout runs out in %v: the test stopped to say where it hangs", margin.Round(time.Second))
		}
	}
	ctx, cancel := context.WithDeadlineCause(context.Background(), end, cause)
	t.Cleanup(cancel)
	return ctx
}

// Step returns a context for one step of a test: it ends after
// StepTimeout or with ctx.
func Step(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, StepTimeout, errStep)
}

// Why returns err, followed by why ctx ended when it has: a step that ran
// out of time says so, rather than only "context deadline exceeded".
func Why(ctx context.Context, err error) error {
	if ctx.Err() == nil {
		return err
	}
	cause := context.Cause(ctx)
	if err == nil || errors.Is(err, cause) {
		return cause
	}
	return fmt.Errorf("%w (%v)", err, cause)
}

// Until asks cond every few milliseconds until it holds, as one step of
// ctx; cond gets the step's context for its own requests. When the step
// ends first, Until fails t, naming what it waited for.
func Until(t testing.TB, ctx context.Context, what string, cond func(context.Context) bool) {
	t.Helper()
	step, cancel := Step(ctx)
	defer cancel()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for !cond(step) {
		select {
		case <-step.Done():
			t.Fatalf("waiting for %s: %v", what, context.Cause(step))
		case <-tick.C:
		}
	}
}

// Receive returns the next value from ch, as one step of ctx. When the
// step ends first, it fails t, naming what it waited for.
func Receive[T any](t testing.TB, ctx context.Context, what string, ch <-chan T) T {
	t.Helper()
	step, cancel := Step(ctx)
	defer cancel()
	select {
	case v := <-ch:
		return v
	case <-step.Done():
		t.Fatalf("waiting for %s: %v", what, context.Cause(step))
		var zero T
		return zero
	}
}
