package ui

import (
	"fmt"
	"math"

	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/sim"
)

// turnScreen shows a resolved turn: its events one after another on the map
// and in the news, and every indicator's change.
type turnScreen struct {
	rep    *sim.Report
	shown  int
	ticks  int
	inited bool
}

func (*turnScreen) name() string { return "turn" }

const revealTicks = 75

func (t *turnScreen) build(a *App, c *Ctx) {
	if a.run == nil || t.rep == nil {
		a.goTo(&titleScreen{})
		return
	}
	p := c.T.C
	sc := a.run.Scenario()
	n := len(t.rep.News)
	if !t.inited {
		t.inited = true
		if n > 0 {
			t.shown = 1
		}
		c.SetFocus("turn:next")
	}
	overlay := a.modalOpen()
	c.Block(overlay)
	if t.shown < n && !overlay {
		t.ticks++
		if t.ticks >= revealTicks {
			t.shown++
			t.ticks = 0
		}
	}
	if t.shown < n || t.ticks < revealTicks {
		c.Again() // the sequence and the pulse animate
		if t.shown >= n {
			t.ticks++
		}
	}
	pg := layout.ReadingPage(c.W, c.H, c.T.LineH)
	title := fmt.Sprintf("Turn %d: what happened", t.rep.Turn)
	if t.rep.Ending != "" {
		title = fmt.Sprintf("Turn %d: the last turn", t.rep.Turn)
	}
	headerBar(c, pg.Header, title)
	cols := pg.Body.Columns(c.T.Pad, 52, 48)
	left, right := cols[0], cols[1]
	mapH := math.Min(left.W*0.62, left.H*0.55)
	mapR, chR := left.CutTop(mapH)
	_, chR = chR.CutTop(c.T.Pad)
	var evs []mapEvent
	for i := 0; i < t.shown && i < n; i++ {
		pulse := -1.0
		if i == t.shown-1 && t.ticks < revealTicks {
			pulse = float64(t.ticks) / revealTicks
		}
		evs = append(evs, mapEvent{n: i + 1, news: t.rep.News[i], pulse: pulse})
	}
	a.drawMap(c, mapR, a.draft.Spend, a.draft.Options, evs)

	// Indicator changes.
	head := "Changes this turn: select one for Why?"
	if c.Measure(head, c.T.Bold) > chR.W-c.T.Pad*2 {
		head = "Changes (select for Why?)"
	}
	in := c.Panel(chR, head)
	oy := c.BeginScroll("turn:changes", in)
	y := oy
	w := in.W - c.T.Pad*1.5
	for _, ch := range t.rep.Changes {
		ind := sc.Indicator(ch.Indicator)
		if ind == nil || ind.Hidden {
			continue
		}
		d := ch.After - ch.Before
		mark, word, better := trend(d, ind.Good)
		row := layout.R(in.X, y, w, c.T.LineH)
		hov, act := c.Widget("chg:"+ind.ID, row, fmt.Sprintf("%s went from %s to %s (%s). Select to see why.", ind.Name, fmtNum(ch.Before), fmtNum(ch.After), word))
		if hov {
			c.Fill(row, p.Hover)
		}
		val := fmt.Sprintf("%s → %s  %s %s %s", fmtNum(ch.Before), fmtNum(ch.After), mark, fmtDelta(d), word)
		vw := math.Min(c.Measure(val, c.T.Small), w*0.62)
		c.Label(layout.R(row.X+c.T.Pad*0.3, row.Y, w-vw-c.T.Pad, row.H), ind.Name, c.T.Body, p.Ink, 0)
		col := p.Neutral
		if better > 0 {
			col = p.Good
		} else if better < 0 {
			col = p.Bad
		}
		c.Label(layout.R(row.Right()-vw-c.T.Pad*0.3, row.Y, vw, row.H), val, c.T.Small, col, 2)
		if c.Focused("chg:" + ind.ID) {
			c.FocusRing(row)
		}
		if act {
			a.why, a.whyAll, a.whyFrom = ind.ID, false, "chg:"+ind.ID
		}
		y += c.T.LineH + c.T.Pad*0.3
	}
	for _, wmsg := range t.rep.Warnings {
		y += c.Para(in.X, y, w, "⚠ "+wmsg, c.T.Small, p.Warn)
	}
	c.EndScroll(y - oy)

	np := c.Panel(right, fmt.Sprintf("News: %d of %d", min(t.shown, n), n))
	a.newsList(c, np, fmt.Sprintf("turn%d", t.rep.Turn), t.shown)

	next := "Next turn ▶"
	if a.run.Over() {
		next = "See the ending ▶"
	}
	var bs []btn
	if t.shown < n {
		bs = append(bs, btn{id: "turn:all", label: "Show all news", tip: "Skip the sequence"})
	}
	bs = append(bs, btn{id: "turn:next", label: next, primary: true, tip: "Enter"})
	hit := buttonRow(c, pg.Footer, bs, true)
	if hit >= 0 && bs[hit].id == "turn:all" {
		t.shown, t.ticks = n, revealTicks
	}
	if hit >= 0 && bs[hit].id == "turn:next" {
		if t.shown < n {
			// Enter first shows the rest, then moves on.
			t.shown, t.ticks = n, revealTicks
		} else if a.run.Over() {
			a.goTo(&debriefScreen{})
		} else {
			a.goTo(&roomScreen{})
		}
	}
	if !overlay && c.Back() {
		t.shown, t.ticks = n, revealTicks
	}
	a.modals(c)
}
