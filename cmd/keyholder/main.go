// Command keyholder is the desktop game.
//
//	keyholder [-scenario PATH] [-seed N] [-textsize SIZE] [-contrast] [-fullscreen] [-size WxH]
//	          [-script FILE] [-screenshot FILE -frames N] [-save PATH|off]
//
// With -screenshot it renders the game (after playing -script, if given)
// to a PNG after -frames ticks and exits 0. Bad flags exit 2.
//
// Text size, contrast and full screen are read from the saved settings
// (savefile.DefaultSettingsStore); -textsize, -contrast and -fullscreen
// override them for the run. With -save off settings are not read or written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/keyholder-game/keyholder/game/input"
	"github.com/keyholder-game/keyholder/game/savefile"
	"github.com/keyholder-game/keyholder/game/ui"
	"github.com/keyholder-game/keyholder/scenarios"
)

var processStart = time.Now()

type config struct {
	scenario, screenshot, script, textsize, size, save string
	seed                                               uint64
	seedSet                                            bool
	frames                                             int
	contrast, fullscreen, firstFrame                   bool
	quitAfter                                          time.Duration
	w, h, sizeIdx                                      int
	over                                               savefile.Overrides // the settings flags given
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("keyholder", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &config{}
	fs.StringVar(&c.scenario, "scenario", "", "scenario `file` (.toml) to offer first; default: the shipped scenarios")
	seed := fs.String("seed", "", "random `seed` for new games (default: from the clock)")
	fs.StringVar(&c.screenshot, "screenshot", "", "write a PNG of the screen to `file` after -frames ticks, then exit")
	fs.IntVar(&c.frames, "frames", 0, "ticks (1/60 s) before the screenshot; 0 = when the script has played, plus 30")
	fs.StringVar(&c.script, "script", "", "play scripted input from `file` (wait N, key NAME, type TEXT, click X Y)")
	fs.StringVar(&c.textsize, "textsize", "normal", "text size: small, normal, large or largest")
	fs.BoolVar(&c.contrast, "contrast", false, "high-contrast colours")
	fs.BoolVar(&c.fullscreen, "fullscreen", false, "start in full screen")
	fs.StringVar(&c.size, "size", "1280x720", "window size `WxH` (at least 960x540)")
	fs.StringVar(&c.save, "save", "", "autosave `file`, or \"off\" (default: the user config directory)")
	fs.BoolVar(&c.firstFrame, "report-first-frame", false, "print the time of the first drawn frame to stderr (for scripts/perf.sh)")
	fs.DurationVar(&c.quitAfter, "quit-after", 0, "exit after this long (for measurements)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags start with -; see -help)", fs.Arg(0))
	}
	if *seed != "" {
		v, err := strconv.ParseUint(*seed, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("-seed must be a whole number 0..18446744073709551615, got %q", *seed)
		}
		c.seed, c.seedSet = v, true
	}
	if c.frames < 0 || c.frames > 10_000_000 {
		return nil, fmt.Errorf("-frames must be 0..10000000, got %d", c.frames)
	}
	if c.frames > 0 && c.screenshot == "" {
		return nil, errors.New("-frames needs -screenshot")
	}
	if c.quitAfter < 0 {
		return nil, errors.New("-quit-after must not be negative")
	}
	c.sizeIdx = -1
	for i, n := range ui.TextSizes {
		if strings.EqualFold(n, c.textsize) {
			c.sizeIdx = i
		}
	}
	if c.sizeIdx < 0 {
		return nil, fmt.Errorf("-textsize must be small, normal, large or largest, got %q", c.textsize)
	}
	// Settings flags override the saved settings for this run only.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "textsize":
			c.over.TextSize = &c.sizeIdx
		case "contrast":
			c.over.HighContrast = &c.contrast
		case "fullscreen":
			c.over.Fullscreen = &c.fullscreen
		}
	})
	ws, hs, ok := strings.Cut(strings.ToLower(c.size), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil {
		return nil, fmt.Errorf("-size must look like 1280x720, got %q", c.size)
	}
	if w < 960 || h < 540 || w > 8192 || h > 8192 {
		return nil, fmt.Errorf("-size must be between 960x540 and 8192x8192, got %q", c.size)
	}
	c.w, c.h = w, h
	if c.screenshot != "" {
		if !strings.HasSuffix(strings.ToLower(c.screenshot), ".png") {
			return nil, fmt.Errorf("-screenshot must name a .png file, got %q", c.screenshot)
		}
		if st, err := os.Stat(filepath.Dir(c.screenshot)); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("-screenshot: directory %q does not exist", filepath.Dir(c.screenshot))
		}
	}
	return c, nil
}

type game struct {
	*ui.App
	cfg    *config
	script *input.Scripted
	ticks  int
	shotAt int
	done   bool
	err    error
	drawn  bool
}

func (g *game) Update() error {
	if g.done {
		if g.err != nil {
			return g.err
		}
		return ebiten.Termination
	}
	g.ticks++
	if g.cfg.quitAfter > 0 && time.Since(processStart) > g.cfg.quitAfter {
		return ebiten.Termination
	}
	return g.App.Update()
}

