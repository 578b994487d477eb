// Package westmap works out the geometry of Keyholder's stylised map of
// Westminster from a scenario's locations: the Thames drawn through the
// bridges, the Palace of Westminster on the west bank, gates, streets and
// the places where funded measures and events are shown. Coordinates are map
// units, 0..1000 on each axis, x to the east and y to the south, as in the
// scenario format.
package westmap

import (
	"math"
	"sort"
	"strings"
)

// Place is a scenario location.
type Place struct {
	ID, Name, Kind string
	X, Y           float64
}

// Pt is a point in map units.
type Pt struct{ X, Y float64 }

// Box is a rectangle in map units.
type Box struct{ X, Y, W, H float64 }

// Map is everything the renderer draws.
type Map struct {
	River     []Pt  // closed polygon of the water
	RiverMid  []Pt  // centre line (for the label)
	Bridges   []Bar // one per bridge location
	Palace    *Palace
	Buildings []Box // other buildings, at their locations
	Roads     [][]Pt
	Places    []Place
}

// Bar is a bridge deck from one bank to the other.
type Bar struct {
	Place Place
	A, B  Pt
}

// Palace is the Palace of Westminster: the main block and its two towers.
type Palace struct {
	Place               Place
	Block, North, South Box
}

// RiverHalfWidth is half the Thames' width in map units.
const RiverHalfWidth = 55

// Build lays out the map. Bridges fix the river: its centre line runs through
// every bridge location (sorted north to south) and bends gently to the map
// edges. Without bridges the river runs down x=720.
func Build(places []Place) Map {
	m := Map{Places: places}
	var bridges []Place
	for _, p := range places {
		if p.Kind == "bridge" {
			bridges = append(bridges, p)
		}
	}
	sort.Slice(bridges, func(i, j int) bool { return bridges[i].Y < bridges[j].Y })
	var ctrl []Pt
	if len(bridges) == 0 {
		ctrl = []Pt{{760, -40}, {720, 500}, {700, 1040}}
	} else {
		f, l := bridges[0], bridges[len(bridges)-1]
		ctrl = append(ctrl, Pt{f.X + 70, -40})
		for _, b := range bridges {
			ctrl = append(ctrl, Pt{b.X, b.Y})
		}
		ctrl = append(ctrl, Pt{l.X - 50, 1040})
	}
	mid := catmullRom(ctrl, 12)
	m.RiverMid = mid
	left, right := offset(mid, -RiverHalfWidth), offset(mid, RiverHalfWidth)
	m.River = append(m.River, left...)
	for i := len(right) - 1; i >= 0; i-- {
		m.River = append(m.River, right[i])
	}
	for _, b := range bridges {
		x := RiverX(mid, b.Y)
		m.Bridges = append(m.Bridges, Bar{Place: b, A: Pt{x - RiverHalfWidth - 25, b.Y}, B: Pt{x + RiverHalfWidth + 25, b.Y}})
		// The road carried by the bridge continues on both banks.
		m.Roads = append(m.Roads, []Pt{{x - RiverHalfWidth - 160, b.Y}, {x + RiverHalfWidth + 140, b.Y}})
	}
	for _, p := range places {
		switch {
		case p.Kind == "building" && isPalace(p):
			bank := RiverX(mid, p.Y) - RiverHalfWidth
			w, h := 80.0, 210.0
			x := math.Min(p.X-w/2, bank-w-8)
			block := Box{x, p.Y - h/2, w, h}
			m.Palace = &Palace{Place: p, Block: block,
				North: Box{block.X + w - 26, block.Y - 22, 22, 26},
				South: Box{block.X, block.Y + h - 40, 40, 40}}
		case p.Kind == "building":
			m.Buildings = append(m.Buildings, Box{p.X - 30, p.Y - 20, 60, 40})
		case p.Kind == "street":
			m.Roads = append(m.Roads, []Pt{{p.X - 90, p.Y}, {p.X + 90, p.Y}})
		}
	}
	// Whitehall / Millbank: a road along the west bank.
	var bank []Pt
	for _, q := range mid {
		if q.Y >= 0 && q.Y <= 1000 {
			bank = append(bank, Pt{q.X - RiverHalfWidth - 135, q.Y})
		}
	}
	if len(bank) > 1 {
		m.Roads = append(m.Roads, bank)
	}
	return m
}

func isPalace(p Place) bool {
	s := strings.ToLower(p.ID + " " + p.Name)
	return strings.Contains(s, "palace") || strings.Contains(s, "parliament")
}

