package savefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func settingsStore(t *testing.T) SettingsStore {
	return SettingsStore{Path: filepath.Join(t.TempDir(), "deep", "settings.json"),
		Now: func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }}
}

func TestSettingsRoundTrip(t *testing.T) {
	s := settingsStore(t)
	if got, notice := s.Load(); got != DefaultSettings() || notice != "" {
		t.Fatalf("no file yet: %+v %q, want quiet defaults", got, notice)
	}
	for _, want := range []Settings{
		{TextSize: 3, HighContrast: true, Fullscreen: true},
		{TextSize: 0},
		{TextSize: 2, Fullscreen: true},
	} {
		if err := s.Save(want); err != nil {
			t.Fatal(err)
		}
		got, notice := s.Load()
		if got != want || notice != "" {
			t.Fatalf("saved %+v, loaded %+v (%q)", want, got, notice)
		}
	}
	data, err := os.ReadFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"text_size": "large"`) || !strings.Contains(string(data), `"format": 1`) {
		t.Fatalf("file does not name the text size and format:\n%s", data)
	}
	// Atomic write: nothing but the file is left in the directory.
	ents, _ := os.ReadDir(filepath.Dir(s.Path))
	if len(ents) != 1 {
		t.Fatalf("directory holds %d entries, want only settings.json", len(ents))
	}
}

func TestSettingsOffWritesNothing(t *testing.T) {
	if err := (SettingsStore{}).Save(Settings{TextSize: 3}); err != nil {
		t.Fatal(err)
	}
	if got, notice := (SettingsStore{}).Load(); got != DefaultSettings() || notice != "" {
		t.Fatalf("%+v %q", got, notice)
	}
}

func TestBadSettingsSetAside(t *testing.T) {
	cases := map[string]string{
		"garbage":        "\x00garbage",
		"empty":          "",
		"cut short":      `{"format": 1, "text_si`,
		"future version": `{"format": 2, "text_size": "large"}`,
		"no format":      `{"text_size": "large"}`,
		"unknown field":  `{"format": 1, "text_size": "large", "colour": "pink"}`,
		"bad text size":  `{"format": 1, "text_size": "huge"}`,
		"text size type": `{"format": 1, "text_size": 3}`,
		"two objects":    `{"format": 1, "text_size": "large"} {}`,
		"wrong type":     `[1, 2, 3]`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			s := settingsStore(t)
			os.MkdirAll(filepath.Dir(s.Path), 0o755)
			if err := os.WriteFile(s.Path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			got, notice := s.Load()
			bad := s.Path + ".bad-20260304-050607"
			if got != DefaultSettings() {
				t.Errorf("got %+v, want the defaults", got)
			}
			if !strings.Contains(notice, bad) || !strings.Contains(notice, "default settings") {
				t.Errorf("notice %q does not say where the file went", notice)
			}
			if kept, err := os.ReadFile(bad); err != nil || string(kept) != content {
				t.Errorf("file not kept aside intact: %v", err)
			}
			if _, err := os.Stat(s.Path); err == nil {
				t.Error("unusable settings file left in place")
			}
			// The next launch is quiet, and saving works again.
			if _, notice := s.Load(); notice != "" {
				t.Errorf("second load: %q", notice)
			}
			if err := s.Save(Settings{TextSize: 2}); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Load(); got.TextSize != 2 {
				t.Errorf("after saving again: %+v", got)
			}
		})
	}
}

func TestInvalidSettingsRejected(t *testing.T) {
	for _, s := range []Settings{{TextSize: -1}, {TextSize: 4}, {TextSize: 99, HighContrast: true}} {
		if err := s.Validate(); err == nil {
			t.Errorf("%+v: valid?", s)
		}
		if _, err := EncodeSettings(s); err == nil {
			t.Errorf("%+v: encoded", s)
		}
		st := settingsStore(t)
		if err := st.Save(s); err == nil {
			t.Errorf("%+v: saved", s)
		}
		if _, err := os.Stat(st.Path); err == nil {
			t.Errorf("%+v: a file was written", s)
		}
	}
	if _, err := DecodeSettings("x", []byte(`{"format": 1, "text_size": "LARGE"}`)); err != nil {
		t.Errorf("text size names are case-insensitive: %v", err)
	}
	if err := DefaultSettings().Validate(); err != nil || TextSizeNames[DefaultSettings().TextSize] != "normal" {
		t.Errorf("defaults: %+v %v", DefaultSettings(), err)
	}
}

func TestFlagsOverrideWithoutSaving(t *testing.T) {
	s := settingsStore(t)
	saved := Settings{TextSize: 0, HighContrast: true, Fullscreen: false}
	if err := s.Save(saved); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path)
	loaded, _ := s.Load()
	big, off, on := 3, false, true
	got := loaded.Apply(Overrides{TextSize: &big, HighContrast: &off, Fullscreen: &on})
	if want := (Settings{TextSize: 3, HighContrast: false, Fullscreen: true}); got != want {
		t.Fatalf("with every flag: %+v, want %+v", got, want)
	}
	if got := loaded.Apply(Overrides{TextSize: &big}); got != (Settings{TextSize: 3, HighContrast: true}) {
		t.Fatalf("only -textsize: %+v", got)
	}
	if got := loaded.Apply(Overrides{}); got != saved {
		t.Fatalf("no flags: %+v, want the saved %+v", got, saved)
	}
	after, _ := os.ReadFile(s.Path)
	if string(before) != string(after) {
		t.Fatalf("applying flags changed the file:\n%s\n->\n%s", before, after)
	}
}
