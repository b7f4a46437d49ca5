package render

import (
	"strings"

	"seutu/internal/feeds"
	"seutu/internal/model"
)

// The calendars' paths, as the link checker (links.go) names them; package
// feeds owns them.
const (
	CalendarFile      = feeds.CalendarFile
	EventCalendarName = feeds.EventCalendarName
)

// feedURLs lists the feeds' site-relative URLs, for the link checker.
func feedURLs(site *model.Site) []string {
	var urls []string
	for _, f := range feeds.Feeds(site) {
		if strings.HasSuffix(f.Path, ".xml") {
			urls = append(urls, "/"+f.Path)
		}
	}
	return urls
}
