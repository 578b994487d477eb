package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/scenario"
)

type roomScreen struct {
	tab                 int // 0 debate, 1 news
	debLever, debOption string
	confirm, menu       bool
	err                 string
	inited              bool
}

func (*roomScreen) name() string { return "room" }

func (s *roomScreen) build(a *App, c *Ctx) {
	if a.run == nil {
		a.goTo(&titleScreen{})
		return
	}
	run := a.run
	if run.Over() {
		a.goTo(&debriefScreen{})
		return
	}
	sc := run.Scenario()
	p := c.T.C
	if !s.inited {
		s.inited = true
		if pend := run.Pending(); len(pend) > 0 && len(pend[0].Event.Choices) > 0 {
			c.SetFocus("ans:" + pend[0].Event.ID + ":" + pend[0].Event.Choices[0].ID)
		} else if len(sc.Levers) > 0 {
			lv := sc.Levers[0]
			if lv.Kind == scenario.LeverSpend {
				c.SetFocus("spend:" + lv.ID)
			} else {
				c.SetFocus("opt:" + lv.ID + ":" + a.draft.Options[lv.ID])
			}
		}
	}
	room := layout.PolicyRoom(c.W, c.H, c.T.LineH)
	overlay := a.modalOpen() || s.confirm || s.menu
	c.Block(overlay)

	dec := a.decision()
	cost := run.Cost(dec)
	moneyLeft := run.Money() - cost.Money
	capLeft := run.Capital() - cost.Capital
	checkErr := run.Check(dec)

	// Header: turn and date, budget and capital, End turn and Menu.
	hr := room.Header
	c.Fill(hr, p.PanelAlt)
	c.Fill(layout.R(hr.X, hr.Bottom()-1, hr.W, 1), p.Border)
	in := hr.InsetXY(c.T.Pad, c.T.Pad*0.35)
	endLabel, menuLabel := "End turn ▶", "Menu"
	bw := btnW(c, endLabel) + btnW(c, menuLabel) + c.T.Pad
	btns, info := in.CutRight(math.Min(bw, in.W*0.4))
	switch buttonRow(c, btns, []btn{
		{id: "menu", label: menuLabel, tip: "Settings, title screen, quit (Esc)"},
		{id: "endturn", label: endLabel, primary: checkErr == nil, disabled: checkErr != nil, tip: endTip(checkErr)},
	}, true) {
	case 0:
		s.menu = true
		c.SetFocus("menu:resume")
	case 1:
		s.confirm = true
		c.SetFocus("confirm:reason")
	}
	warn := ""
	col := p.Ink
	if moneyLeft < -1e-9 || capLeft < -1e-9 {
		col, warn = p.Warn, "⚠ "
	}
	// The longest wording that fits the header, down to a compact one.
	variants := [][2]string{
		{fmt.Sprintf("Turn %d of %d · %s", run.Turn(), sc.Meta.Turns, run.Date().Format("2 Jan 2006")),
			fmt.Sprintf("%sBudget: %s left of %s · %s: %s of %s", warn, a.money(moneyLeft), a.money(run.Money()),
				a.capitalName(), fmtNum(capLeft), fmtNum(run.Capital()))},
		{fmt.Sprintf("Turn %d of %d · %s", run.Turn(), sc.Meta.Turns, run.Date().Format("Jan 2006")),
			fmt.Sprintf("%s%s left of %s · Capital %s of %s", warn, a.money(moneyLeft), a.money(run.Money()), fmtNum(capLeft), fmtNum(run.Capital()))},
		{fmt.Sprintf("Turn %d/%d", run.Turn(), sc.Meta.Turns),
			fmt.Sprintf("%s%s of %s left · Cap. %s/%s", warn, a.money(moneyLeft), a.money(run.Money()), fmtNum(capLeft), fmtNum(run.Capital()))},
	}
	faces := []*text.GoTextFace{c.T.Bold, c.T.Body}
	pick := len(variants) - 1
	for i, v := range variants {
		if c.Measure(v[0], faces[0])+c.T.Pad*2+c.Measure(v[1], faces[1]) <= info.W {
			pick = i
			break
		}
	}
	if pick == len(variants)-1 && c.Measure(variants[pick][0], c.T.Bold)+c.T.Pad*2+c.Measure(variants[pick][1], c.T.Body) > info.W {
		faces = []*text.GoTextFace{c.T.SmallBold, c.T.Small}
	}
	tw := c.Measure(variants[pick][0], faces[0])
	left, right := info.CutLeft(math.Min(tw+c.T.Pad*2, info.W*0.45))
	c.Label(left, variants[pick][0], faces[0], p.Ink, 0)
	c.Label(right, variants[pick][1], faces[1], col, 0)

	// Map with what the draft funds and last turn's events.
	var evs []mapEvent
	if a.last != nil {
		for i, n := range a.last.News {
			evs = append(evs, mapEvent{n: i + 1, news: n, pulse: -1})
		}
	}
	a.drawMap(c, room.Map, a.draft.Spend, a.draft.Options, evs)
	a.meters(c, room.Meters, "room")
	s.levers(a, c, room.Levers)
	s.side(a, c, room.Side)

	// Footer: problems first, then the focused item's help.
	fr := room.Footer
	c.Fill(fr, p.PanelAlt)
	msg, mcol := c.status, p.Muted
	if msg == "" {
		msg = "Tab or arrows: move · Enter: choose · 1–9: pick an option · select a meter for Why? · Esc: menu"
	}
	if checkErr != nil {
		msg, mcol = "⚠ Cannot end the turn yet: "+checkErr.Error(), p.Warn
	}
	if a.status != "" {
		msg, mcol = a.status, p.Warn
	}
	if s.err != "" {
		msg, mcol = "⚠ "+s.err, p.Warn
	}
	c.Label(fr.InsetXY(c.T.Pad, 0), msg, c.T.Small, mcol, 0)

	if !overlay && c.Back() {
		s.menu = true
		c.SetFocus("menu:resume")
	}
	if s.confirm {
		c.Block(false)
		s.confirmModal(a, c, cost.Money, cost.Capital)
	}
	if s.menu {
		c.Block(false)
		s.menuModal(a, c)
	}
	if a.modalOpen() {
		a.modals(c)
	}
}

