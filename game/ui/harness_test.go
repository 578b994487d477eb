package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/keyholder-game/keyholder/game/input"
	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/savefile"
	"github.com/keyholder-game/keyholder/scenarios"
)

type fakePlatform struct{ full bool }

func (f *fakePlatform) SetFullscreen(on bool) { f.full = on }
func (f *fakePlatform) Fullscreen() bool      { return f.full }
func (f *fakePlatform) DeviceScale() float64  { return 1 }

// driver plays an App frame by frame with scripted input and draws into an
// offscreen image, as Ebitengine would.
type driver struct {
	t    testing.TB
	app  *App
	in   *input.Scripted
	img  *ebiten.Image
	w, h int
	dir  string
	draw bool
}

func loadEntries(t testing.TB) []Entry {
	var out []Entry
	for _, name := range scenarios.List() {
		sc, probs := scenarios.Open(name)
		if sc == nil {
			t.Fatalf("scenario %s: %v", name, probs)
		}
		out = append(out, Entry{Name: name, SC: sc})
	}
	return out
}

var entriesCache []Entry

func newDriver(t testing.TB, w, h, textSize int, contrast bool) *driver {
	return newDriverWith(t, t.TempDir(), w, h, func(o *Options) { o.TextSize, o.HighContrast = textSize, contrast })
}

// newDriverWith starts an App saving into dir, with options changed by set
// (called after the defaults are filled in).
func newDriverWith(t testing.TB, dir string, w, h int, set func(o *Options)) *driver {
	if entriesCache == nil {
		entriesCache = loadEntries(t)
	}
	in := input.NewScripted()
	o := Options{
		Scenarios: entriesCache, Seed: 7, FixedSeed: true,
		Store:   savefile.Store{Path: filepath.Join(dir, "autosave.json")},
		RunsDir: filepath.Join(dir, "runs"),
		Input:   in, Platform: &fakePlatform{},
		Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
	}
	if set != nil {
		set(&o)
	}
	app, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, app: app, in: in, w: w, h: h, dir: dir, draw: true}
	d.img = ebiten.NewImage(w, h)
	app.Layout(w, h)
	d.frames(2)
	return d
}

// frames runs n ticks (Update, then Draw when dirty).
func (d *driver) frames(n int) {
	d.t.Helper()
	for i := 0; i < n; i++ {
		if err := d.app.Update(); err != nil {
			if err == ebiten.Termination {
				return
			}
			d.t.Fatal(err)
		}
		if d.draw && d.app.Dirty() {
			d.app.Draw(d.img)
		}
	}
}

// settle runs ticks until nothing more needs building (at most n).
// settle runs ticks until nothing more needs building, at most 30 (an
// animation may go on; the test does not wait for it).
func (d *driver) settle() {
	for i := 0; i < 30 && (d.app.c.again || d.app.fade > 0); i++ {
		d.frames(1)
	}
	d.frames(1)
}

func (d *driver) key(k input.Key) {
	d.in.Key(k)
	d.frames(2)
	d.settle()
}

func (d *driver) shiftKey(k input.Key) {
	d.in.ShiftKey(k)
	d.frames(2)
	d.settle()
}

func (d *driver) typeText(s string) {
	d.in.Type(s)
	d.frames(2)
	d.settle()
}

// press clicks the widget with id, failing if it is not on screen.
func (d *driver) press(id string) {
	d.t.Helper()
	if !d.has(id) {
		d.t.Fatalf("screen %s: no widget %q (have %s)", d.app.Screen(), id, d.ids())
	}
	d.in.Push(input.Frame{Target: id}, input.Frame{})
	d.frames(2)
	d.settle()
}

func (d *driver) has(id string) bool {
	for _, it := range d.app.c.items {
		if it.ID == id {
			return true
		}
	}
	return false
}

func (d *driver) ids() string {
	var s []string
	for _, it := range d.app.c.items {
		s = append(s, it.ID)
	}
	return strings.Join(s, " ")
}

func (d *driver) screen(want string) {
	d.t.Helper()
	if got := d.app.Screen(); got != want {
		d.t.Fatalf("on screen %q, want %q", got, want)
	}
}

