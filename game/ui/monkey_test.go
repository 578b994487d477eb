package ui

import (
	"math/rand/v2"
	"testing"

	"github.com/keyholder-game/keyholder/game/input"
)

// TestMonkey sends more than 20,000 random keys, clicks, wheel turns and
// typed text, starting in turn from every screen. Nothing may panic, every
// screen must keep something to focus (so the keyboard can always leave
// it), and Esc-and-Enter must always lead somewhere: no stuck screen.
func TestMonkey(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	const perStart = 3500
	starts := []string{"title", "settings", "briefing", "room", "turn", "debrief"}
	keys := input.AllKeys()
	total := 0
	visited := map[string]int{}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, start := range starts {
		d := newDriver(t, 960+rng.IntN(3)*160, 540+rng.IntN(3)*90, rng.IntN(len(TextSizes)), rng.IntN(4) == 0)
		d.draw = false
		reach(t, d, start)
		sameFor := 0
		last := ""
		for i := 0; i < perStart; i++ {
			var f input.Frame
			switch r := rng.IntN(100); {
			case r < 55:
				k := keys[rng.IntN(len(keys))]
				f.Keys = []input.Press{{Key: k, Shift: rng.IntN(4) == 0}}
			case r < 85:
				f.X, f.Y = rng.Float64()*float64(d.w), rng.Float64()*float64(d.h)
				f.Moved, f.Click = true, rng.IntN(3) > 0
			case r < 92:
				f.X, f.Y, f.Moved = rng.Float64()*float64(d.w), rng.Float64()*float64(d.h), true
				f.WheelY = float64(rng.IntN(11) - 5)
			default:
				f.Runes = []rune("ab £’—7 ")[rng.IntN(8):]
			}
			d.in.Push(f, input.Frame{})
			d.frames(2)
			if i%50 == 0 {
				d.app.Draw(d.img) // draw now and then: rendering must not panic either
				d.app.dirty = true
			}
			total++
			scr := d.app.Screen()
			visited[scr]++
			if d.app.Quit() {
				// The monkey chose Quit: start again where this round began.
				d = newDriver(t, d.w, d.h, rng.IntN(len(TextSizes)), false)
				d.draw = false
				reach(t, d, start)
				continue
			}
			if len(d.app.c.items) == 0 && !d.app.c.again {
				t.Fatalf("after %d events on %s: nothing to focus", total, scr)
			}
			if scr == last {
				sameFor++
			} else {
				sameFor, last = 0, scr
			}
			if sameFor > 1500 {
				// Long on one screen: make sure the keyboard can still leave it.
				escape(t, d)
				sameFor = 0
			}
		}
	}
	if total < 20000 {
		t.Fatalf("only %d events", total)
	}
	for _, s := range starts {
		if visited[s] == 0 {
			t.Errorf("never on screen %s", s)
		}
	}
	t.Logf("%d events; screens: %v", total, visited)
}

// reach drives a fresh game to the named screen.
func reach(t *testing.T, d *driver, screen string) {
	t.Helper()
	switch screen {
	case "title":
	case "settings":
		d.press("settings")
	case "briefing":
		d.press("new:" + entriesCache[0].Name)
	case "room":
		d.toRoom()
	case "turn":
		d.toRoom()
		d.press("endturn")
		d.press("confirm:ok")
	case "debrief":
		d.toRoom()
		for !d.app.run.Over() {
			d.playTurn("")
		}
	}
	d.screen(screen)
}

// escape checks that the keyboard alone can still leave this screen:
// close any card with Esc, then Tab to each widget in turn and press
// Enter, until the screen changes.
func escape(t *testing.T, d *driver) {
	t.Helper()
	from := d.app.Screen()
	for i := 0; i < 300; i++ {
		if d.app.Screen() != from || d.app.Quit() {
			return
		}
		if d.app.modalOpen() {
			d.key(input.KeyEscape) // Esc closes any card or ledger
			continue
		}
		d.key(input.KeyTab)
		d.key(input.KeyEnter)
	}
	t.Fatalf("stuck on %s: Tab and Enter never leave it (focus %q, items %s, source %q why %q)", from, d.app.c.Focus, d.ids(), d.app.source, d.app.why)
}