func endTip(err error) string {
	if err != nil {
		return "Not yet: " + err.Error()
	}
	return "Commit this turn's decisions and see what happens"
}

// levers draws the levers column: any dilemma to answer, then each lever
// by group.
func (s *roomScreen) levers(a *App, c *Ctx, r Rect) {
	run := a.run
	sc := run.Scenario()
	p := c.T.C
	in := c.Panel(r, "Levers")
	oy := c.BeginScroll("levers", in)
	y := oy
	w := in.W - c.T.Pad*1.5
	x := in.X
	chipH := c.T.LineH * 1.25
	gap := c.T.Pad * 0.5
	digit := c.Digit()

	for _, dl := range run.Pending() {
		ev := dl.Event
		y += c.Para(x, y, w, "⚠ Decision needed: "+ev.Title, c.T.Bold, p.Warn)
		y += c.Para(x, y, w, ev.Text, c.T.Small, p.Ink) + c.T.Pad*0.3
		labels := make([]string, len(ev.Choices))
		for i, ch := range ev.Choices {
			labels[i] = fmt.Sprintf("%d %s", i+1, ch.Label)
			if ch.Cost != 0 || ch.Capital != 0 {
				labels[i] += " (" + a.costText(ch.Cost, ch.Capital) + ")"
			}
		}
		rs, h := flowChips(c, labels, c.T.Small, w, chipH, gap)
		for i, ch := range ev.Choices {
			id := "ans:" + ev.ID + ":" + ch.ID
			cr := rs[i]
			cr.X += x
			cr.Y += y
			sel := a.draft.Answers[ev.ID] == ch.ID
			if c.Button(id, cr, labels[i], BtnOpt{Selected: sel, Tip: ch.Text, Face: c.T.Small}) {
				a.draft.Answers[ev.ID] = ch.ID
			}
			if c.Focused(id) {
				s.debLever, s.debOption = "dilemma:"+ev.ID, ch.ID
				if digit >= 1 && digit <= len(ev.Choices) {
					a.draft.Answers[ev.ID] = ev.Choices[digit-1].ID
					c.SetFocus("ans:" + ev.ID + ":" + ev.Choices[digit-1].ID)
				}
			}
		}
		y += h + c.T.Pad
	}

	group := "\x00"
	for li := range sc.Levers {
		lv := &sc.Levers[li]
		if lv.Group != group {
			group = lv.Group
			if group != "" {
				y += c.T.Pad * 0.3
				c.Label(layout.R(x, y, w, c.T.SmallH), strings.ToUpper(group), c.T.SmallBold, p.Muted, 0)
				y += c.T.SmallH
			}
		}
		// Name line with the lever's cost this turn on the right.
		var costTxt string
		if lv.Kind == scenario.LeverSpend {
			costTxt = a.money(a.draft.Spend[lv.ID])
		} else if i := lv.OptionIndex(a.draft.Options[lv.ID]); i >= 0 && lv.Options[i].Cost != 0 {
			costTxt = a.money(lv.Options[i].Cost) + "/turn"
		}
		cw := c.Measure(costTxt, c.T.Small)
		c.Label(layout.R(x+w-cw, y, cw, c.T.LineH), costTxt, c.T.Small, p.Muted, 2)
		y += c.Para(x, y, w-cw-c.T.Pad, lv.Name, c.T.Bold, p.Ink)
		if lv.Kind == scenario.LeverSpend {
			y += s.spendRow(a, c, lv, x, y, w, chipH, digit) + c.T.Pad
			continue
		}
		held := run.Option(lv.ID)
		labels := make([]string, len(lv.Options))
		for i, o := range lv.Options {
			labels[i] = o.Label
		}
		rs, h := flowChips(c, labels, c.T.Small, w, chipH, gap)
		for i, o := range lv.Options {
			id := "opt:" + lv.ID + ":" + o.ID
			cr := rs[i]
			cr.X += x
			cr.Y += y
			err := run.Allowed(lv.ID, o.ID)
			tip := o.Description
			if o.Cost != 0 || (o.Capital != 0 && o.ID != held) {
				cap := 0.0
				if o.ID != held {
					cap = o.Capital
				}
				tip += " Cost: " + a.costText(o.Cost, cap) + "."
			}
			if o.ID == held {
				tip += " (held now)"
			}
			if err != nil {
				tip = "Not available: " + err.Error() + ". " + tip
			}
			sel := a.draft.Options[lv.ID] == o.ID
			if c.Button(id, cr, labels[i], BtnOpt{Selected: sel, Disabled: err != nil && !sel, Tip: strings.TrimSpace(tip), Face: c.T.Small}) {
				a.draft.Options[lv.ID] = o.ID
			}
			if c.Focused(id) {
				s.debLever, s.debOption = lv.ID, o.ID
				if digit >= 1 && digit <= len(lv.Options) {
					to := lv.Options[digit-1].ID
					if run.Allowed(lv.ID, to) == nil {
						a.draft.Options[lv.ID] = to
					}
					c.SetFocus("opt:" + lv.ID + ":" + to)
				}
			}
		}
		y += h
		if d := a.draft.Options[lv.ID]; d != held {
			from, to := optLabel(lv, held), optLabel(lv, d)
			note := fmt.Sprintf("Change: %s → %s", from, to)
			if i := lv.OptionIndex(d); i >= 0 && lv.Options[i].Capital != 0 {
				note += fmt.Sprintf(" (%s %s)", fmtNum(lv.Options[i].Capital), strings.ToLower(a.capitalName()))
			}
			y += c.Para(x, y, w, note, c.T.Small, p.Accent)
		}
		y += c.T.Pad
	}
	c.EndScroll(y - oy)
}

