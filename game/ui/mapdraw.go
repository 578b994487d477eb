package ui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/westmap"
)

// mapEvent is a numbered event marker on the map.
type mapEvent struct {
	n     int
	news  sim.News
	pulse float64 // 0..1 animation phase, <0 for none
}

type mapCache struct {
	sc  *scenario.Scenario
	geo westmap.Map
}

var geoCache mapCache

func geometry(sc *scenario.Scenario) westmap.Map {
	if geoCache.sc == sc {
		return geoCache.geo
	}
	places := make([]westmap.Place, len(sc.Locations))
	for i, l := range sc.Locations {
		places[i] = westmap.Place{ID: l.ID, Name: l.Name, Kind: l.Kind, X: l.X, Y: l.Y}
	}
	geo := westmap.Map{Places: places} // pins only
	if sc.Meta.Map == "westminster" {
		geo = westmap.Build(places)
	}
	geoCache = mapCache{sc: sc, geo: geo}
	return geoCache.geo
}

// HoverTip shows tip when the cursor is over r, without taking focus.
func (c *Ctx) HoverTip(id string, r Rect, tip string) bool {
	if c.hits(r) {
		c.hover, c.hoverTip = id, tip
		return true
	}
	return false
}

// drawMap draws the stylised map of the scenario in r: the river through
// the bridges, the Palace and its gates, streets, what the draft decision
// funds and the events given.
func (a *App) drawMap(c *Ctx, r Rect, spend map[string]float64, options map[string]string, events []mapEvent) {
	sc := a.scenario()
	p := c.T.C
	geo := geometry(sc)
	sx, sy := r.W/1000, r.H/1000
	X := func(x float64) float32 { return float32(r.X + x*sx) }
	Y := func(y float64) float32 { return float32(r.Y + y*sy) }
	pts := func(ps []westmap.Pt) []float32 {
		out := make([]float32, 0, len(ps)*2)
		for _, q := range ps {
			out = append(out, X(q.X), Y(q.Y))
		}
		return out
	}
	c.PushClip(r)
	u := math.Max(1, math.Min(r.W, r.H)/300) // a map "pixel"
	iu := math.Max(u*1.5, c.T.SmallH/9)      // icons stay visible at every size
	evKey := ""
	for _, ev := range events {
		evKey += ev.news.Location + ","
	}
	c.Cached("map", fmt.Sprintf("%p|%p|%s", sc, c.T, evKey), r, func() {
		c.Fill(r, p.Land)
		for _, road := range geo.Roads {
			c.Polyline(pts(road), 5*u, p.Road)
		}
		c.Poly(pts(geo.River), p.Water)
		// River label between the first two bridges (or mid-map).
		ly := 620.0
		if len(geo.Bridges) >= 2 {
			ly = (geo.Bridges[len(geo.Bridges)-2].Place.Y + geo.Bridges[len(geo.Bridges)-1].Place.Y) / 2
		}
		var avoid []westmap.Box
		// On a small map the river's name would run under the Palace, as
		// the place names would: all of them are shown on hover instead.
		if len(geo.RiverMid) > 0 && r.W >= c.T.LineH*14 {
			rx := westmap.RiverX(geo.RiverMid, ly)
			tw := c.Measure("Thames", c.T.Small)
			c.Text("Thames", c.T.Small, float64(X(rx))-tw/2, float64(Y(ly))-c.T.SmallH/2, p.WaterInk)
			avoid = append(avoid, westmap.Box{X: rx - tw/2/sx, Y: ly - c.T.SmallH/2/sy, W: tw / sx, H: c.T.SmallH / sy})
		}
		for _, b := range geo.Bridges {
			c.Polyline([]float32{X(b.A.X), Y(b.A.Y), X(b.B.X), Y(b.B.Y)}, 9*u, p.Gate)
			c.Polyline([]float32{X(b.A.X), Y(b.A.Y), X(b.B.X), Y(b.B.Y)}, 6*u, p.Stone)
			// Names go beside a bridge, never on its deck.
			half := 5 * u / sy
			avoid = append(avoid, westmap.Box{X: math.Min(b.A.X, b.B.X), Y: math.Min(b.A.Y, b.B.Y) - half,
				W: math.Abs(b.B.X - b.A.X), H: math.Abs(b.B.Y-b.A.Y) + 2*half})
		}
		box := func(b westmap.Box) Rect {
			return layout.R(float64(X(b.X)), float64(Y(b.Y)), b.W*sx, b.H*sy)
		}
		for _, b := range geo.Buildings {
			c.Fill(box(b), p.PanelAlt)
			c.Border(box(b), math.Max(1, u), p.Border)
		}
		if pal := geo.Palace; pal != nil {
			avoid = append(avoid, pal.Block)
			c.Fill(box(pal.Block), p.Stone)
			c.Fill(box(pal.North), p.Gate)
			c.Fill(box(pal.South), p.Gate)
			c.Border(box(pal.Block), math.Max(1, u), p.Gate)
		}
		// Place markers and labels.
		var lpts []westmap.Pt
		var sizes [][2]float64
		var names []string
		// Bridges and gates are named first: where labels compete for room,
		// the places the story happens at win.
		locs := append([]scenario.Location(nil), sc.Locations...)
		rank := func(k string) int {
			switch k {
			case "bridge", "gate":
				return 0
			}
			return 1
		}
		sort.SliceStable(locs, func(i, j int) bool { return rank(locs[i].Kind) < rank(locs[j].Kind) })
		for _, l := range locs {
			x, y := float64(X(l.X)), float64(Y(l.Y))
			switch l.Kind {
			case "gate":
				s := 7 * u
				c.Fill(layout.R(x-s/2, y-s/2, s, s), p.Gate)
			case "area":
				c.Ring(x, y, 14*u, math.Max(1, u), p.Muted)
			case "street":
				c.Circle(x, y, 3*u, p.Muted)
			default:
				c.Circle(x, y, 3*u, p.Ink)
			}
			name := l.Name
			lpts = append(lpts, westmap.Pt{X: l.X, Y: l.Y})
			sizes = append(sizes, [2]float64{(c.Measure(name, c.T.Small) + 2) / sx, c.T.SmallH / sy})
			names = append(names, name)
		}
		small := r.W < c.T.LineH*14
		if !small {
			for _, q := range lpts {
				avoid = append(avoid, westmap.Box{X: q.X - 4*u/sx, Y: q.Y - 4*u/sy, W: 8 * u / sx, H: 8 * u / sy})
			}
			for _, ev := range events {
				if loc := sc.Location(ev.news.Location); loc != nil {
					rad := math.Max(c.T.SmallH*0.55, 7*u)
					avoid = append(avoid, westmap.Box{X: loc.X - rad/sx, Y: loc.Y - rad/sy, W: 2 * rad / sx, H: 2 * rad / sy})
				}
			}
			// The gap must clear a bridge deck vertically too, and the map is not square.
			at, ok := westmap.Labels(lpts, sizes, avoid, math.Max(6*u/sx, 6*u/sy))
			for i, q := range at {
				if ok[i] {
					c.Text(names[i], c.T.Small, float64(X(q.X)), float64(Y(q.Y)), p.Muted)
				}
			}
		}
	})
	// What the draft funds, at its location.
	tips := map[string][]string{}
	for _, lv := range sc.Levers {
		loc := sc.Location(lv.Location)
		if loc == nil {
			continue
		}
		if lv.Kind == scenario.LeverSpend {
			amt := spend[lv.ID]
			if amt <= 0 {
				continue
			}
			n := 1
			if lv.Step > 0 {
				n = int(math.Ceil(amt / lv.Step))
			}
			n = min(n, 5)
			kind := iconKind(lv)
			for _, q := range westmap.Markers(westmap.Place{X: loc.X, Y: loc.Y}, n, 11*iu/sx) {
				drawIcon(c, kind, float64(X(q.X)), float64(Y(q.Y)), iu)
			}
			tips[loc.ID] = append(tips[loc.ID], fmt.Sprintf("%s: %s", lv.Name, a.money(amt)))
			continue
		}
		o := options[lv.ID]
		if o == "" || o == lv.StartOption() {
			continue
		}
		x, y := float64(X(loc.X)), float64(Y(loc.Y))
		flag := []float32{float32(x), float32(y - 16*u), float32(x + 10*u), float32(y - 12*u), float32(x), float32(y - 8*u)}
		c.Polyline([]float32{float32(x), float32(y), float32(x), float32(y - 16*u)}, math.Max(1, u), p.Ink)
		c.Poly(flag, p.Accent)
		label := o
		if i := lv.OptionIndex(o); i >= 0 {
			label = lv.Options[i].Label
		}
		tips[loc.ID] = append(tips[loc.ID], fmt.Sprintf("%s: %s", lv.Name, label))
	}
	for _, ev := range events {
		loc := sc.Location(ev.news.Location)
		if loc == nil {
			continue
		}
		x, y := float64(X(loc.X)), float64(Y(loc.Y))
		if ev.pulse >= 0 {
			c.Ring(x, y, (10+24*ev.pulse)*u, 2*u, p.Event)
		}
		rad := math.Max(c.T.SmallH*0.55, 7*u)
		c.Circle(x, y, rad, p.Event)
		num := fmt.Sprint(ev.n)
		c.Text(num, c.T.SmallBold, x-c.Measure(num, c.T.SmallBold)/2, y-c.T.SmallH/2, p.AccentInk)
		tips[loc.ID] = append(tips[loc.ID], fmt.Sprintf("News %d: %s", ev.n, ev.news.Title))
	}
	for _, l := range sc.Locations {
		x, y := float64(X(l.X)), float64(Y(l.Y))
		hr := layout.R(x-12*u, y-12*u, 24*u, 24*u)
		tip := l.Name
		if ts := tips[l.ID]; len(ts) > 0 {
			tip += ": " + strings.Join(ts, "; ")
		}
		c.HoverTip("map:"+l.ID, hr, tip)
	}
	c.Text("N ↑", c.T.SmallBold, r.X+c.T.Pad*0.5, r.Y+c.T.Pad*0.3, p.Muted)
	c.PopClip()
	c.Border(r, math.Max(1, c.T.Scale), p.Border)
}

