package ui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// evidenceMark gives each evidence label a shape as well as a word.
var evidenceMark = map[string]string{
	scenario.EvidenceFact: "■", scenario.EvidenceClaim: "◆", scenario.EvidenceOpinion: "●",
	scenario.EvidenceContested: "◐", scenario.EvidenceAssumption: "◇", scenario.EvidenceError: "✗",
	scenario.EvidenceScenario: "☆",
}

var evidenceShort = map[string]string{
	scenario.EvidenceFact: "fact", scenario.EvidenceClaim: "claim", scenario.EvidenceOpinion: "opinion",
	scenario.EvidenceContested: "contested", scenario.EvidenceAssumption: "assumption", scenario.EvidenceError: "error",
	scenario.EvidenceScenario: "fiction",
}

var evidenceHelp = map[string]string{
	scenario.EvidenceFact:       "a fact checked against a reliable record",
	scenario.EvidenceClaim:      "a claim made by a named person or body, not independently shown",
	scenario.EvidenceOpinion:    "someone's view or argument",
	scenario.EvidenceContested:  "disputed: reliable sources disagree",
	scenario.EvidenceAssumption: "a number or rule the game's designers chose",
	scenario.EvidenceError:      "a claim that turned out to be wrong",
	scenario.EvidenceScenario:   "fiction written for this game, not a real event",
}

type btn struct {
	id, label, tip    string
	primary, disabled bool
}

func btnW(c *Ctx, label string) float64 {
	return math.Ceil(math.Max(c.Measure(label, c.T.Body)+c.T.Pad*3, c.T.LineH*4))
}

// buttonRow lays buttons out in r from the right (or left) edge and returns
// the index of the one activated, -1 if none. Buttons that do not fit are
// narrowed so they share the row.
func buttonRow(c *Ctx, r Rect, bs []btn, right bool) int {
	gap := c.T.Pad
	ws := make([]float64, len(bs))
	total := 0.0
	for i, b := range bs {
		ws[i] = btnW(c, b.label)
		total += ws[i]
	}
	total += gap * float64(len(bs)-1)
	if total > r.W {
		k := (r.W - gap*float64(len(bs)-1)) / (total - gap*float64(len(bs)-1))
		for i := range ws {
			ws[i] = math.Floor(ws[i] * k)
		}
		total = r.W
	}
	x := r.X
	if right {
		x = r.Right() - total
	}
	hit := -1
	for i, b := range bs {
		br := layout.R(x, r.Y, ws[i], r.H)
		if c.Button(b.id, br, b.label, BtnOpt{Tip: b.tip, Primary: b.primary, Disabled: b.disabled}) {
			hit = i
		}
		x += ws[i] + gap
	}
	return hit
}

// headerBar draws the band at the top of a screen.
func headerBar(c *Ctx, r Rect, title string) {
	c.Fill(r, c.T.C.PanelAlt)
	c.Fill(layout.R(r.X, r.Bottom()-math.Max(1, c.T.Scale), r.W, math.Max(1, c.T.Scale)), c.T.C.Border)
	c.Label(r.InsetXY(c.T.Pad*1.5, 0), title, c.T.Title, c.T.C.Ink, 0)
}

// tagLabel is the text on a source tag: its id, its evidence shape and word.
func tagLabel(src *scenario.Source, id string) string {
	if src == nil {
		return id
	}
	return fmt.Sprintf("%s %s %s", id, evidenceMark[src.Evidence], evidenceShort[src.Evidence])
}