func optLabel(lv *scenario.Lever, id string) string {
	if i := lv.OptionIndex(id); i >= 0 {
		return lv.Options[i].Label
	}
	return id
}

func (a *App) costText(money, capital float64) string {
	var parts []string
	if money != 0 {
		parts = append(parts, a.money(money))
	}
	if capital != 0 {
		parts = append(parts, fmtNum(capital)+" "+strings.ToLower(a.capitalName()))
	}
	if len(parts) == 0 {
		return "free"
	}
	return strings.Join(parts, ", ")
}

// spendRow draws − amount + for a budget line and returns its height.
func (s *roomScreen) spendRow(a *App, c *Ctx, lv *scenario.Lever, x, y, w, h float64, digit int) float64 {
	run := a.run
	p := c.T.C
	cur := a.draft.Spend[lv.ID]
	step := lv.Step
	if step <= 0 {
		step = 1
	}
	set := func(v float64) {
		v = math.Max(lv.Min, math.Min(lv.Max, v))
		a.draft.Spend[lv.ID] = math.Round(v/step) * step
	}
	bw := h * 1.3
	minus := layout.R(x, y, bw, h)
	plus := layout.R(x+w-bw, y, bw, h)
	mid := layout.R(x+bw+c.T.Pad*0.5, y, w-2*bw-c.T.Pad, h)
	id := "spend:" + lv.ID
	tip := fmt.Sprintf("%s %s Budget line: %s to %s in steps of %s. Left/Right or − + change it.", lv.Name+".", lv.Description,
		a.money(lv.Min), a.money(lv.Max), a.money(step))
	if c.Button("dec:"+lv.ID, minus, "−", BtnOpt{Tip: "Spend less on " + lv.Name, Disabled: cur <= lv.Min}) {
		set(cur - step)
	}
	hov, act := c.Widget(id, mid, tip)
	c.TakesArrows(id)
	_ = act
	if adj := c.Adjust(id); adj != 0 {
		set(cur + float64(adj)*step)
	}
	if hov {
		c.Fill(mid, p.Hover)
	}
	// The bar: one cell per step, filled up to the amount.
	cells := int(math.Round((lv.Max - lv.Min) / step))
	cur = a.draft.Spend[lv.ID]
	label := a.money(cur)
	if held := run.Spend(lv.ID); held != cur {
		label = fmt.Sprintf("%s (was %s)", a.money(cur), a.money(held))
	}
	lw := c.Measure(label, c.T.Small)
	barR := mid.InsetXY(c.T.Pad*0.3, h*0.3)
	if barR.W-lw-c.T.Pad > c.T.LineH*2 {
		barR.W -= lw + c.T.Pad
		c.Label(layout.R(barR.Right()+c.T.Pad*0.5, mid.Y, lw+c.T.Pad*0.5, mid.H), label, c.T.Small, p.Ink, 0)
	} else {
		barR = layout.R(mid.X, mid.Y, 0, 0)
		c.Label(mid, label, c.T.Small, p.Ink, 1)
	}
	if cells > 0 && cells <= 40 && barR.W > 0 {
		cw := barR.W / float64(cells)
		filled := int(math.Round((cur - lv.Min) / step))
		for i := 0; i < cells; i++ {
			cr := layout.R(barR.X+float64(i)*cw+1, barR.Y, cw-2, barR.H)
			if i < filled {
				c.Fill(cr, p.Accent)
			} else {
				c.Border(cr, 1, p.Border)
			}
		}
	}
	if c.Focused(id) {
		c.FocusRing(mid)
	}
	if c.Button("inc:"+lv.ID, plus, "+", BtnOpt{Tip: "Spend more on " + lv.Name, Disabled: cur >= lv.Max}) {
		set(cur + step)
	}
	for _, fid := range []string{id, "dec:" + lv.ID, "inc:" + lv.ID} {
		if c.Focused(fid) {
			s.debLever, s.debOption = lv.ID, ""
			if digit >= 0 {
				set(lv.Min + float64(digit)*step)
			}
		}
	}
	return h
}

