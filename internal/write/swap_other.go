//go:build !linux

package write

func swap(tmp, dest string) error { return swapByRenames(tmp, dest) }
