package ui

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/keyholder-game/keyholder/game/input"
	"github.com/keyholder-game/keyholder/game/savefile"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Platform is what the App asks of the window. The real one talks to
// Ebitengine; tests pass a fake.
type Platform interface {
	SetFullscreen(on bool)
	Fullscreen() bool
	DeviceScale() float64
}

type ebitenPlatform struct{}

func (ebitenPlatform) SetFullscreen(on bool) { ebiten.SetFullscreen(on) }
func (ebitenPlatform) Fullscreen() bool      { return ebiten.IsFullscreen() }
func (ebitenPlatform) DeviceScale() float64 {
	if m := ebiten.Monitor(); m != nil {
		return m.DeviceScaleFactor()
	}
	return 1
}

// EbitenPlatform is the real window.
var EbitenPlatform Platform = ebitenPlatform{}

// Entry is a scenario the player can start.
type Entry struct {
	Name string // file name, shown if the title is missing
	SC   *scenario.Scenario
}

// Options configure an App.
type Options struct {
	Scenarios    []Entry
	Seed         uint64 // used when FixedSeed
	FixedSeed    bool
	Store        savefile.Store // autosave; Path "" disables
	RunsDir      string         // where "Save run record" writes; "" = beside the autosave
	TextSize     int
	HighContrast bool
	Fullscreen   bool                   // start in full screen
	Settings     savefile.SettingsStore // where a change on the settings screen is saved; Path "" = nowhere
	Input        input.Source
	Platform     Platform
	Now          func() time.Time
	Notice       string // shown on the title screen at start
	// Load, if set, is polled every tick until it reports done: it supplies
	// more scenarios (the command loads the shipped ones in the background
	// while the window opens and the first frame shows).
	Load func() (more []Entry, notice string, done bool)
}

type screen interface {
	name() string
	build(a *App, c *Ctx)
}

// App is the whole game as Ebitengine runs it.
type App struct {
	o      Options
	c      *Ctx
	scr    screen
	next   screen
	w, h   int
	scale  float64
	dirty  bool
	fade   int
	quit   bool
	frames int

	// the game in play
	run    *sim.Run
	draft  sim.Decision
	last   *sim.Report
	notice string // title-screen message (save problems)
	status string // one-off message shown in the room's footer

	settingsErr string // why the settings could not be saved, shown on the settings screen

	// modals shared by screens
	source string // id of the source card open
	why    string // indicator whose ledger is open
	whyAll bool

	returnFocus, whyFrom string // where focus goes back to when a modal closes

	seq uint64
}

