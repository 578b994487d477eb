package ui

import (
	"fmt"
	"strings"

	"github.com/keyholder-game/keyholder/game/layout"
)

type briefingScreen struct{ page int }

func (*briefingScreen) name() string { return "briefing" }

const howToPlay = `Each turn you set the levers in the middle column: graded choices (select an option) and budget lines (− and + change the money). The budget left and the political capital left are always shown at the top; a change shows its cost before you commit it.

The debate on the right shows what each stakeholder argues for and against the option in focus. Every argument carries source tags: select one to read the source card, with its evidence label (fact, named claim, opinion, contested, designer assumption, error or fiction).

The map shows where things happen: what you fund appears on it, and events appear where they happen. The meters on the left show every indicator with its trend since last turn. Select a meter to open its Why? ledger: every contribution to its change, what caused it and the sources.

When you are ready, select End turn. You may type a one-line reason for your decisions; it is kept in the run record and shown at the end. Many effects arrive months after a decision.

Keys: Tab or the arrow keys move the focus, Enter chooses, Esc goes back, number keys pick an option of the lever in focus. The mouse works everywhere; hover for tooltips.`

func (b *briefingScreen) build(a *App, c *Ctx) {
	sc := a.scenario()
	p := c.T.C
	pages := len(sc.Briefing) + 2 // intro + pages + how to play
	if b.page >= pages {
		b.page = pages - 1
	}
	pg := layout.ReadingPage(c.W, c.H, c.T.LineH)
	blocked := a.modalOpen()
	c.Block(blocked)
	var title, text string
	var sources []string
	switch {
	case b.page == 0:
		title = sc.Meta.Title
		var sb strings.Builder
		sb.WriteString(sc.Meta.Summary + "\n\nYour role: " + sc.Meta.Role + "\n\nWhat you will learn:")
		for _, o := range sc.Meta.Objectives {
			sb.WriteString("\n• " + o)
		}
		fmt.Fprintf(&sb, "\n\n%d turns of %d days each, from %s. About %d minutes.", sc.Meta.Turns, sc.Meta.TurnDays,
			sc.Meta.StartDate.Format("2 January 2006"), sc.Meta.PlayMinutes)
		text = sb.String()
	case b.page <= len(sc.Briefing):
		bp := sc.Briefing[b.page-1]
		title, text, sources = bp.Title, bp.Text, bp.Sources
	default:
		title, text = "Controls and panels", howToPlay
	}
	headerBar(c, pg.Header, fmt.Sprintf("Briefing %d of %d: %s", b.page+1, pages, title))
	body := pg.Body
	maxW := c.T.LineH * 34
	if body.W > maxW {
		body = layout.R(body.X+(body.W-maxW)/2, body.Y, maxW, body.H)
	}
	oy := c.BeginScroll(fmt.Sprintf("brief:%d", b.page), body)
	y := oy
	w := body.W - c.T.Pad*1.5
	y += c.Para(body.X, y, w, title, c.T.Title, p.Ink) + c.T.Pad
	y += c.Para(body.X, y, w, text, c.T.Body, p.Ink) + c.T.Pad
	if len(sources) > 0 {
		c.Label(layout.R(body.X, y, w, c.T.SmallH), "Sources (select to read):", c.T.SmallBold, p.Muted, 0)
		y += c.T.SmallH + c.T.Pad*0.3
		y += a.sourceTags(c, fmt.Sprintf("brief%d", b.page), body.X, y, w, sources)
	}
	c.EndScroll(y - oy)
	last := b.page == pages-1
	next := "Next ▶"
	if last {
		next = "Enter the policy room ▶"
	}
	bs := []btn{{id: "brief:back", label: "◀ Back", tip: "Previous page (Esc)"}, {id: "brief:next", label: next, primary: true, tip: "Next page (Enter)"}}
	if !last {
		bs = append([]btn{{id: "brief:skip", label: "Skip briefing", tip: "Go straight to the policy room"}}, bs...)
	}
	switch buttonRow(c, pg.Footer, bs, true) {
	case len(bs) - 1:
		b.next(a, c, pages)
	case len(bs) - 2:
		b.prev(a, c)
	case 0:
		if !last {
			a.goTo(&roomScreen{})
		}
	}
	if !blocked && c.Back() {
		b.prev(a, c)
	}
	if c.Focus == "" {
		c.SetFocus("brief:next")
	}
	a.modals(c)
}

func (b *briefingScreen) next(a *App, c *Ctx, pages int) {
	if b.page+1 >= pages {
		a.goTo(&roomScreen{})
		return
	}
	b.page++
	c.SetFocus("brief:next")
}

func (b *briefingScreen) prev(a *App, c *Ctx) {
	if b.page == 0 {
		a.goTo(&titleScreen{})
		return
	}
	b.page--
	c.SetFocus("brief:next")
}
