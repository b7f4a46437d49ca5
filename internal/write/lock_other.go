//go:build (!unix && !windows) || aix

package write

import "os"

// tryLock cannot lock here: builds go on unlocked.
func tryLock(*os.File) (bool, error) { return true, nil }
