//go:build !linux

package sitefs

import "io/fs"

// beneath is the fast Open, which only Linux has (see beneath_linux.go).
type beneath struct{}

func openBeneath(string) *beneath { return &beneath{} }

func (*beneath) open(string) (fs.File, error) { return nil, nil }

func (*beneath) close() {}