// New makes an App. It fails only if the embedded font cannot be read.
func New(o Options) (*App, error) {
	if o.Platform == nil {
		o.Platform = EbitenPlatform
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Input == nil {
		o.Input = input.NewScripted()
	}
	// The theme (and so the fonts) is made at the first Layout, inside
	// Ebitengine's loop, so that parsing fonts overlaps opening the window.
	a := &App{o: o, c: newCtx(nil), w: 1280, h: 720, notice: o.Notice}
	if o.Fullscreen {
		o.Platform.SetFullscreen(true)
	}
	a.scr = &titleScreen{}
	a.dirty = true
	a.c.again = true
	return a, nil
}

// UseSettings loads the player's saved settings from st into o (text size,
// contrast, full screen), applies over for this run only, and remembers st
// so that a change on the settings screen is saved there. A damaged or
// unknown settings file is set aside and reported on the title screen.
func (o *Options) UseSettings(st savefile.SettingsStore, over savefile.Overrides) {
	set, notice := st.Load()
	set = set.Apply(over)
	if set.Validate() != nil {
		set.TextSize = savefile.DefaultSettings().TextSize
	}
	o.TextSize, o.HighContrast, o.Fullscreen = set.TextSize, set.HighContrast, set.Fullscreen
	o.Settings = st
	if notice != "" {
		o.Notice = strings.TrimSpace(o.Notice + " " + notice)
	}
}

// saveSettings keeps the settings now in use; a failure is shown on the
// settings screen.
func (a *App) saveSettings(set savefile.Settings) {
	a.settingsErr = ""
	if err := a.o.Settings.Save(set); err != nil {
		a.settingsErr = "⚠ The settings could not be saved: " + err.Error()
	}
}

// Screen names the current screen ("title", "briefing", "room", "turn",
// "settings", "debrief").
func (a *App) Screen() string { return a.scr.name() }

// Ctx exposes the last build (texts, focus) to tests.
func (a *App) Ctx() *Ctx { return a.c }

// Loading reports whether scenarios are still being loaded.
func (a *App) Loading() bool { return a.o.Load != nil }

// Run is the game in play, or nil.
func (a *App) Run() *sim.Run { return a.run }

// Quit reports whether the player chose Quit.
func (a *App) Quit() bool { return a.quit }

// Frames counts the Update calls so far.
func (a *App) Frames() int { return a.frames }

func (a *App) goTo(s screen) {
	a.next = s
}

// Update implements ebiten.Game: it reads one frame of input and, if
// anything happened, rebuilds the screen.
func (a *App) Update() error {
	a.frames++
	a.ready()
	f := a.o.Input.Next()
	if a.quit {
		return ebiten.Termination
	}
	tip := a.c.tick()
	if f.Active() || a.c.again || a.fade > 0 || tip {
		a.Build(f)
	}
	if a.quit {
		return ebiten.Termination
	}
	return nil
}

// Build runs one build of the current screen with input f. Tests call it
// through Update; it is exported for benchmarks.
func (a *App) Build(f input.Frame) {
	a.ready()
	c := a.c
	c.begin(f, float64(a.w), float64(a.h))
	a.scr.build(a, c)
	c.end()
	if a.fade > 0 {
		a.fade--
		c.again = true
	}
	if a.next != nil {
		a.scr, a.next = a.next, nil
		c.Focus, c.items, c.prevItems = "", nil, nil
		c.hover, c.shownTip = "", ""
		a.fade = 6
		c.again = true
	}
	a.dirty = true
}

// Draw implements ebiten.Game. It draws only when the last Update changed
// something; otherwise the screen (never cleared by Ebitengine) keeps the
// previous picture and Ebitengine skips presenting it.
func (a *App) Draw(screen *ebiten.Image) {
	if !a.dirty {
		return
	}
	a.c.replay(screen)
	if a.fade > 0 {
		col := a.c.T.C.Bg
		col.A = uint8(255 * a.fade / 8)
		overlay(screen, col) // a short fade between screens
	}
	a.dirty = false
}

// Dirty reports whether the next Draw will draw.
func (a *App) Dirty() bool { return a.dirty }

// Layout implements ebiten.Game: the game is laid out at the window's size
// in device pixels (crisp on HiDPI), 1280x720 by default.
func (a *App) Layout(ow, oh int) (int, int) {
	s := a.o.Platform.DeviceScale()
	if s <= 0 || math.IsNaN(s) {
		s = 1
	}
	w, h := int(math.Ceil(float64(ow)*s)), int(math.Ceil(float64(oh)*s))
	if w != a.w || h != a.h || s != a.scale || a.c.T == nil {
		a.w, a.h = w, h
		if s != a.scale || a.c.T == nil {
			a.scale = s
			size, hc := a.o.TextSize, a.o.HighContrast
			if a.c.T != nil {
				size, hc = a.c.T.Size, a.c.T.Contrast
			}
			a.applyTheme(size, hc)
		}
		a.c.again = true
		a.dirty = true
	}
	return a.w, a.h
}

// ready finishes what New left for the loop: the scenarios being loaded
// and the theme.
func (a *App) ready() {
	if a.o.Load != nil {
		more, notice, done := a.o.Load()
		if done {
			a.o.Load = nil
			a.o.Scenarios = append(a.o.Scenarios, more...)
			if notice != "" {
				a.notice = strings.TrimSpace(a.notice + " " + notice)
			}
		}
		a.c.again = true
	}
	if a.c.T == nil {
		if a.scale <= 0 {
			a.scale = 1
		}
		a.applyTheme(a.o.TextSize, a.o.HighContrast)
	}
}

func (a *App) applyTheme(size int, hc bool) {
	th, err := NewTheme(size, hc, a.scale)
	if err != nil {
		// Without a font nothing can be drawn: stop with the reason.
		panic(err)
	}
	a.c.setTheme(th)
	a.c.again = true
}

// --- game flow ---

func (a *App) newSeed() uint64 {
	if a.o.FixedSeed {
		return a.o.Seed
	}
	a.seq++
	return uint64(a.o.Now().UnixNano()) ^ a.seq*0x9E3779B97F4A7C15
}

func (a *App) startGame(sc *scenario.Scenario) {
	a.run = sim.New(sc, a.newSeed())
	a.last = nil
	a.resetDraft()
	a.goTo(&briefingScreen{})
}

func (a *App) resetDraft() {
	a.draft = sim.Decision{Options: map[string]string{}, Spend: map[string]float64{}, Answers: map[string]string{}}
	if a.run == nil {
		return
	}
	for _, l := range a.run.Scenario().Levers {
		if l.Kind == scenario.LeverChoice {
			a.draft.Options[l.ID] = a.run.Option(l.ID)
		} else {
			a.draft.Spend[l.ID] = a.run.Spend(l.ID)
		}
	}
}

// decision is the draft reduced to what changes (the record stays small
// and says only what the player did).
func (a *App) decision() sim.Decision {
	d := sim.Decision{Reason: a.draft.Reason}
	for id, o := range a.draft.Options {
		if o != a.run.Option(id) {
			if d.Options == nil {
				d.Options = map[string]string{}
			}
			d.Options[id] = o
		}
	}
	for id, v := range a.draft.Spend {
		if v != a.run.Spend(id) {
			if d.Spend == nil {
				d.Spend = map[string]float64{}
			}
			d.Spend[id] = v
		}
	}
	for _, dl := range a.run.Pending() {
		if ch, ok := a.draft.Answers[dl.Event.ID]; ok {
			if d.Answers == nil {
				d.Answers = map[string]string{}
			}
			d.Answers[dl.Event.ID] = ch
		}
	}
	return d
}

// endTurn resolves the turn and autosaves.
func (a *App) endTurn() error {
	rep, err := a.run.Resolve(a.decision())
	if err != nil {
		return err
	}
	a.last = rep
	a.autosave()
	a.resetDraft()
	a.goTo(&turnScreen{rep: rep})
	return nil
}

func (a *App) autosave() {
	if err := a.o.Store.Save(a.run.Record()); err != nil {
		a.status = "⚠ " + err.Error()
	}
}

func (a *App) findScenario(id string) *scenario.Scenario {
	for _, e := range a.o.Scenarios {
		if e.SC.Meta.ID == id {
			return e.SC
		}
	}
	return nil
}

// continueGame loads the autosave; problems land in a.notice.
func (a *App) continueGame() {
	rec, ok, notice := a.o.Store.Load()
	if !ok {
		if notice == "" {
			notice = "There is no saved game yet."
		}
		a.notice = notice
		return
	}
	run, notice := a.o.Store.Resume(rec, a.findScenario)
	if run == nil {
		a.notice = notice
		return
	}
	a.run = run
	a.resetDraft()
	if rs := run.Reports(); len(rs) > 0 {
		a.last = rs[len(rs)-1]
	}
	if run.Over() {
		a.goTo(&debriefScreen{})
		return
	}
	a.goTo(&roomScreen{})
}

// savedShort is the autosave in a few words for the Continue button.
func (a *App) savedShort() string {
	if !a.o.Store.Exists() {
		return ""
	}
	rec, err := sim.LoadRecord(a.o.Store.Path)
	switch {
	case err != nil:
		return "unreadable"
	case rec.Ending != "":
		return "finished game"
	}
	return fmt.Sprintf("turn %d", len(rec.Decisions)+1)
}

// savedSummary describes the autosave for the title screen, "" if none.
func (a *App) savedSummary() string {
	if !a.o.Store.Exists() {
		return ""
	}
	rec, err := sim.LoadRecord(a.o.Store.Path)
	if err != nil {
		return "A saved game that cannot be read (it will be set aside)"
	}
	title := rec.Scenario
	if sc := a.findScenario(rec.Scenario); sc != nil {
		title = sc.Meta.Title
	}
	if rec.Ending != "" {
		return fmt.Sprintf("%s, finished: see the debrief", title)
	}
	n := len(rec.Decisions)
	if n == 1 {
		return fmt.Sprintf("%s, 1 turn played", title)
	}
	return fmt.Sprintf("%s, %d turns played", title, n)
}

func (a *App) saveRun() (string, error) {
	dir := a.o.RunsDir
	if dir == "" {
		if a.o.Store.Path == "" {
			return "", errors.New("saving is switched off")
		}
		d, err := savefile.Dir()
		if err != nil {
			return "", err
		}
		dir = d + "/runs"
	}
	return savefile.SaveRun(dir, a.run.Record(), a.o.Now())
}
