package layout

import "math"

// Room is the plan of the policy room.
type Room struct {
	Header Rect // turn, date, budget, capital, end-turn button
	Map    Rect
	Meters Rect
	Levers Rect
	Side   Rect // debate and news (tabbed)
	Footer Rect // status and help line
}

// PolicyRoom plans the policy room for a screen of w by h pixels where em is
// the line height of body text. The three columns keep their share at every
// size; the map keeps a 4:3-ish shape and leaves the meters at least a few
// lines.
func PolicyRoom(w, h, em float64) Room {
	pad := math.Round(em * 0.4)
	screen := R(0, 0, w, h)
	header, rest := screen.CutTop(math.Round(em * 1.9))
	footer, rest := rest.CutBottom(math.Round(em * 1.5))
	rest = rest.Inset(pad)
	cols := rest.Columns(pad, 36, 30, 34)
	left := cols[0]
	mapH := math.Min(left.W*0.72, left.H-pad-em*5)
	mapH = math.Max(mapH, math.Min(left.H*0.4, left.H))
	mapR, meters := left.CutTop(math.Round(mapH))
	_, meters = meters.CutTop(pad)
	return Room{Header: header, Map: mapR, Meters: meters, Levers: cols[1], Side: cols[2], Footer: footer}
}

// All lists the room's rectangles (for overlap checks).
func (r Room) All() []Rect { return []Rect{r.Header, r.Map, r.Meters, r.Levers, r.Side, r.Footer} }

// Page is the plan of a reading screen (title, briefing, end of turn, why,
// debrief): a header band, a body and a footer row of buttons.
type Page struct {
	Header, Body, Footer Rect
}

// ReadingPage plans a page whose body is at most maxChars em-widths wide
// (comfortable reading) and centred.
func ReadingPage(w, h, em float64) Page {
	pad := math.Round(em * 0.6)
	screen := R(0, 0, w, h)
	header, rest := screen.CutTop(math.Round(em * 2.2))
	footer, rest := rest.CutBottom(math.Round(em * 2.4))
	body := rest.Inset(pad)
	return Page{Header: header, Body: body, Footer: footer.InsetXY(pad, math.Round(em*0.3))}
}

// Tooltip places a w by h box near the cursor (below right by default) so
// that it stays on screen.
func Tooltip(cx, cy, w, h float64, screen Rect) Rect {
	x, y := cx+14, cy+20
	if x+w > screen.Right() {
		x = screen.Right() - w - 2
	}
	if y+h > screen.Bottom() {
		y = cy - h - 8
	}
	x = math.Max(screen.X, x)
	y = math.Max(screen.Y, y)
	return Rect{math.Round(x), math.Round(y), math.Min(w, screen.W), math.Min(h, screen.H)}
}