// sourceTags draws the source tags for ids flowing from (x, y) within
// width w and returns the height used. Activating a tag opens its card.
func (a *App) sourceTags(c *Ctx, key string, x, y, w float64, ids []string) float64 {
	if len(ids) == 0 {
		return 0
	}
	sc := a.scenario()
	face := c.T.Small
	h := c.T.SmallH + c.T.Pad*0.4
	labels := make([]string, len(ids))
	ws := make([]float64, len(ids))
	for i, id := range ids {
		labels[i] = tagLabel(sc.Source(id), id)
		ws[i] = math.Ceil(c.Measure(labels[i], face) + c.T.Pad*2)
	}
	rs, total := layout.Flow(ws, w, h, c.T.Pad*0.5)
	for i, id := range ids {
		r := rs[i]
		r.X += x
		r.Y += y
		tip := "Source " + id
		if s := sc.Source(id); s != nil {
			tip = fmt.Sprintf("%s (%s). Select to read the source card.", s.Title, s.Evidence)
		}
		bid := "src:" + key + ":" + id + fmt.Sprint(i)
		if c.Button(bid, r, labels[i], BtnOpt{Tip: tip, Face: face, Align: -1}) {
			a.source, a.returnFocus = id, bid
		}
	}
	return total
}

func (a *App) scenario() *scenario.Scenario {
	if a.run != nil {
		return a.run.Scenario()
	}
	if len(a.o.Scenarios) > 0 {
		return a.o.Scenarios[0].SC
	}
	return &scenario.Scenario{}
}

func (a *App) modalOpen() bool { return a.source != "" || a.why != "" }

// modals draws whichever modal is open, topmost last. Each consumes Esc.
func (a *App) modals(c *Ctx) {
	if a.why != "" {
		c.Block(a.source != "")
		a.whyModal(c)
	}
	if a.source != "" {
		c.Block(false)
		a.sourceModal(c)
	}
}

