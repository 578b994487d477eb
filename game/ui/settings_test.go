package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/keyholder-game/keyholder/game/savefile"
)

func settingsAt(path string) savefile.SettingsStore {
	return savefile.SettingsStore{Path: path, Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }}
}

// TestSettingsPersist changes the text size and contrast on the real
// settings screen, checks that each change is written to the settings file,
// and that a new App started from that file comes up with them.
func TestSettingsPersist(t *testing.T) {
	if len(savefile.TextSizeNames) != len(TextSizes) {
		t.Fatalf("savefile knows %d text sizes, the UI %d", len(savefile.TextSizeNames), len(TextSizes))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "config", "settings.json")
	st := settingsAt(path)
	start := func(over savefile.Overrides) *driver {
		return newDriverWith(t, dir, 1280, 720, func(o *Options) { o.UseSettings(st, over) })
	}
	load := func() savefile.Settings {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("settings file: %v", err)
		}
		s, err := savefile.DecodeSettings(path, data)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	// First launch: no file, default settings, nothing written yet.
	d := start(savefile.Overrides{})
	if d.app.c.T.Size != 1 || d.app.c.T.Contrast {
		t.Fatalf("first launch: size %d contrast %v, want the defaults", d.app.c.T.Size, d.app.c.T.Contrast)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("settings written before any change")
	}
	d.press("settings")
	d.screen("settings")
	d.press("size:3")
	if d.app.c.T.Size != 3 {
		t.Fatalf("text size %d after choosing Largest", d.app.c.T.Size)
	}
	if got := load(); got != (savefile.Settings{TextSize: 3}) {
		t.Fatalf("after choosing Largest the file holds %+v", got)
	}
	d.shows("Settings are kept in " + path)
	d.press("contrast:1")
	if got := load(); got != (savefile.Settings{TextSize: 3, HighContrast: true}) {
		t.Fatalf("after high contrast the file holds %+v", got)
	}
	d.press("settings:back")
	d.screen("title")

	// Next launch comes up with them.
	d = start(savefile.Overrides{})
	if d.app.c.T.Size != 3 || !d.app.c.T.Contrast {
		t.Fatalf("relaunch: size %d contrast %v, want 3 and on", d.app.c.T.Size, d.app.c.T.Contrast)
	}
	d.screen("title")
	if d.app.notice != "" {
		t.Fatalf("relaunch notice %q", d.app.notice)
	}

	// Command-line values win for the run but are not saved...
	small, full := 0, true
	d = start(savefile.Overrides{TextSize: &small, Fullscreen: &full})
	if d.app.c.T.Size != 0 || !d.app.c.T.Contrast || !d.app.o.Platform.Fullscreen() {
		t.Fatalf("with flags: size %d contrast %v full %v", d.app.c.T.Size, d.app.c.T.Contrast, d.app.o.Platform.Fullscreen())
	}
	d.press("settings")
	d.press("settings:back")
	if got := load(); got != (savefile.Settings{TextSize: 3, HighContrast: true}) {
		t.Fatalf("flags were saved without a change: %+v", got)
	}
	// ...until the player changes a setting: then what is in use is kept.
	d.press("settings")
	d.press("contrast:0")
	if got := load(); got != (savefile.Settings{TextSize: 0, Fullscreen: true}) {
		t.Fatalf("after a change with flags the file holds %+v", got)
	}
	d.press("display:0")
	if got := load(); got != (savefile.Settings{TextSize: 0}) || d.app.o.Platform.Fullscreen() {
		t.Fatalf("after Window the file holds %+v", got)
	}
}

// TestBadSettingsFileOnTitle: a damaged settings file is set aside, the
// defaults are used, and the title screen says so.
func TestBadSettingsFileOnTitle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "settings.json")
	os.WriteFile(path, []byte(`{"format": 9, "text_size": "largest"}`), 0o644)
	d := newDriverWith(t, dir, 1280, 720, func(o *Options) { o.UseSettings(settingsAt(path), savefile.Overrides{}) })
	d.screen("title")
	if d.app.c.T.Size != 1 || d.app.c.T.Contrast {
		t.Fatalf("size %d contrast %v, want the defaults", d.app.c.T.Size, d.app.c.T.Contrast)
	}
	bad := path + ".bad-20260102-030405"
	d.shows("The saved settings could not be used", "format 9")
	if !strings.Contains(d.allText(), "settings.json.bad-") {
		t.Fatalf("title does not say where the file went:\n%s", d.texts())
	}
	if _, err := os.Stat(bad); err != nil {
		t.Fatal("not kept aside:", err)
	}
	// Changing a setting writes a fresh file.
	d.press("settings")
	d.press("size:2")
	data, _ := os.ReadFile(path)
	if s, err := savefile.DecodeSettings(path, data); err != nil || s.TextSize != 2 {
		t.Fatalf("%+v %v", s, err)
	}
}

// TestSettingsOff: with saving off (-save off) nothing is written.
func TestSettingsOff(t *testing.T) {
	dir := t.TempDir()
	d := newDriverWith(t, dir, 1280, 720, func(o *Options) { o.UseSettings(savefile.SettingsStore{}, savefile.Overrides{}) })
	d.press("settings")
	d.press("size:3")
	if d.app.c.T.Size != 3 {
		t.Fatal("text size did not change")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), "settings") {
			t.Fatalf("wrote %s with saving off", e.Name())
		}
	}
}
