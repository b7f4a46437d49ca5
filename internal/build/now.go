package build

import (
	"fmt"
	"strconv"
	"time"

	"seutu/internal/fi"
)

// Now decides the build's now: the -now flag (YYYY-MM-DDTHH:MM in Helsinki
// time, or RFC 3339), else SOURCE_DATE_EPOCH (seconds since 1970), else the
// clock.
func Now(flag, sourceDateEpoch string, clock func() time.Time) (time.Time, error) {
	if flag != "" {
		for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.ParseInLocation(layout, flag, fi.Helsinki); err == nil {
				return t, nil
			}
		}
		if t, err := time.Parse(time.RFC3339, flag); err == nil {
			return t.In(fi.Helsinki), nil
		}
		return time.Time{}, fmt.Errorf("-now %q: want YYYY-MM-DDTHH:MM", flag)
	}
	if sourceDateEpoch != "" {
		secs, err := strconv.ParseInt(sourceDateEpoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: want seconds since 1970", sourceDateEpoch)
		}
		return time.Unix(secs, 0).In(fi.Helsinki), nil
	}
	return clock().In(fi.Helsinki), nil
}