func (a *App) sourceModal(c *Ctx) {
	sc := a.scenario()
	s := sc.Source(a.source)
	in := c.Modal(c.T.LineH*28, c.H-c.T.Pad*4)
	p := c.T.C
	foot, body := in.CutBottom(c.T.LineH * 1.5)
	y := body.Y
	if s == nil {
		c.Label(layout.R(body.X, y, body.W, c.T.LineH), "No source "+a.source+" in this scenario.", c.T.Body, p.Ink, 0)
	} else {
		oy := c.BeginScroll("source:"+s.ID, body)
		y = oy
		w := body.W - c.T.Pad
		c.Label(layout.R(body.X, y, w, c.T.SmallH), "Source "+s.ID, c.T.SmallBold, p.Muted, 0)
		y += c.T.SmallH
		y += c.Para(body.X, y, w, s.Title, c.T.Title, p.Ink)
		meta := strings.TrimSpace(strings.Join(nonEmpty(s.Outlet, s.Date), " · "))
		if meta != "" {
			y += c.Para(body.X, y, w, meta, c.T.Body, p.Muted)
		}
		y += c.T.Pad
		ev := fmt.Sprintf("%s Evidence: %s. %s", evidenceMark[s.Evidence], s.Evidence, capital(evidenceHelp[s.Evidence]))
		evH := c.ParaH(w-c.T.Pad*2, ev, c.T.Bold) + c.T.Pad
		c.Fill(layout.R(body.X, y, w, evH), p.PanelAlt)
		c.Para(body.X+c.T.Pad, y+c.T.Pad/2, w-c.T.Pad*2, ev, c.T.Bold, p.Ink)
		y += evH + c.T.Pad
		if s.Quote != "" {
			c.Fill(layout.R(body.X, y, math.Max(2, 3*c.T.Scale), c.ParaH(w-c.T.Pad*2, "“"+s.Quote+"”", c.T.Body)), p.Accent)
			y += c.Para(body.X+c.T.Pad*1.5, y, w-c.T.Pad*2, "“"+s.Quote+"”", c.T.Body, p.Ink) + c.T.Pad
		}
		if s.Note != "" {
			y += c.Para(body.X, y, w, "Verdict: "+s.Note, c.T.Body, p.Ink) + c.T.Pad
		}
		if s.URL != "" {
			y += c.Para(body.X, y, w, s.URL, c.T.Small, p.Muted)
		}
		c.EndScroll(y - oy)
	}
	if buttonRow(c, layout.R(foot.X, foot.Y+c.T.Pad*0.3, foot.W, foot.H-c.T.Pad*0.3), []btn{{id: "source:close", label: "Close (Esc)", primary: true}}, true) == 0 || c.Back() {
		a.source = ""
		c.SetFocus(a.returnFocus) // back to the tag that opened the card
		return
	}
	if c.Focus == "" || !strings.HasPrefix(c.Focus, "source:") {
		c.SetFocus("source:close")
	}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// fmtNum prints a value with at most one decimal.
func fmtNum(v float64) string {
	if math.Abs(v-math.Round(v)) < 0.05 {
		return fmt.Sprintf("%.0f", math.Round(v))
	}
	return fmt.Sprintf("%.1f", v)
}

func fmtDelta(v float64) string {
	if math.Abs(v) < 0.05 {
		return "±0"
	}
	if v > 0 {
		return "+" + fmtNum(v)
	}
	return "−" + fmtNum(-v)
}

func (a *App) money(v float64) string { return analysis.Money(v, a.scenario().Budget.Unit) }

func (a *App) capitalName() string {
	if n := a.scenario().Budget.CapitalName; n != "" {
		return n
	}
	return "Political capital"
}

// trend describes a change with an arrow shape, a number and a word, so
// colour is never the only cue. good is "up" or "down".
func trend(delta float64, good string) (mark, word string, better int) {
	switch {
	case math.Abs(delta) < 0.05:
		return "●", "steady", 0
	case delta > 0:
		mark = "▲"
	default:
		mark = "▼"
	}
	if (delta > 0) == (good != "down") {
		return mark, "better", 1
	}
	return mark, "worse", -1
}

// lastChange is an indicator's change in the last resolved turn.
func (a *App) lastChange(id string) float64 {
	h := a.run.History(id)
	if len(h) < 2 {
		return 0
	}
	return h[len(h)-1] - h[len(h)-2]
}

func visibleIndicators(sc *scenario.Scenario) []*scenario.Indicator {
	var out []*scenario.Indicator
	for i := range sc.Indicators {
		if !sc.Indicators[i].Hidden {
			out = append(out, &sc.Indicators[i])
		}
	}
	return out
}

// meters draws the list of meters in r (scrolled) and opens the Why?
// ledger for the one activated.
func (a *App) meters(c *Ctx, r Rect, key string) {
	sc := a.scenario()
	p := c.T.C
	head := "Meters: select one for Why?"
	if c.Measure(head, c.T.Bold) > r.W-c.T.Pad*2 {
		head = "Meters (Why?)"
	}
	in := c.Panel(r, head)
	oy := c.BeginScroll("meters:"+key, in)
	y := oy
	rowH := c.T.LineH + c.T.SmallH + c.T.Pad*0.6
	w := in.W - c.T.Pad
	for _, ind := range visibleIndicators(sc) {
		row := layout.R(in.X, y, w, rowH-c.T.Pad*0.3)
		v := a.run.Value(ind.ID)
		d := a.lastChange(ind.ID)
		mark, word, better := trend(d, ind.Good)
		goodWord := "Higher is better."
		if ind.Good == "down" {
			goodWord = "Lower is better."
		}
		tip := fmt.Sprintf("%s: %s %s Last turn %s (%s). Select to see why.", ind.Name, ind.Description, goodWord, fmtDelta(d), word)
		hov, act := c.Widget("meter:"+ind.ID, row, tip)
		if hov {
			c.Fill(row, p.Hover)
		}
		val := unitVal(v, ind.Unit)
		vw := c.Measure(val, c.T.Bold)
		line1 := layout.R(row.X+c.T.Pad*0.3, row.Y, row.W-c.T.Pad*0.6, c.T.LineH)
		valR, nameR := line1.CutRight(vw + c.T.Pad)
		c.Label(nameR, ind.Name, c.T.Body, p.Ink, 0)
		c.Label(valR, val, c.T.Bold, p.Ink, 2)
		// line 2: the bar and the trend
		l2 := layout.R(line1.X, row.Y+c.T.LineH, line1.W, c.T.SmallH)
		tr := fmt.Sprintf("%s %s %s", mark, fmtDelta(d), word)
		tw := c.Measure(tr, c.T.Small)
		barW := math.Max(c.T.LineH*2, l2.W-tw-c.T.Pad)
		if barW+tw+c.T.Pad > l2.W {
			tr = fmt.Sprintf("%s %s", mark, fmtDelta(d))
			tw = c.Measure(tr, c.T.Small)
			barW = math.Max(0, l2.W-tw-c.T.Pad)
		}
		bar := layout.R(l2.X, l2.Y+l2.H*0.3, barW, math.Max(4, l2.H*0.4))
		c.Fill(bar, p.PanelAlt)
		share := (v - ind.Min) / math.Max(1e-9, ind.Max-ind.Min)
		share = math.Max(0, math.Min(1, share))
		c.Fill(layout.R(bar.X, bar.Y, bar.W*share, bar.H), p.Accent)
		col := p.Neutral
		switch better {
		case 1:
			col = p.Good
		case -1:
			col = p.Bad
		}
		c.Label(layout.R(l2.Right()-tw, l2.Y, tw, l2.H), tr, c.T.Small, col, 2)
		if c.Focused("meter:" + ind.ID) {
			c.FocusRing(row)
		}
		if act {
			a.why, a.whyAll, a.whyFrom = ind.ID, false, "meter:"+ind.ID
		}
		y += rowH
	}
	c.EndScroll(y - oy)
}

// whyModal shows the ledger of one indicator: this turn's contributions or
// the whole game's, each with its cause, turn and sources.
func (a *App) whyModal(c *Ctx) {
	sc := a.scenario()
	ind := sc.Indicator(a.why)
	if ind == nil || a.run == nil {
		a.why = ""
		return
	}
	p := c.T.C
	in := c.Modal(c.T.LineH*34, c.H-c.T.Pad*4)
	head, rest := in.CutTop(c.T.TitleH)
	c.Label(head, "Why? "+ind.Name, c.T.Title, p.Ink, 0)
	tabs, rest := rest.CutTop(c.T.LineH * 1.4)
	foot, body := rest.CutBottom(c.T.LineH * 1.6)
	lastTurn := len(a.run.Reports())
	tabW := math.Min(tabs.W/2-c.T.Pad, c.T.LineH*9)
	if c.Button("why:turn", layout.R(tabs.X, tabs.Y, tabW, c.T.LineH*1.2), fmt.Sprintf("Last turn (%d)", lastTurn), BtnOpt{Selected: !a.whyAll, Tip: "Contributions that landed in the last resolved turn"}) {
		a.whyAll = false
	}
	if c.Button("why:all", layout.R(tabs.X+tabW+c.T.Pad, tabs.Y, tabW, c.T.LineH*1.2), "Whole game", BtnOpt{Selected: a.whyAll, Tip: "Every contribution since the start"}) {
		a.whyAll = true
	}
	turn := lastTurn
	if a.whyAll {
		turn = 0
	}
	var entries []sim.Entry
	if lastTurn > 0 || a.whyAll {
		entries = a.run.Why(ind.ID, turn)
	}
	total := 0.0
	for _, e := range entries {
		total += e.Amount
	}
	h := a.run.History(ind.ID)
	oy := c.BeginScroll(fmt.Sprintf("why:%s:%v", ind.ID, a.whyAll), body)
	y := oy
	w := body.W - c.T.Pad*1.5
	summary := fmt.Sprintf("Now %s. ", unitVal(a.run.Value(ind.ID), ind.Unit))
	if len(h) > 0 {
		summary += fmt.Sprintf("Started at %s. ", fmtNum(h[0]))
	}
	summary += fmt.Sprintf("These %d contributions add up to %s.", len(entries), fmtDelta(total))
	y += c.Para(body.X, y, w, summary, c.T.Body, p.Muted) + c.T.Pad
	if len(entries) == 0 {
		msg := "Nothing has changed this meter yet. End a turn, then look again."
		y += c.Para(body.X, y, w, msg, c.T.Body, p.Ink)
	}
	// Newest first.
	order := make([]int, len(entries))
	for i := range order {
		order[i] = len(entries) - 1 - i
	}
	for n, i := range order {
		e := entries[i]
		mark, word, _ := trend(e.Amount, ind.Good)
		amt := fmt.Sprintf("%s %s", mark, fmtDelta(e.Amount))
		aw := c.T.LineH * 4.2
		c.Label(layout.R(body.X, y, aw, c.T.LineH), amt, c.T.Bold, p.Ink, 0)
		tx := body.X + aw
		tw := w - aw
		explain := e.Explain
		if explain == "" && e.Cause.Kind == "drift" {
			explain = "Drift: the meter eases back towards its usual level."
		}
		y0 := y
		y += c.Para(tx, y, tw, explain, c.T.Body, p.Ink)
		cause := e.Cause.Label
		if cause == "" {
			cause = e.Cause.Kind
		}
		meta := fmt.Sprintf("Cause: %s · landed turn %d · %s", cause, e.Turn, word)
		y += c.Para(tx, y, tw, meta, c.T.Small, p.Muted)
		y += a.sourceTags(c, fmt.Sprintf("why%d", n), tx, y+c.T.Pad*0.3, tw, e.Sources)
		y = math.Max(y, y0+c.T.LineH) + c.T.Pad
		c.Fill(layout.R(body.X, y-c.T.Pad/2, w, math.Max(1, c.T.Scale)), p.PanelAlt)
	}
	c.EndScroll(y - oy)
	if buttonRow(c, layout.R(foot.X, foot.Y+c.T.Pad*0.4, foot.W, foot.H-c.T.Pad*0.4), []btn{{id: "why:close", label: "Close (Esc)", primary: true}}, true) == 0 || c.Back() {
		a.why = ""
		c.SetFocus(a.whyFrom)
		return
	}
	if !strings.HasPrefix(c.Focus, "why:") && !strings.HasPrefix(c.Focus, "src:why") && c.wantFocus == "" {
		c.SetFocus("why:close")
	}
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// unitVal prints an indicator value with its unit ("£20m", "45%", "12").
func unitVal(v float64, unit string) string {
	for _, sym := range []string{"£", "$", "€"} {
		if strings.HasPrefix(unit, sym) {
			return analysis.Money(v, unit)
		}
	}
	return fmtNum(v) + unit
}

// flowChips places option buttons in rows of width w: short labels side by
// side, a label too long for the row on a full-width button of its own,
// wrapped onto as many lines as it needs.
func flowChips(c *Ctx, labels []string, face *text.GoTextFace, w, h, gap float64) ([]Rect, float64) {
	out := make([]Rect, len(labels))
	x, y := 0.0, 0.0
	lh := c.T.lineH(face)
	for i, l := range labels {
		cw := math.Ceil(math.Max(c.Measure("✓ "+l, face)+c.T.Pad*3, c.T.LineH*4))
		if cw <= w {
			if x > 0 && x+cw > w {
				x = 0
				y += h + gap
			}
			out[i] = layout.R(x, y, cw, h)
			x += cw + gap
			continue
		}
		if x > 0 {
			y += h + gap
		}
		lines := c.Wrap("✓ "+l, face, w-c.T.Pad*2)
		ch := math.Max(h, float64(len(lines))*lh+c.T.Pad*0.8)
		out[i] = layout.R(0, y, w, ch)
		y += ch + gap
		x = 0
	}
	if x > 0 {
		y += h
	} else if len(labels) > 0 {
		y -= gap
	}
	return out, math.Max(0, y)
}
