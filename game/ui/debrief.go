package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/chart"
	"github.com/keyholder-game/keyholder/game/layout"
)

type debriefScreen struct {
	saved, err string
}

func (*debriefScreen) name() string { return "debrief" }

var seriesMarks = []string{"●", "■", "▲", "◆", "▼", "▲", "○", "✚", "●", "■"}

func (d *debriefScreen) build(a *App, c *Ctx) {
	if a.run == nil {
		a.goTo(&titleScreen{})
		return
	}
	run := a.run
	sc := run.Scenario()
	p := c.T.C
	overlay := a.modalOpen()
	c.Block(overlay)
	pg := layout.ReadingPage(c.W, c.H, c.T.LineH)
	end := run.Ending()
	title := "Debrief"
	if end != nil {
		title = "Ending: " + end.Title
	}
	headerBar(c, pg.Header, title)
	body := pg.Body
	oy := c.BeginScroll("debrief", body)
	y := oy
	w := body.W - c.T.Pad*1.5
	x := body.X
	rw := math.Min(w, c.T.LineH*38)
	section := func(s string) {
		y += c.T.Pad
		c.Label(layout.R(x, y, w, c.T.TitleH), s, c.T.Title, p.Ink, 0)
		y += c.T.TitleH
	}
	if end != nil {
		stars := strings.Repeat("★", end.Rating) + strings.Repeat("☆", max(0, 5-end.Rating))
		y += c.Para(x, y, rw, fmt.Sprintf("%s  rated %d of 5", stars, end.Rating), c.T.Bold, p.Ink) + c.T.Pad*0.5
		y += c.Para(x, y, rw, end.Text, c.T.Body, p.Ink)
		section("Assessment")
		y += c.Para(x, y, rw, end.Assessment, c.T.Body, p.Ink)
		y += a.sourceTags(c, "end", x, y+c.T.Pad*0.3, rw, end.Sources)
	} else {
		y += c.Para(x, y, rw, "The game has not ended yet.", c.T.Body, p.Muted)
	}
	turns := analysis.Decisions(sc, run.Reports())
	section("Indicators over the game")
	y += c.Para(x, y, rw, "Across: turns. Each line runs from the bottom (the meter's minimum) to the top (its maximum), with its own marker shape. Flags T1, T2… mark the turns where you changed something.", c.T.Small, p.Muted)
	chartH := math.Max(c.T.LineH*9, math.Min(body.H*0.75, c.T.LineH*15))
	y += a.chart(c, layout.R(x, y+c.T.Pad*0.5, w, chartH), turns) + c.T.Pad

	section("Your decisions")
	any := false
	for _, t := range turns {
		if len(t.Changes) == 0 && t.Reason == "" {
			continue
		}
		any = true
		line := fmt.Sprintf("Turn %d: %s", t.Turn, strings.Join(t.Changes, "; "))
		if len(t.Changes) == 0 {
			line = fmt.Sprintf("Turn %d: no changes", t.Turn)
		}
		y += c.Para(x, y, rw, line, c.T.Body, p.Ink)
		if t.Reason != "" {
			y += c.Para(x+c.T.Pad*2, y, rw-c.T.Pad*2, "Your reason: “"+t.Reason+"”", c.T.Small, p.Muted)
		}
		y += c.T.Pad * 0.3
	}
	if !any {
		y += c.Para(x, y, rw, "You kept every lever where it started.", c.T.Body, p.Muted)
	}

	section("Largest causes of the outcome")
	causes := analysis.Causes(sc, run.Ledger(), 8, false)
	if len(causes) == 0 {
		y += c.Para(x, y, rw, "Nothing moved the meters.", c.T.Body, p.Muted)
	}
	for i, cs := range causes {
		ind := sc.Indicator(cs.Indicator)
		mark, word, _ := trend(cs.Total, ind.Good)
		line := fmt.Sprintf("%d. %s: %s %s %s on %s (%s), turns %s", i+1, cs.Label, mark, fmtDelta(cs.Total), ind.Unit, ind.Name, word, turnList(cs.Turns))
		y += c.Para(x, y, rw, line, c.T.Body, p.Ink)
		y += a.sourceTags(c, fmt.Sprintf("cause%d", i), x+c.T.Pad*2, y+c.T.Pad*0.2, rw-c.T.Pad*2, cs.Sources) + c.T.Pad*0.5
	}

	section("Questions to discuss")
	for i, q := range sc.Debrief.Questions {
		y += c.Para(x, y, rw, fmt.Sprintf("%d. %s", i+1, q.Text), c.T.Body, p.Ink)
		y += a.sourceTags(c, fmt.Sprintf("q%d", i), x+c.T.Pad*2, y+c.T.Pad*0.2, rw-c.T.Pad*2, q.Sources) + c.T.Pad*0.5
	}
	if sc.Debrief.Facilitator != "" {
		section("For the teacher")
		y += c.Para(x, y, rw, sc.Debrief.Facilitator, c.T.Small, p.Muted)
	}

	section("Sources used")
	for i, id := range analysis.SourcesUsed(run.Ledger(), run.Reports(), end) {
		s := sc.Source(id)
		if s == nil {
			continue
		}
		tw := c.Measure(tagLabel(s, id), c.T.Small) + c.T.Pad*2
		tw = math.Min(tw, rw*0.45)
		a.sourceTags(c, fmt.Sprintf("used%d", i), x, y, tw+1, []string{id})
		h := c.Para(x+tw+c.T.Pad, y, rw-tw-c.T.Pad, strings.Join(nonEmpty(s.Title, s.Outlet, s.Date), " · "), c.T.Small, p.Ink)
		y += math.Max(h, c.T.SmallH+c.T.Pad*0.4) + c.T.Pad*0.3
	}
	c.EndScroll(y - oy)

	note := d.saved
	if d.err != "" {
		note = "⚠ " + d.err
	}
	foot := pg.Footer
	if note != "" {
		nr, rest := foot.CutLeft(foot.W * 0.5)
		c.Label(nr, note, c.T.Small, p.Muted, 0)
		foot = rest
	}
	switch buttonRow(c, foot, []btn{
		{id: "debrief:save", label: "Save run record", tip: "Write the replayable record of this game (seed, scenario, decisions, reasons) to a file"},
		{id: "debrief:title", label: "Title screen", primary: true},
	}, true) {
	case 0:
		path, err := a.saveRun()
		if err != nil {
			d.err = err.Error()
		} else {
			d.err, d.saved = "", "Saved: "+path
		}
	case 1:
		a.goTo(&titleScreen{})
	}
	if !overlay && c.Back() {
		a.goTo(&titleScreen{})
	}
	if c.Focus == "" {
		c.SetFocus("debrief:save")
	}
	a.modals(c)
}