// side draws the Debate and News tabs.
func (s *roomScreen) side(a *App, c *Ctx, r Rect) {
	p := c.T.C
	c.Fill(r, p.Panel)
	c.Border(r, math.Max(1, c.T.Scale), p.Border)
	in := r.Inset(c.T.Pad * 0.8)
	tabs, body := in.CutTop(c.T.LineH * 1.3)
	_, body = body.CutTop(c.T.Pad * 0.5)
	nNews := 0
	if a.last != nil {
		nNews = len(a.last.News)
	}
	tw := (tabs.W - c.T.Pad) / 2
	if c.Button("tab:debate", layout.R(tabs.X, tabs.Y, tw, tabs.H), "Debate", BtnOpt{Selected: s.tab == 0, Tip: "What stakeholders argue about the option in focus"}) {
		s.tab = 0
	}
	if c.Button("tab:news", layout.R(tabs.X+tw+c.T.Pad, tabs.Y, tw, tabs.H), fmt.Sprintf("News (%d)", nNews), BtnOpt{Selected: s.tab == 1, Tip: "Headlines from last turn's events"}) {
		s.tab = 1
	}
	if s.tab == 0 {
		s.debate(a, c, body)
	} else {
		a.newsList(c, body, "room", -1)
	}
}

func (s *roomScreen) debate(a *App, c *Ctx, r Rect) {
	sc := a.run.Scenario()
	p := c.T.C
	oy := c.BeginScroll("debate:"+s.debLever+":"+s.debOption, r)
	y := oy
	w := r.W - c.T.Pad*1.5
	x := r.X
	switch {
	case s.debLever == "":
		y += c.Para(x, y, w, "Move the focus to a lever (Tab, arrows or the mouse) to see what each side argues about it.", c.T.Body, p.Muted)
	case strings.HasPrefix(s.debLever, "dilemma:"):
		ev := sc.Event(strings.TrimPrefix(s.debLever, "dilemma:"))
		if ev == nil {
			break
		}
		y += c.Para(x, y, w, ev.Title, c.T.Title, p.Ink) + c.T.Pad*0.3
		y += c.Para(x, y, w, ev.Text, c.T.Body, p.Ink) + c.T.Pad*0.3
		y += a.sourceTags(c, "ev", x, y, w, ev.Sources) + c.T.Pad
		for i, ch := range ev.Choices {
			mark := "○"
			if ch.ID == s.debOption {
				mark = "▶"
			}
			y += c.Para(x, y, w, fmt.Sprintf("%s %d. %s (%s)", mark, i+1, ch.Label, a.costText(ch.Cost, ch.Capital)), c.T.Bold, p.Ink)
			y += c.Para(x, y, w, ch.Text, c.T.Body, p.Ink)
			y += a.sourceTags(c, "ch"+ch.ID, x, y+c.T.Pad*0.3, w, ch.Sources) + c.T.Pad
		}
	default:
		lv := sc.Lever(s.debLever)
		if lv == nil {
			break
		}
		title, desc := lv.Name, lv.Description
		var srcs []string
		srcs = append(srcs, lv.Sources...)
		if s.debOption != "" {
			if i := lv.OptionIndex(s.debOption); i >= 0 {
				o := lv.Options[i]
				title = lv.Name + ": " + o.Label
				if o.Description != "" {
					desc = o.Description
				}
				srcs = append(srcs, o.Sources...)
				desc += " Cost: " + a.costText(o.Cost, o.Capital) + " (capital only when you switch to it)."
			}
		}
		y += c.Para(x, y, w, title, c.T.Title, p.Ink) + c.T.Pad*0.3
		if desc != "" {
			y += c.Para(x, y, w, strings.TrimSpace(desc), c.T.Body, p.Ink) + c.T.Pad*0.3
		}
		y += a.sourceTags(c, "lv", x, y, w, dedupe(srcs)) + c.T.Pad
		args := sc.ArgumentsAbout(lv.ID, s.debOption)
		if len(args) == 0 {
			y += c.Para(x, y, w, "No stakeholder argues about this option.", c.T.Body, p.Muted)
		}
		for _, stance := range []string{"for", "against"} {
			var n int
			for _, ar := range args {
				if ar.Stance == stance {
					n++
				}
			}
			if n == 0 {
				continue
			}
			head := "+ FOR"
			if stance == "against" {
				head = "− AGAINST"
			}
			c.Fill(layout.R(x, y, w, c.T.LineH), p.PanelAlt)
			c.Label(layout.R(x+c.T.Pad*0.5, y, w-c.T.Pad, c.T.LineH), fmt.Sprintf("%s (%d)", head, n), c.T.Bold, p.Ink, 0)
			y += c.T.LineH + c.T.Pad*0.4
			for ai, ar := range args {
				if ar.Stance != stance {
					continue
				}
				who := ar.By
				if st := sc.Stakeholder(ar.By); st != nil {
					who = st.Name
					if st.Role != "" {
						who += " · " + st.Role
					}
				}
				y += c.Para(x, y, w, who, c.T.SmallBold, p.Muted)
				y += c.Para(x, y, w, ar.Text, c.T.Body, p.Ink)
				y += a.sourceTags(c, fmt.Sprintf("arg%d", ai), x, y+c.T.Pad*0.3, w, ar.Sources) + c.T.Pad*0.9
			}
		}
	}
	c.EndScroll(y - oy)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// newsList draws the news of the last turn (numbered as on the map) and
// earlier turns. reveal >= 0 shows only the first reveal items of the
// last turn (the end-of-turn sequence).
func (a *App) newsList(c *Ctx, r Rect, key string, reveal int) {
	sc := a.run.Scenario()
	p := c.T.C
	oy := c.BeginScroll("news:"+key, r)
	y := oy
	w := r.W - c.T.Pad*1.5
	x := r.X
	reps := a.run.Reports()
	if len(reps) == 0 {
		y += c.Para(x, y, w, "No news yet. Headlines from each turn's events appear here after you end a turn.", c.T.Body, p.Muted)
	}
	for ri := len(reps) - 1; ri >= 0; ri-- {
		rep := reps[ri]
		head := fmt.Sprintf("Turn %d", rep.Turn)
		if ri == len(reps)-1 {
			head = fmt.Sprintf("Last turn (%d)", rep.Turn)
		} else if reveal >= 0 {
			break
		}
		c.Label(layout.R(x, y, w, c.T.SmallH), strings.ToUpper(head), c.T.SmallBold, p.Muted, 0)
		y += c.T.SmallH + c.T.Pad*0.3
		if len(rep.News) == 0 {
			y += c.Para(x, y, w, "A quiet month: no events.", c.T.Body, p.Muted) + c.T.Pad
		}
		for i, n := range rep.News {
			if ri == len(reps)-1 && reveal >= 0 && i >= reveal {
				break
			}
			num := ""
			if ri == len(reps)-1 {
				num = fmt.Sprintf("%d. ", i+1)
			}
			y += c.Para(x, y, w, num+n.Title, c.T.Bold, p.Ink)
			var meta []string
			if l := sc.Location(n.Location); l != nil {
				meta = append(meta, "at "+l.Name)
			}
			if n.Fiction {
				meta = append(meta, "☆ fiction: a scenario event, not a real one")
			}
			if n.RealDate != "" {
				meta = append(meta, "◷ real, but out of time: it happened "+n.RealDate)
			}
			if n.Dilemma {
				meta = append(meta, "⚠ you must answer it next turn")
			}
			if len(meta) > 0 {
				y += c.Para(x, y, w, strings.Join(meta, " · "), c.T.Small, p.Muted)
			}
			if ri == len(reps)-1 {
				y += c.Para(x, y, w, n.Text, c.T.Body, p.Ink)
				y += a.sourceTags(c, fmt.Sprintf("news%s%d", key, i), x, y+c.T.Pad*0.3, w, n.Sources)
			}
			y += c.T.Pad
		}
	}
	c.EndScroll(y - oy)
}

func (s *roomScreen) confirmModal(a *App, c *Ctx, money, capital float64) {
	run := a.run
	sc := run.Scenario()
	p := c.T.C
	in := c.Modal(c.T.LineH*30, c.H-c.T.Pad*4)
	head, rest := in.CutTop(c.T.TitleH)
	c.Label(head, fmt.Sprintf("End turn %d?", run.Turn()), c.T.Title, p.Ink, 0)
	foot, rest := rest.CutBottom(c.T.LineH * 1.6)
	field, rest := rest.CutBottom(c.T.LineH*1.5 + c.T.SmallH + c.T.Pad)
	oy := c.BeginScroll("confirm", rest)
	y := oy
	w := rest.W - c.T.Pad*1.5
	var changes []string
	for _, lv := range sc.Levers {
		if lv.Kind == scenario.LeverSpend {
			if v, h := a.draft.Spend[lv.ID], run.Spend(lv.ID); v != h {
				changes = append(changes, fmt.Sprintf("%s: %s → %s", lv.Name, a.money(h), a.money(v)))
			}
		} else if o, h := a.draft.Options[lv.ID], run.Option(lv.ID); o != h {
			changes = append(changes, fmt.Sprintf("%s: %s → %s", lv.Name, optLabel(&lv, h), optLabel(&lv, o)))
		}
	}
	for _, dl := range run.Pending() {
		if ch := a.draft.Answers[dl.Event.ID]; ch != "" {
			for _, x := range dl.Event.Choices {
				if x.ID == ch {
					changes = append(changes, fmt.Sprintf("%s: %s", dl.Event.Title, x.Label))
				}
			}
		}
	}
	if len(changes) == 0 {
		changes = []string{"No changes: every lever stays as it is."}
	}
	for _, ch := range changes {
		y += c.Para(rest.X, y, w, "• "+ch, c.T.Body, p.Ink)
	}
	y += c.T.Pad
	y += c.Para(rest.X, y, w, fmt.Sprintf("This turn costs %s of %s and %s of %s %s.", a.money(money), a.money(run.Money()),
		fmtNum(capital), fmtNum(run.Capital()), strings.ToLower(a.capitalName())), c.T.Body, p.Muted)
	c.EndScroll(y - oy)
	c.Label(layout.R(field.X, field.Y, field.W, c.T.SmallH), "Why did you decide this? (optional, one line, kept in the run record)", c.T.Small, p.Muted, 0)
	fr := layout.R(field.X, field.Y+c.T.SmallH+c.T.Pad*0.3, field.W, c.T.LineH*1.4)
	commit := c.TextField("confirm:reason", fr, &a.draft.Reason, "Type a reason, or press Enter", 200)
	switch buttonRow(c, layout.R(foot.X, foot.Y+c.T.Pad*0.4, foot.W, foot.H-c.T.Pad*0.4), []btn{
		{id: "confirm:cancel", label: "Keep deciding", tip: "Back to the levers (Esc)"},
		{id: "confirm:ok", label: "Commit turn ▶", primary: true, tip: "Resolve the turn"},
	}, true) {
	case 0:
		s.confirm = false
	case 1:
		commit = true
	}
	if c.Back() {
		s.confirm = false
	}
	if commit {
		s.confirm = false
		if err := a.endTurn(); err != nil {
			s.err = err.Error()
		} else {
			s.err = ""
		}
	}
}

func (s *roomScreen) menuModal(a *App, c *Ctx) {
	p := c.T.C
	bh := c.T.LineH * 1.6
	items := []btn{
		{id: "menu:resume", label: "Resume", tip: "Back to the policy room (Esc)"},
		{id: "menu:help", label: "How to play", tip: "The controls and what each panel does"},
		{id: "menu:settings", label: "Settings", tip: "Text size, contrast, full screen"},
		{id: "menu:title", label: "Title screen (game is saved)", tip: "Your game is saved after every turn; this turn's unsaved choices are dropped"},
		{id: "menu:quit", label: "Quit", tip: "Close the game"},
	}
	h := c.T.TitleH + float64(len(items))*(bh+c.T.Pad*0.6) + c.T.Pad*3
	in := c.Modal(c.T.LineH*18, h)
	c.Label(layout.R(in.X, in.Y, in.W, c.T.TitleH), "Menu", c.T.Title, p.Ink, 0)
	y := in.Y + c.T.TitleH + c.T.Pad*0.5
	d := c.Digit()
	for i, it := range items {
		r := layout.R(in.X, y, in.W, bh)
		if c.Button(it.id, r, fmt.Sprintf("%d  %s", i+1, it.label), BtnOpt{Tip: it.tip, Align: -1}) || d == i+1 {
			s.menu = false
			switch i {
			case 1:
				a.goTo(&briefingScreen{page: len(a.run.Scenario().Briefing) + 1})
			case 2:
				a.goTo(&settingsScreen{back: s})
			case 3:
				a.goTo(&titleScreen{})
			case 4:
				a.quit = true
			}
		}
		y += bh + c.T.Pad*0.6
	}
	if c.Back() {
		s.menu = false
	}
}
