//go:build !linux

package write

func swap(tmp, dest string) (string, error) { return swapByRenames(tmp, dest) }
