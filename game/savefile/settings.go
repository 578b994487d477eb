package savefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"
)

// SettingsFormat is the version of the settings file format.
const SettingsFormat = 1

// maxSettingsSize caps a settings file; a real one is under 100 bytes.
const maxSettingsSize = 64 << 10

// TextSizeNames are the text sizes as the settings file and the -textsize
// flag spell them, smallest first; Settings.TextSize indexes them.
var TextSizeNames = []string{"small", "normal", "large", "largest"}

// Settings are the player's display settings, kept between launches.
type Settings struct {
	TextSize     int // index into TextSizeNames
	HighContrast bool
	Fullscreen   bool
}

// DefaultSettings are used when there is no settings file or it is unusable.
func DefaultSettings() Settings { return Settings{TextSize: 1} }

// TextSizeIndex returns the index of a text size name (any case), or -1.
func TextSizeIndex(name string) int {
	for i, n := range TextSizeNames {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// Validate reports a setting out of range.
func (s Settings) Validate() error {
	if s.TextSize < 0 || s.TextSize >= len(TextSizeNames) {
		return fmt.Errorf("text size %d is not one of 0..%d", s.TextSize, len(TextSizeNames)-1)
	}
	return nil
}

// settingsFile is the JSON form: text size by name, so the file reads well.
type settingsFile struct {
	Format       int    `json:"format"`
	TextSize     string `json:"text_size"`
	HighContrast bool   `json:"high_contrast"`
	Fullscreen   bool   `json:"fullscreen"`
}

// EncodeSettings returns the settings file for s. It refuses invalid settings.
func EncodeSettings(s Settings) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(settingsFile{Format: SettingsFormat, TextSize: TextSizeNames[s.TextSize],
		HighContrast: s.HighContrast, Fullscreen: s.Fullscreen}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// DecodeSettings parses a settings file, refusing damaged JSON, unknown
// fields, other formats and values out of range. name is used in messages.
func DecodeSettings(name string, data []byte) (Settings, error) {
	if len(data) > maxSettingsSize {
		return Settings{}, fmt.Errorf("%s: more than %d bytes; not a Keyholder settings file", name, maxSettingsSize)
	}
	var f settingsFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return Settings{}, fmt.Errorf("%s: not valid JSON: the file is empty or cut short", name)
		}
		return Settings{}, fmt.Errorf("%s: not a Keyholder settings file: %v", name, err)
	}
	if dec.More() {
		return Settings{}, fmt.Errorf("%s: not a Keyholder settings file: more after the settings", name)
	}
	switch {
	case f.Format == 0:
		return Settings{}, fmt.Errorf("%s: no \"format\" field; not a Keyholder settings file", name)
	case f.Format != SettingsFormat:
		return Settings{}, fmt.Errorf("%s: settings format %d; this version reads format %d", name, f.Format, SettingsFormat)
	}
	i := TextSizeIndex(f.TextSize)
	if i < 0 {
		return Settings{}, fmt.Errorf("%s: text size %q is not one of %s", name, f.TextSize, strings.Join(TextSizeNames, ", "))
	}
	return Settings{TextSize: i, HighContrast: f.HighContrast, Fullscreen: f.Fullscreen}, nil
}

// Overrides are settings given for one run (on the command line); nil
// fields leave the saved value.
type Overrides struct {
	TextSize     *int
	HighContrast *bool
	Fullscreen   *bool
}

// Apply returns s with the overrides in o.
func (s Settings) Apply(o Overrides) Settings {
	if o.TextSize != nil {
		s.TextSize = *o.TextSize
	}
	if o.HighContrast != nil {
		s.HighContrast = *o.HighContrast
	}
	if o.Fullscreen != nil {
		s.Fullscreen = *o.Fullscreen
	}
	return s
}

// SettingsStore is the settings file. Path "" keeps nothing: Load gives the
// defaults and Save writes nothing (as with "-save off").
type SettingsStore struct {
	Path string
	Now  func() time.Time
}

// DefaultSettingsStore is Dir()/settings.json.
func DefaultSettingsStore() (SettingsStore, error) {
	d, err := Dir()
	if err != nil {
		return SettingsStore{}, err
	}
	return SettingsStore{Path: filepath.Join(d, "settings.json")}, nil
}

// Load reads the settings. A missing file gives the defaults quietly; an
// unusable one is renamed aside (settings.json.bad-<time>), the defaults
// are used, and notice tells the player what happened.
func (s SettingsStore) Load() (set Settings, notice string) {
	if s.Path == "" {
		return DefaultSettings(), ""
	}
	data, err := readLimited(s.Path, maxSettingsSize)
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultSettings(), ""
	}
	if err == nil {
		set, err = DecodeSettings(s.Path, data)
	}
	if err != nil {
		return DefaultSettings(), s.setAside(err)
	}
	return set, ""
}

// Save writes the settings atomically, creating the directory if needed.
func (s SettingsStore) Save(set Settings) error {
	if s.Path == "" {
		return nil
	}
	data, err := EncodeSettings(set)
	if err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o755); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	if err := renameio.WriteFile(s.Path, data, 0o644); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	return nil
}

func (s SettingsStore) setAside(why error) string {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	bad := s.Path + ".bad-" + now().UTC().Format("20060102-150405")
	if err := os.Rename(s.Path, bad); err != nil {
		return fmt.Sprintf("The saved settings could not be used (%v), and could not be moved aside: %v. Using the default settings.", why, err)
	}
	return fmt.Sprintf("The saved settings could not be used (%v). Using the default settings; the file was kept as %s.", why, bad)
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}