func (g *game) Draw(screen *ebiten.Image) {
	g.App.Draw(screen)
	if !g.drawn {
		g.drawn = true
		if g.cfg.firstFrame {
			fmt.Fprintf(os.Stderr, "first-frame-unixns %d\nfirst-frame-ms %.1f\n", time.Now().UnixNano(), float64(time.Since(processStart).Microseconds())/1000)
		}
	}
	if g.cfg.screenshot != "" && !g.done && g.ticks >= g.shotAt {
		g.err = writePNG(screen, g.cfg.screenshot)
		g.done = true
	}
}

func writePNG(screen *ebiten.Image, path string) error {
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		if !strings.Contains(err.Error(), "flag provided but not defined") && !strings.Contains(err.Error(), "invalid value") {
			fmt.Fprintln(stderr, "keyholder:", err)
		}
		return 2
	}
	opts := ui.Options{Seed: cfg.seed, FixedSeed: cfg.seedSet}
	// The saved settings (text size, contrast, full screen) are read before
	// the first frame; with -save off they are neither read nor written.
	var settings savefile.SettingsStore
	if cfg.save != "off" {
		st, err := savefile.DefaultSettingsStore()
		if err != nil {
			opts.Notice = err.Error() + "; settings will not be kept."
		} else {
			settings = st
		}
	}
	opts.UseSettings(settings, cfg.over)
	if cfg.scenario != "" {
		sc, probs := scenarios.Open(cfg.scenario)
		if sc == nil {
			fmt.Fprintf(stderr, "keyholder: cannot use scenario %s:\n", cfg.scenario)
			for _, p := range probs {
				fmt.Fprintf(stderr, "  %s\n", p)
			}
			return 2
		}
		opts.Scenarios = append(opts.Scenarios, ui.Entry{Name: filepath.Base(cfg.scenario), SC: sc})
	}
	// The shipped scenarios are parsed and checked in the background while
	// the first frame shows.
	ui.Preload()
	type loaded struct {
		entries []ui.Entry
		notice  string
	}
	have := map[string]bool{}
	for _, e := range opts.Scenarios {
		have[e.SC.Meta.ID] = true
	}
	ch := make(chan loaded, 1)
	load := func() {
		var l loaded
		for _, name := range scenarios.List() {
			data, err := scenarios.Read(name)
			if err != nil {
				continue
			}
			sc, probs := scenarioLoad(name, data)
			if sc == nil {
				l.notice += fmt.Sprintf("Shipped scenario %s has problems and was skipped (%d).", name, len(probs))
				continue
			}
			if !have[sc.Meta.ID] {
				l.entries = append(l.entries, ui.Entry{Name: name, SC: sc})
			}
		}
		if len(l.entries) == 0 && len(have) == 0 {
			l.notice += "No scenario could be loaded."
		}
		ch <- l
	}
	started := false
	opts.Load = func() ([]ui.Entry, string, bool) {
		if !started {
			// Started from the first tick, once the window is open, so that
			// it does not compete with opening it.
			started = true
			go load()
		}
		select {
		case l := <-ch:
			return l.entries, l.notice, true
		default:
			return nil, "", false
		}
	}
	switch cfg.save {
	case "off":
	case "":
		st, err := savefile.Default()
		if err != nil {
			opts.Notice = strings.TrimSpace(opts.Notice + " " + err.Error() + "; the game will not be saved.")
		} else {
			opts.Store = st
		}
	default:
		opts.Store = savefile.Store{Path: cfg.save}
	}
	g := &game{cfg: cfg}
	if cfg.script != "" {
		data, err := os.ReadFile(cfg.script)
		if err != nil {
			fmt.Fprintln(stderr, "keyholder: -script:", err)
			return 2
		}
		s, err := input.ParseScript(cfg.script, string(data))
		if err != nil {
			fmt.Fprintln(stderr, "keyholder: -script:", err)
			return 2
		}
		g.script = s
		opts.Input = s
	} else if cfg.screenshot != "" {
		opts.Input = input.NewScripted()
	} else {
		opts.Input = &ui.EbitenInput{}
	}
	g.shotAt = cfg.frames
	if g.shotAt == 0 {
		g.shotAt = 30
		if g.script != nil {
			g.shotAt += g.script.Len()
		}
	}
	app, err := ui.New(opts)
	if err != nil {
		fmt.Fprintln(stderr, "keyholder:", err)
		return 1
	}
	g.App = app
	ebiten.SetWindowTitle("Keyholder")
	ebiten.SetWindowSize(cfg.w, cfg.h)
	ebiten.SetWindowSizeLimits(960, 540, -1, -1)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(g); err != nil {
		fmt.Fprintln(stderr, "keyholder:", err)
		return 1
	}
	if cfg.screenshot != "" {
		fmt.Fprintln(stderr, "keyholder: wrote", cfg.screenshot)
	}
	return 0
}
