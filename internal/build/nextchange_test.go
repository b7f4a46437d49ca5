package build

import (
	"testing"
	"time"

	"seutu/internal/fi"
)

func TestNextChange(t *testing.T) {
	site := txtarSite(`
-- content/ajankohtaista/tyopaja.md --
---
title: Työpaja
date: 2026-11-01
event:
  start: 2026-11-25T10:00
  end: 2026-11-25T14:00
  registration_deadline: 2026-11-24
---
-- content/ajankohtaista/ajastettu.md --
---
title: Ajastettu
date: 2026-12-10
---
-- content/hankkeet/hanke.md --
---
title: Hanke
start: 2026-01-01
end: 2026-12-31
---
-- content/hankkeet/kirjattu.md --
---
title: Hanke, jonka tila on kirjoitettu
status: käynnissä
start: 2025-01-01
end: 2027-02
---
`)
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, fi.Helsinki) }
	tests := []struct {
		now  time.Time
		want time.Time
	}{
		{at(23, 12), at(25, 0)},  // registration closes at midnight after 24.11.
		{at(25, 0), at(25, 10)},  // the event starts
		{at(25, 10), at(25, 14)}, // the event ends
		{at(25, 14), time.Date(2026, 12, 10, 0, 0, 0, 0, fi.Helsinki)},                                     // the scheduled item is published
		{time.Date(2026, 12, 10, 0, 0, 0, 0, fi.Helsinki), time.Date(2027, 1, 1, 0, 0, 0, 0, fi.Helsinki)}, // the project ends
	}
	for _, tt := range tests {
		got, ok, diags := NextChange(site, Options{Now: tt.now})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if !ok || !got.Equal(tt.want) {
			t.Errorf("NextChange at %v = %v (%v), want %v", tt.now, got, ok, tt.want)
		}
	}
	// A project whose status is written still ends: its contact box then
	// says so. Its end is a month: the change comes after the month.
	if got, ok, _ := NextChange(site, Options{Now: time.Date(2027, 1, 1, 0, 0, 0, 0, fi.Helsinki)}); !ok || !got.Equal(time.Date(2027, 3, 1, 0, 0, 0, 0, fi.Helsinki)) {
		t.Errorf("NextChange at 1.1.2027 = %v (%v), want 1.3.2027", got, ok)
	}
	if _, ok, _ := NextChange(site, Options{Now: time.Date(2027, 3, 1, 0, 0, 0, 0, fi.Helsinki)}); ok {
		t.Error("a change after every date")
	}
}
