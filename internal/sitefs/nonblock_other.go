//go:build !unix

package sitefs

// nonBlock is 0 where the system has no named pipes to wait on.
const nonBlock = 0