// shows fails unless every string is visible somewhere on screen.
func (d *driver) shows(ss ...string) {
	d.t.Helper()
	all := strings.Join(strings.Fields(d.allText()), " ")
	for _, s := range ss {
		if !strings.Contains(all, strings.Join(strings.Fields(s), " ")) {
			d.t.Fatalf("screen %s does not show %q; it shows:\n%s", d.app.Screen(), s, d.texts())
		}
	}
}

func (d *driver) allText() string {
	var b strings.Builder
	for _, t := range d.app.c.Texts {
		b.WriteString(t.S)
		b.WriteByte(' ')
	}
	return b.String()
}

func (d *driver) texts() string {
	var b strings.Builder
	for _, t := range d.app.c.Texts {
		fmt.Fprintf(&b, "  %q\n", t.S)
	}
	return b.String()
}

// checkLayout fails if any text runs past its clip sideways, any clip
// leaves the screen, or two visible texts on the same layer overlap.
func (d *driver) checkLayout(what string) {
	d.t.Helper()
	screen := layout.R(0, 0, float64(d.w), float64(d.h))
	ts := d.app.c.Texts
	for _, t := range ts {
		if !t.Clip.Inside(screen) {
			d.t.Errorf("%s: clip %v of %q leaves the screen", what, t.Clip, t.S)
		}
		vis := t.R.Intersect(t.Clip)
		if vis.Empty() {
			continue
		}
		if t.R.X < t.Clip.X-0.5 || t.R.Right() > t.Clip.Right()+0.5 {
			d.t.Errorf("%s: text %q %v overflows its area %v", what, t.S, t.R, t.Clip)
		}
	}
	for i := range ts {
		a := ts[i].R.Intersect(ts[i].Clip)
		if a.Empty() {
			continue
		}
		for j := i + 1; j < len(ts); j++ {
			if ts[j].Layer != ts[i].Layer {
				continue
			}
			b := ts[j].R.Intersect(ts[j].Clip)
			if !b.Empty() && shrink(a).Overlaps(shrink(b)) {
				d.t.Errorf("%s: texts %q %v and %q %v overlap", what, ts[i].S, ts[i].R, ts[j].S, ts[j].R)
			}
		}
	}
}

// shrink trims the line box to the glyphs' usual extent, so lines set at
// the theme's line height never count as overlapping.
func shrink(r layout.Rect) layout.Rect { return r.InsetXY(0.5, r.H*0.12) }

// toRoom goes from the title to the policy room of a new game.
func (d *driver) toRoom() {
	d.t.Helper()
	d.screen("title")
	d.press("new:" + scenarios.Main)
	d.screen("briefing")
	d.press("brief:skip")
	d.screen("room")
}

// playTurn ends the turn (answering any dilemma with its first choice)
// and returns to the next screen after the turn report.
func (d *driver) playTurn(reason string) {
	d.t.Helper()
	for _, dl := range d.app.run.Pending() {
		d.press("ans:" + dl.Event.ID + ":" + dl.Event.Choices[0].ID)
	}
	d.press("endturn")
	if reason != "" {
		d.typeText(reason)
	}
	d.press("confirm:ok")
	d.screen("turn")
	d.press("turn:next") // shows all news
	if d.app.Screen() == "turn" {
		d.press("turn:next")
	}
}

// showsScrolling scrolls the region under (x, y) down with the wheel,
// gathering every text seen, and fails unless all of ss appeared.
func (d *driver) showsScrolling(x, y float64, ss ...string) {
	d.t.Helper()
	seen := d.allText()
	for i := 0; i < 40; i++ {
		d.in.Push(input.Frame{X: x, Y: y, Moved: true, WheelY: -4}, input.Frame{X: x, Y: y})
		d.frames(2)
		d.settle()
		seen += " " + d.allText()
	}
	all := strings.Join(strings.Fields(seen), " ")
	for _, s := range ss {
		if !strings.Contains(all, strings.Join(strings.Fields(s), " ")) {
			d.t.Fatalf("screen %s never showed %q while scrolling", d.app.Screen(), s)
		}
	}
}