type icon int

const (
	iconOther icon = iota
	iconBarrier
	iconOfficer
)

func iconKind(l scenario.Lever) icon {
	s := strings.ToLower(l.ID + " " + l.Name)
	switch {
	case strings.Contains(s, "barrier"):
		return iconBarrier
	case strings.Contains(s, "gate"), strings.Contains(s, "officer"), strings.Contains(s, "patrol"),
		strings.Contains(s, "guard"), strings.Contains(s, "police"), strings.Contains(s, "protection"):
		return iconOfficer
	}
	return iconOther
}

func drawIcon(c *Ctx, k icon, x, y, u float64) {
	p := c.T.C
	switch k {
	case iconBarrier:
		c.Fill(layout.R(x-4*u, y-2.5*u, 8*u, 5*u), p.Ink)
		c.Fill(layout.R(x-2*u, y-2.5*u, 2*u, 5*u), p.Bad)
	case iconOfficer:
		c.Circle(x, y-3*u, 2*u, p.Accent)
		c.Fill(layout.R(x-2.5*u, y-u, 5*u, 5*u), p.Accent)
	default:
		c.Poly([]float32{float32(x), float32(y - 4*u), float32(x + 4*u), float32(y), float32(x), float32(y + 4*u), float32(x - 4*u), float32(y)}, p.Good)
	}
}
