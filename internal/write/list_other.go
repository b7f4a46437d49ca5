//go:build !linux

package write

// listFiles is walkFiles.
func listFiles(dir string) (map[string]int, map[string]bool, bool) { return walkFiles(dir) }