func turnList(ts []int) string {
	if len(ts) == 0 {
		return "-"
	}
	if len(ts) > 4 {
		return fmt.Sprintf("%d–%d", ts[0], ts[len(ts)-1])
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprint(t)
	}
	return strings.Join(parts, ", ")
}

// chart draws every visible indicator's history in r and returns the
// height used (the chart plus its legend).
func (a *App) chart(c *Ctx, r Rect, turns []analysis.Turn) float64 {
	run := a.run
	sc := run.Scenario()
	p := c.T.C
	inds := visibleIndicators(sc)
	n := len(run.Reports())
	// Right margin for end labels.
	labW := 0.0
	for _, ind := range inds {
		labW = math.Max(labW, c.Measure("● "+ind.Name, c.T.Small))
	}
	labW = math.Min(labW+c.T.Pad, r.W*0.35)
	plot := layout.R(r.X+c.T.LineH*1.5, r.Y+c.T.SmallH*1.5, r.W-labW-c.T.LineH*1.5-c.T.Pad, r.H-c.T.SmallH*3)
	c.Fill(plot, p.Panel)
	c.Border(plot, 1, p.Border)
	xs := chart.Scale{D0: 0, D1: float64(max(1, n)), R0: plot.X, R1: plot.Right()}
	ys := chart.Scale{D0: 0, D1: 1, R0: plot.Bottom(), R1: plot.Y}
	for _, f := range []float64{0.25, 0.5, 0.75} {
		c.Fill(layout.R(plot.X, ys.At(f), plot.W, 1), p.PanelAlt)
	}
	c.Text("max", c.T.Small, r.X, plot.Y-c.T.SmallH/2, p.Muted)
	c.Text("min", c.T.Small, r.X, plot.Bottom()-c.T.SmallH/2, p.Muted)
	for _, tv := range chart.Ticks(0, float64(max(1, n)), int(math.Max(2, math.Min(float64(n), plot.W/(c.T.LineH*2.5))))) {
		tx := xs.At(tv)
		lbl := fmt.Sprintf("%g", tv)
		c.Text(lbl, c.T.Small, tx-c.Measure(lbl, c.T.Small)/2, plot.Bottom()+c.T.Pad*0.2, p.Muted)
	}
	// Decision flags.
	for i, t := range analysis.DecisionTurns(turns) {
		// A decision taken in turn t shapes what happens from turn t-1's value on.
		tx := xs.At(float64(t) - 0.5)
		for yy := plot.Y; yy < plot.Bottom(); yy += 8 {
			c.Fill(layout.R(tx, yy, 1, 4), p.Muted)
		}
		lbl := fmt.Sprintf("T%d", t)
		if i%2 == 1 && n > 8 {
			continue
		}
		c.Text(lbl, c.T.Small, tx-c.Measure(lbl, c.T.Small)/2, r.Y, p.Accent)
	}
	palette := []struct{ r, g, b uint8 }{{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167}, {86, 180, 233}, {230, 159, 0}, {90, 98, 112}, {160, 60, 60}, {30, 30, 30}, {120, 90, 20}}
	endY := make([]float64, len(inds))
	for k, ind := range inds {
		h := run.History(ind.ID)
		col := p.Ink
		pc := palette[k%len(palette)]
		col.R, col.G, col.B = pc.r, pc.g, pc.b
		if c.T.Contrast {
			col = p.Ink
		}
		pts := make([]float32, 0, len(h)*2)
		for i, v := range h {
			pts = append(pts, float32(xs.At(float64(i))), float32(ys.At(chart.Norm(v, ind.Min, ind.Max))))
		}
		c.Polyline(pts, math.Max(1.5, 2*c.T.Scale), col)
		ms := math.Max(3, c.T.SmallH*0.22)
		for i := 0; i+1 < len(pts); i += 2 {
			if len(h) > 16 && (i/2)%2 == 1 {
				continue
			}
			marker(c, k%len(seriesMarks), float64(pts[i]), float64(pts[i+1]), ms, col)
		}
		if len(h) > 0 {
			endY[k] = ys.At(chart.Norm(h[len(h)-1], ind.Min, ind.Max)) - c.T.SmallH/2
		}
	}
	spread := chart.Spread(endY, c.T.SmallH, r.Y, r.Bottom()-c.T.SmallH)
	for k, ind := range inds {
		col := p.Ink
		pc := palette[k%len(palette)]
		col.R, col.G, col.B = pc.r, pc.g, pc.b
		if c.T.Contrast {
			col = p.Ink
		}
		c.Label(layout.R(plot.Right()+c.T.Pad, spread[k], labW, c.T.SmallH), seriesMarks[k%len(seriesMarks)]+" "+ind.Name, c.T.Small, col, 0)
	}
	return r.H
}

// marker draws series k's point shape (matching seriesMarks) at (x, y).
func marker(c *Ctx, k int, x, y, s float64, col color.RGBA) {
	f := func(v float64) float32 { return float32(v) }
	switch k {
	case 0, 8:
		c.Circle(x, y, s, col)
	case 1, 9:
		c.Fill(layout.R(x-s, y-s, 2*s, 2*s), col)
	case 2, 5:
		c.Poly([]float32{f(x), f(y - s*1.2), f(x + s*1.1), f(y + s*0.8), f(x - s*1.1), f(y + s*0.8)}, col)
	case 3:
		c.Poly([]float32{f(x), f(y - s*1.3), f(x + s*1.3), f(y), f(x), f(y + s*1.3), f(x - s*1.3), f(y)}, col)
	case 4:
		c.Poly([]float32{f(x - s*1.1), f(y - s*0.8), f(x + s*1.1), f(y - s*0.8), f(x), f(y + s*1.2)}, col)
	case 6:
		c.Ring(x, y, s, math.Max(1, s/2), col)
	default:
		c.Fill(layout.R(x-s, y-s/3, 2*s, s*2/3), col)
		c.Fill(layout.R(x-s/3, y-s, s*2/3, 2*s), col)
	}
}
