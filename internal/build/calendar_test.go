package build

import (
	"bytes"
	"os"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"seutu/internal/fi"
)

// TestCalendarFeedParses reads the built site's calendar feed and an
// event's own calendar with a real iCalendar library.
func TestCalendarFeedParses(t *testing.T) {
	rep, files := buildInMemory(t, os.DirFS("testdata/site"))
	if rep.Failed() {
		t.Fatal(rep.Diags)
	}
	feed := files["tapahtumat/tapahtumat.ics"]
	if bytes.Contains(bytes.ReplaceAll(feed, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("a line ends without CR")
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(feed))
	if err != nil {
		t.Fatal(err)
	}
	helsinki := func(y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, fi.Helsinki)
	}
	want := []struct {
		uid   string
		start time.Time
	}{
		{"ajankohtaista/2022-08-11-webinaari@testi.example", helsinki(2022, 8, 24, 13, 0)},
		{"ajankohtaista/2026-11-20-tyopaja@testi.example", helsinki(2026, 11, 23, 10, 0)},
		{"ajankohtaista/2026-11-01-tuleva-seminaari@testi.example", time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)},
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d", len(events), len(want))
	}
	for i, w := range want {
		ev := events[i]
		if ev.Id() != w.uid {
			t.Errorf("event %d: UID %q, want %q", i, ev.Id(), w.uid)
		}
		var start time.Time
		if ev.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["VALUE"] != nil {
			start, err = ev.GetAllDayStartAt()
		} else {
			start, err = ev.GetStartAt()
		}
		if err != nil || !start.Equal(w.start) {
			t.Errorf("event %d: start %v, %v; want %v", i, start, err, w.start)
		}
	}
	one, err := ics.ParseCalendar(bytes.NewReader(files["ajankohtaista/2026-11-20-tyopaja/tapahtuma.ics"]))
	if err != nil || len(one.Events()) != 1 || one.Events()[0].Id() != want[1].uid {
		t.Errorf("the event's own calendar: %v", err)
	}
}
