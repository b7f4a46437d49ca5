//go:build unix

package sitefs

import "syscall"

// nonBlock opens without waiting: a named pipe with no writer would
// otherwise block open(2) until one comes.
const nonBlock = syscall.O_NONBLOCK
