package ui

import (
	"fmt"
	"math"

	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/savefile"
)

type titleScreen struct{}

func (*titleScreen) name() string { return "title" }

func (t *titleScreen) build(a *App, c *Ctx) {
	p := c.T.C
	pg := layout.ReadingPage(c.W, c.H, c.T.LineH)
	top := layout.R(0, 0, c.W, pg.Header.H+c.T.HugeH)
	c.Fill(top, p.PanelAlt)
	tx := c.T.Pad * 2
	c.Label(layout.R(tx, c.T.Pad, c.W-tx*2, c.T.HugeH), "Keyholder", c.T.Huge, p.Ink, 0)
	c.Label(layout.R(tx, c.T.Pad+c.T.HugeH, c.W-tx*2, c.T.LineH), "A game about encryption, security and the trade-offs between them", c.T.Body, p.Muted, 0)
	body := layout.R(0, top.Bottom(), c.W, c.H-top.Bottom()).Inset(c.T.Pad * 1.5)
	cols := body.Columns(c.T.Pad*1.5, 42, 58)
	menu, info := cols[0], cols[1]

	type item struct {
		id, label, tip string
		disabled       bool
		do             func()
		about          func(r Rect)
	}
	var items []item
	for i := range a.o.Scenarios {
		e := a.o.Scenarios[i]
		title := e.SC.Meta.Title
		if title == "" {
			title = e.Name
		}
		items = append(items, item{id: "new:" + e.Name, label: "New game: " + title,
			tip: e.SC.Meta.Summary, do: func() { a.startGame(e.SC) },
			about: func(r Rect) { scenarioAbout(a, c, r, e) }})
	}
	if a.Loading() {
		items = append(items, item{id: "loading", label: "Loading scenarios…", disabled: true, tip: "One moment",
			do: func() {}, about: func(r Rect) {}})
	}
	saved := a.savedSummary()
	contLabel := "Continue saved game"
	if saved != "" {
		contLabel = "Continue (" + a.savedShort() + ")"
	}
	cont := item{id: "continue", label: contLabel, tip: "Carry on from the last autosave: " + saved, disabled: saved == "",
		do: a.continueGame, about: func(r Rect) {
			msg := "No saved game yet. The game saves itself after every turn."
			if saved != "" {
				msg = "Saved game: " + saved + "."
			}
			if a.o.Store.Path != "" {
				msg += "\n\nSaved in " + a.o.Store.Path
			}
			c.Para(r.X, r.Y, r.W, msg, c.T.Body, p.Ink)
		}}
	if saved == "" {
		cont.tip = "No saved game yet"
	}
	items = append(items, cont,
		item{id: "settings", label: "Settings", tip: "Text size, high contrast, window or full screen",
			do: func() { a.goTo(&settingsScreen{back: &titleScreen{}}) },
			about: func(r Rect) {
				c.Para(r.X, r.Y, r.W, "Text size: "+TextSizes[c.T.Size]+"\nHigh contrast: "+onOff(c.T.Contrast)+
					"\nFull screen: "+onOff(a.o.Platform.Fullscreen()), c.T.Body, p.Ink)
			}},
		item{id: "quit", label: "Quit", tip: "Close the game (your game is saved after every turn)", do: func() { a.quit = true },
			about: func(r Rect) {
				c.Para(r.X, r.Y, r.W, "Close the game. Your game is saved after every turn.", c.T.Body, p.Ink)
			}})

	bh := c.T.LineH * 1.7
	y := menu.Y
	d := c.Digit()
	focusedAbout := items[0].about
	for i, it := range items {
		r := layout.R(menu.X, y, menu.W, bh)
		label := fmt.Sprintf("%d  %s", i+1, it.label)
		if c.Button(it.id, r, label, BtnOpt{Tip: it.tip, Disabled: it.disabled, Align: -1, Primary: i == 0 && c.Focus == ""}) || (d == i+1 && !it.disabled) {
			it.do()
		}
		if c.Focus == it.id || c.hover == it.id {
			focusedAbout = it.about
		}
		y += bh + c.T.Pad*0.7
	}
	if a.notice != "" {
		nr := layout.R(menu.X, y+c.T.Pad, menu.W, menu.Bottom()-y-c.T.Pad)
		if nr.H > c.T.LineH {
			c.PushClip(nr)
			c.Fill(layout.R(nr.X, nr.Y, nr.W, math.Min(nr.H, c.ParaH(nr.W-c.T.Pad*2, "⚠ "+a.notice, c.T.Small)+c.T.Pad)), p.PanelAlt)
			c.Para(nr.X+c.T.Pad, nr.Y+c.T.Pad/2, nr.W-c.T.Pad*2, "⚠ "+a.notice, c.T.Small, p.Warn)
			c.PopClip()
		}
	}
	in := c.Panel(info, "")
	c.PushClip(in)
	focusedAbout(in)
	c.PopClip()
	foot := layout.R(0, c.H-c.T.SmallH-c.T.Pad*0.5, c.W, c.T.SmallH)
	_ = foot
	if c.Back() {
		// Esc on the title screen does nothing drastic: it returns focus to the top.
		c.SetFocus(items[0].id)
	}
	c.Status("Tab or arrows to move, Enter to choose, number keys for menu items")
}

