// Package savefile keeps the autosaved game and saved run records in the
// user's config directory. Writing is atomic (sim.SaveRecord); a save that
// cannot be read or replayed is never deleted and never crashes the game: it
// is renamed aside (autosave.json.bad-<time>) and the player is told where.
package savefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Dir returns the game's config directory, os.UserConfigDir()/keyholder.
func Dir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config directory for saves: %w", err)
	}
	return filepath.Join(d, "keyholder"), nil
}

// Store is one autosave file.
type Store struct {
	Path string // "" disables saving
	Now  func() time.Time
}

// Default is the autosave at Dir()/autosave.json.
func Default() (Store, error) {
	d, err := Dir()
	if err != nil {
		return Store{}, err
	}
	return Store{Path: filepath.Join(d, "autosave.json")}, nil
}

func (s Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Save writes rec atomically, creating the directory if needed.
func (s Store) Save(rec sim.Record) error {
	if s.Path == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o755); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	if err := sim.SaveRecord(s.Path, rec); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	return nil
}

// Exists reports whether there is a file at the save path.
func (s Store) Exists() bool {
	if s.Path == "" {
		return false
	}
	_, err := os.Stat(s.Path)
	return err == nil
}

// Remove deletes the autosave (when a game has ended). A missing file is fine.
func (s Store) Remove() error {
	if s.Path == "" {
		return nil
	}
	if err := os.Remove(s.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// SetAside renames the save to <path>.bad-<time> and returns a sentence
// for the player saying why and where it went.
func (s Store) SetAside(why error) string {
	bad := s.Path + ".bad-" + s.now().UTC().Format("20060102-150405")
	if err := os.Rename(s.Path, bad); err != nil {
		return fmt.Sprintf("The saved game could not be used (%v), and could not be moved aside: %v.", why, err)
	}
	return fmt.Sprintf("The saved game could not be used (%v). It was kept as %s.", why, bad)
}

// Load reads the autosave. ok is false when there is none or it is unusable;
// notice then says what happened to an unusable file ("" when there was none).
func (s Store) Load() (rec sim.Record, ok bool, notice string) {
	if !s.Exists() {
		return sim.Record{}, false, ""
	}
	rec, err := sim.LoadRecord(s.Path)
	if err != nil {
		return sim.Record{}, false, s.SetAside(err)
	}
	return rec, true, ""
}

// Resume replays rec on the scenario find returns for its id (a finished
// game replays to its ending, so its debrief can be shown again). A save whose
// scenario is missing or changed, or whose decisions no longer replay, is set
// aside: it returns nil and a notice.
func (s Store) Resume(rec sim.Record, find func(id string) *scenario.Scenario) (*sim.Run, string) {
	sc := find(rec.Scenario)
	if sc == nil {
		return nil, s.SetAside(fmt.Errorf("it is for scenario %q, which this game does not have", rec.Scenario))
	}
	run, err := sim.Replay(sc, rec)
	if err != nil {
		return nil, s.SetAside(err)
	}
	return run, ""
}

// SaveRun writes a finished run's record into dir as
// <scenario>-<seed>-<time>.json and returns the path.
func SaveRun(dir string, rec sim.Record, now time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name := fmt.Sprintf("%s-%d-%s.json", rec.Scenario, rec.Seed, now.UTC().Format("20060102-150405"))
	p := filepath.Join(dir, name)
	if err := sim.SaveRecord(p, rec); err != nil {
		return "", err
	}
	return p, nil
}