// RiverX returns the x of the centre line at height y.
func RiverX(mid []Pt, y float64) float64 {
	if len(mid) == 0 {
		return 720
	}
	if y <= mid[0].Y {
		return mid[0].X
	}
	for i := 1; i < len(mid); i++ {
		a, b := mid[i-1], mid[i]
		if y <= b.Y {
			if b.Y == a.Y {
				return b.X
			}
			t := (y - a.Y) / (b.Y - a.Y)
			return a.X + t*(b.X-a.X)
		}
	}
	return mid[len(mid)-1].X
}

// InWater reports whether p lies in the river (within the half width of the
// centre line at its height).
func (m Map) InWater(p Pt) bool {
	return math.Abs(p.X-RiverX(m.RiverMid, p.Y)) < RiverHalfWidth
}

// Markers returns n positions, spaced gap apart, for icons of something
// funded at p: a row just below the place (or along a bridge deck), kept
// inside the map.
func Markers(p Place, n int, gap float64) []Pt {
	if n <= 0 {
		return nil
	}
	out := make([]Pt, n)
	w := float64(n-1) * gap
	x0 := math.Max(20, math.Min(980-w, p.X-w/2))
	y := p.Y + 34
	if y > 980 {
		y = p.Y - 34
	}
	for i := range out {
		out[i] = Pt{x0 + float64(i)*gap, y}
	}
	return out
}

// catmullRom smooths the control points into a polyline with seg points per span.
func catmullRom(c []Pt, seg int) []Pt {
	if len(c) < 2 {
		return c
	}
	ext := append([]Pt{c[0]}, c...)
	ext = append(ext, c[len(c)-1])
	var out []Pt
	for i := 1; i < len(ext)-2; i++ {
		p0, p1, p2, p3 := ext[i-1], ext[i], ext[i+1], ext[i+2]
		for s := 0; s < seg; s++ {
			t := float64(s) / float64(seg)
			t2, t3 := t*t, t*t*t
			f := func(a, b, c, d float64) float64 {
				return 0.5 * (2*b + (-a+c)*t + (2*a-5*b+4*c-d)*t2 + (-a+3*b-3*c+d)*t3)
			}
			out = append(out, Pt{f(p0.X, p1.X, p2.X, p3.X), f(p0.Y, p1.Y, p2.Y, p3.Y)})
		}
	}
	out = append(out, c[len(c)-1])
	// Keep y increasing so RiverX can search it.
	for i := 1; i < len(out); i++ {
		if out[i].Y < out[i-1].Y {
			out[i].Y = out[i-1].Y
		}
	}
	return out
}

// offset moves each point of the line d units along its normal (positive
// to the east when the line runs south).
func offset(line []Pt, d float64) []Pt {
	out := make([]Pt, len(line))
	for i := range line {
		a, b := line[max(0, i-1)], line[min(len(line)-1, i+1)]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			out[i] = line[i]
			continue
		}
		out[i] = Pt{line[i].X - dy/l*d, line[i].Y + dx/l*d}
	}
	return out
}

// Labels places a label of the given size (map units) beside each point:
// right of it, else left, below or above, choosing the first spot that stays
// inside the map and overlaps neither a label already placed nor a box to
// avoid. It returns the top-left corner for each and whether a free spot was
// found (a label without one is better left out, its name shown on hover).
// gap is the distance from the point, in map units.
func Labels(pts []Pt, sizes [][2]float64, avoid []Box, gap float64) ([]Pt, []bool) {
	out := make([]Pt, len(pts))
	ok := make([]bool, len(pts))
	placed := append([]Box(nil), avoid...)
	for i, p := range pts {
		w, h := sizes[i][0], sizes[i][1]
		g := gap
		cands := []Pt{{p.X + g, p.Y - h/2}, {p.X - g - w, p.Y - h/2}, {p.X - w/2, p.Y + g}, {p.X - w/2, p.Y - g - h},
			{p.X + g, p.Y}, {p.X + g, p.Y - h}, {p.X - g - w, p.Y}, {p.X - g - w, p.Y - h}}
		out[i] = cands[0]
		for _, c := range cands {
			b := Box{c.X, c.Y, w, h}
			if b.X < 0 || b.Y < 0 || b.X+b.W > 1000 || b.Y+b.H > 1000 {
				continue
			}
			if overlapsAny(b, placed) {
				continue
			}
			out[i] = c
			ok[i] = true
			break
		}
		if ok[i] {
			placed = append(placed, Box{out[i].X, out[i].Y, w, h})
		}
	}
	return out, ok
}

func overlapsAny(b Box, bs []Box) bool {
	for _, o := range bs {
		if b.X < o.X+o.W && o.X < b.X+b.W && b.Y < o.Y+o.H && o.Y < b.Y+b.H {
			return true
		}
	}
	return false
}
