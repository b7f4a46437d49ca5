package assets

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"seutu/internal/golden"
)

// The site's mark: a small network, three municipalities joined to each
// other and to a common centre, drawn on a 32×32 grid. It is the project's
// own design, in the colours of site.css (--brand, white, --highlight).
// The SVG files and the bitmaps that browsers need besides (favicon.ico
// and the home-screen icon) are all drawn from this one description by
// TestIcons, so they cannot drift apart: go test ./assets -update writes
// them again after a change here.
var (
	// The nodes sit on a circle of radius 10.5 around the centre, which is
	// 2.6 below the tile's middle so that the whole figure is centred.
	markCentre = point{16, 18.6}
	markNodes  = []point{{16, 8.1}, {25.1, 23.85}, {6.9, 23.85}}
)

const (
	brand     = "#0b4a6f" // --brand in site.css
	white     = "#ffffff"
	highlight = "#ffd166" // --highlight in site.css
	lineWidth = 2         // the links between the nodes
	nodeR     = 3.1       // a municipality
	centreR   = 3.7       // the common centre
)

type point struct{ x, y float64 }

// shape is one layer of the mark: inside tells whether a point of the
// 32×32 grid is covered; svg is the same shape as an SVG element.
type shape struct {
	fill   string
	inside func(x, y float64) bool
	svg    string
}

// mark lists the layers, bottom first. tile is the rounded square's corner
// radius, or -1 for no tile (the header's logo, drawn on the blue header).
func mark(tile float64) []shape {
	var s []shape
	if tile >= 0 {
		s = append(s, shape{brand, func(x, y float64) bool { return inRoundRect(x, y, 32, tile) },
			fmt.Sprintf(`<rect width="32" height="32" rx="%s" fill="%s"/>`, num(tile), brand)})
	}
	var links [][2]point
	for i, n := range markNodes {
		links = append(links, [2]point{markCentre, n}, [2]point{n, markNodes[(i+1)%len(markNodes)]})
	}
	for _, l := range links {
		a, b := l[0], l[1]
		s = append(s, shape{white, func(x, y float64) bool { return segDist(point{x, y}, a, b) <= lineWidth/2 },
			fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-linecap="round"/>`,
				num(a.x), num(a.y), num(b.x), num(b.y), white, num(lineWidth))})
	}
	for _, n := range markNodes {
		s = append(s, circle(n, nodeR, white))
	}
	s = append(s, circle(markCentre, centreR, highlight))
	return s
}

func circle(c point, r float64, fill string) shape {
	return shape{fill, func(x, y float64) bool { return math.Hypot(x-c.x, y-c.y) <= r },
		fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(c.x), num(c.y), num(r), fill)}
}

func num(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

func inRoundRect(x, y, size, r float64) bool {
	if x < 0 || y < 0 || x > size || y > size {
		return false
	}
	cx := math.Min(math.Max(x, r), size-r)
	cy := math.Min(math.Max(y, r), size-r)
	return math.Hypot(x-cx, y-cy) <= r
}

// segDist is the distance from p to the segment ab: a line with round
// caps covers the points within half its width.
func segDist(p, a, b point) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := ((p.x-a.x)*dx + (p.y-a.y)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy))
}

// markSVG writes the layers as an SVG document, with a title for the rare
// use outside an img whose alt text names it.
func markSVG(layers []shape) []byte {
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">` + "\n")
	for _, l := range layers {
		b.WriteString(l.svg + "\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// raster draws the layers at size×size pixels: each pixel is 8×8 samples,
// and each layer is laid over the ones below by the share of samples it
// covers, which is what a browser's anti-aliasing of the SVG comes to.
func raster(layers []shape, size int) *image.NRGBA {
	const n = 8
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 32 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64 // premultiplied, 0..1
			for _, l := range layers {
				covered := 0
				for sy := 0; sy < n; sy++ {
					for sx := 0; sx < n; sx++ {
						x := (float64(px) + (float64(sx)+0.5)/n) * scale
						y := (float64(py) + (float64(sy)+0.5)/n) * scale
						if l.inside(x, y) {
							covered++
						}
					}
				}
				if covered == 0 {
					continue
				}
				cov := float64(covered) / (n * n)
				lr, lg, lb := hexRGB(l.fill)
				r = lr*cov + r*(1-cov)
				g = lg*cov + g*(1-cov)
				b = lb*cov + b*(1-cov)
				a = cov + a*(1-cov)
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{byte8(r / a), byte8(g / a), byte8(b / a), byte8(a)})
			}
		}
	}
	return img
}

func byte8(f float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, f)) * 255)) }

func hexRGB(s string) (r, g, b float64) {
	var x uint32
	fmt.Sscanf(s, "#%06x", &x)
	return float64(x>>16&0xff) / 255, float64(x>>8&0xff) / 255, float64(x&0xff) / 255
}

func pngBytes(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// ico packs PNG images into a Windows icon file, the format of
// /favicon.ico: a header, a directory entry per image, then the PNGs.
func ico(sizes []int, pngs [][]byte) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&b, le, [3]uint16{0, 1, uint16(len(pngs))})
	offset := 6 + 16*len(pngs)
	for i, p := range pngs {
		binary.Write(&b, le, [4]uint8{uint8(sizes[i] % 256), uint8(sizes[i] % 256), 0, 0})
		binary.Write(&b, le, [2]uint16{1, 32})
		binary.Write(&b, le, [2]uint32{uint32(len(p)), uint32(offset)})
		offset += len(p)
	}
	for _, p := range pngs {
		b.Write(p)
	}
	return b.Bytes()
}

// TestIcons draws the logo and the favicons and compares them with the
// files under img/ (go test -update writes them).
func TestIcons(t *testing.T) {
	tile := mark(7)
	icoSizes := []int{16, 32}
	var icoPNGs [][]byte
	for _, s := range icoSizes {
		icoPNGs = append(icoPNGs, pngBytes(t, raster(tile, s)))
	}
	files := map[string][]byte{
		// the header's logo: the mark without its tile, on the blue header
		"img/logo.svg": markSVG(mark(-1)),
		// browsers' tabs and bookmarks
		"img/favicon.svg": markSVG(tile),
		"img/favicon.ico": ico(icoSizes, icoPNGs),
		// iOS's home screen: a full square, which the system rounds itself
		"img/apple-touch-icon.png": pngBytes(t, raster(mark(0), 180)),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) { golden.Check(t, name, data) })
	}
}

// TestRasterMatchesMark holds the bitmaps to the description: the centre
// is the highlight colour, a node white, a corner of the tile transparent
// and the tile elsewhere the brand colour.
func TestRasterMatchesMark(t *testing.T) {
	img := raster(mark(7), 64)
	at := func(x, y float64) color.NRGBA { return img.NRGBAAt(int(x*2), int(y*2)) }
	for _, c := range []struct {
		name string
		got  color.NRGBA
		want string
	}{
		{"centre", at(16, 16), highlight},
		{"top node", at(16, 8.1), white},
		{"tile", at(3, 10), brand},
	} {
		r, g, b := hexRGB(c.want)
		if c.got != (color.NRGBA{byte8(r), byte8(g), byte8(b), 255}) {
			t.Errorf("%s: %v, want %s", c.name, c.got, c.want)
		}
	}
	if a := at(0.2, 0.2).A; a != 0 {
		t.Errorf("the tile's corner is not transparent: alpha %d", a)
	}
}