func scenarioAbout(a *App, c *Ctx, r Rect, e Entry) {
	p := c.T.C
	m := e.SC.Meta
	y := r.Y
	y += c.Para(r.X, y, r.W, m.Title, c.T.Bold, p.Ink) + c.T.Pad*0.5
	y += c.Para(r.X, y, r.W, m.Summary, c.T.Body, p.Ink) + c.T.Pad*0.5
	y += c.Para(r.X, y, r.W, "Your role: "+m.Role, c.T.Body, p.Ink) + c.T.Pad*0.5
	info := fmt.Sprintf("%d turns of %d days from %s · about %d minutes", m.Turns, m.TurnDays, m.StartDate.Format("2 January 2006"), m.PlayMinutes)
	y += c.Para(r.X, y, r.W, info, c.T.Small, p.Muted)
	_ = a
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

type settingsScreen struct{ back screen }

func (*settingsScreen) name() string { return "settings" }

func (s *settingsScreen) build(a *App, c *Ctx) {
	p := c.T.C
	pg := layout.ReadingPage(c.W, c.H, c.T.LineH)
	headerBar(c, pg.Header, "Settings")
	body := pg.Body
	y := body.Y
	bh := c.T.LineH * 1.5
	row := func(title string, labels []string, sel int, key string) int {
		c.Label(layout.R(body.X, y, body.W, c.T.LineH), title, c.T.Bold, p.Ink, 0)
		y += c.T.LineH + c.T.Pad*0.3
		ws := make([]float64, len(labels))
		for i, l := range labels {
			ws[i] = btnW(c, "✓ "+l)
		}
		rs, h := layout.Flow(ws, body.W, bh, c.T.Pad)
		hit := -1
		for i, l := range labels {
			r := rs[i]
			r.X += body.X
			r.Y += y
			if c.Button(fmt.Sprintf("%s:%d", key, i), r, l, BtnOpt{Selected: i == sel, Tip: title + ": " + l}) {
				hit = i
			}
		}
		y += h + c.T.Pad*1.2
		return hit
	}
	// Each change is saved at once (unless saving is off), with the other
	// settings as they are in use now.
	now := savefile.Settings{TextSize: c.T.Size, HighContrast: c.T.Contrast, Fullscreen: a.o.Platform.Fullscreen()}
	if i := row("Text size", TextSizes, c.T.Size, "size"); i >= 0 && i != c.T.Size {
		a.applyTheme(i, c.T.Contrast)
		now.TextSize = i
		a.saveSettings(now)
	}
	hc := 0
	if c.T.Contrast {
		hc = 1
	}
	if i := row("Contrast", []string{"Standard", "High contrast"}, hc, "contrast"); i >= 0 && i != hc {
		a.applyTheme(c.T.Size, i == 1)
		now.HighContrast = i == 1
		a.saveSettings(now)
	}
	fs := 0
	if now.Fullscreen {
		fs = 1
	}
	if i := row("Display", []string{"Window", "Full screen"}, fs, "display"); i >= 0 && i != fs {
		a.o.Platform.SetFullscreen(i == 1)
		now.Fullscreen = i == 1
		a.saveSettings(now)
		c.Again()
	}
	if a.settingsErr != "" {
		y += c.Para(body.X, y, body.W, a.settingsErr, c.T.Small, p.Warn) + c.T.Pad
	} else if a.o.Settings.Path != "" {
		y += c.Para(body.X, y, body.W, "Settings are kept in "+a.o.Settings.Path, c.T.Small, p.Muted) + c.T.Pad
	}
	sample := "Sample text: “Encryption protects millions of ordinary people every day,” said the report. Meters show ▲ better and ▼ worse in words and shapes, not colour alone."
	if y < body.Bottom() {
		c.PushClip(layout.R(body.X, y, body.W, body.Bottom()-y))
		c.Para(body.X, y, math.Min(body.W, c.T.LineH*30), sample, c.T.Body, p.Muted)
		c.PopClip()
	}
	if buttonRow(c, pg.Footer, []btn{{id: "settings:back", label: "Back (Esc)", primary: true}}, true) == 0 || c.Back() {
		a.goTo(s.back)
	}
}
