package model

import (
	"testing"
	"time"

	"seutu/internal/fi"
	_ "seutu/internal/golden" // defines -update for go test ./... -update
	"seutu/internal/meta"
)

func at(d, h, m int) time.Time { return time.Date(2023, 3, d, h, m, 0, 0, fi.Helsinki) }

func TestEventEnded(t *testing.T) {
	tests := []struct {
		name  string
		event Event
		now   time.Time
		ended bool
	}{
		{"timed, before its end", Event{Start: meta.Moment{Time: at(1, 9, 0)}, End: meta.Moment{Time: at(1, 11, 0)}}, at(1, 10, 59), false},
		{"timed, at its end", Event{Start: meta.Moment{Time: at(1, 9, 0)}, End: meta.Moment{Time: at(1, 11, 0)}}, at(1, 11, 0), true},
		{"no end: lasts its day", Event{Start: meta.Moment{Time: at(1, 9, 0)}}, at(1, 23, 59), false},
		{"no end: over the next day", Event{Start: meta.Moment{Time: at(1, 9, 0)}}, at(2, 0, 0), true},
		{"whole days: lasts to the end of the last day", Event{Start: meta.Moment{Time: at(1, 0, 0), DateOnly: true}, End: meta.Moment{Time: at(2, 0, 0), DateOnly: true}}, at(2, 23, 0), false},
		{"whole days: over after the last day", Event{Start: meta.Moment{Time: at(1, 0, 0), DateOnly: true}, End: meta.Moment{Time: at(2, 0, 0), DateOnly: true}}, at(3, 0, 0), true},
	}
	for _, tt := range tests {
		if got := tt.event.Ended(tt.now); got != tt.ended {
			t.Errorf("%s: Ended = %v, want %v", tt.name, got, tt.ended)
		}
	}
}

func TestRegistrationClosed(t *testing.T) {
	dayOnly := Event{RegistrationDeadline: meta.Moment{Time: at(1, 0, 0), DateOnly: true}}
	if dayOnly.RegistrationClosed(at(1, 23, 0)) || !dayOnly.RegistrationClosed(at(2, 0, 0)) {
		t.Error("a deadline date closes when the day is over")
	}
	timed := Event{RegistrationDeadline: meta.Moment{Time: at(1, 12, 0)}}
	if timed.RegistrationClosed(at(1, 11, 59)) || !timed.RegistrationClosed(at(1, 12, 0)) {
		t.Error("a deadline time closes at it")
	}
	if (&Event{}).RegistrationClosed(at(30, 0, 0)) {
		t.Error("no deadline never closes")
	}
}

func TestSiteLookups(t *testing.T) {
	var s Site
	p := &Page{Kind: KindPerson, Key: "kirsi-mukkala"}
	s.Index(p)
	if s.Lookup(KindPerson, "kirsi-mukkala") != p || s.Lookup(KindNetwork, "kirsi-mukkala") != nil {
		t.Error("Lookup by kind and key")
	}
	if keys := s.Keys(KindPerson); len(keys) != 1 || keys[0] != "kirsi-mukkala" {
		t.Errorf("Keys = %v", keys)
	}
	if SectionOf(KindNetwork) != "verkostot" || SectionOf(KindPage) != "" {
		t.Error("SectionOf")
	}
}
