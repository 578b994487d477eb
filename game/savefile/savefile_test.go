package savefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/scenarios"
)

func store(t *testing.T) Store {
	return Store{Path: filepath.Join(t.TempDir(), "deep", "autosave.json"),
		Now: func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }}
}

func mainScenario(t *testing.T) *scenario.Scenario {
	sc, probs := scenarios.Open(scenarios.Main)
	if sc == nil {
		t.Fatal(probs)
	}
	return sc
}

func TestSaveLoadResume(t *testing.T) {
	s := store(t)
	if _, ok, notice := s.Load(); ok || notice != "" {
		t.Fatal("no save yet should be quiet")
	}
	sc := mainScenario(t)
	run := sim.New(sc, 5)
	if _, err := run.Resolve(sim.Decision{Reason: "why not"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(run.Record()); err != nil {
		t.Fatal(err)
	}
	rec, ok, _ := s.Load()
	if !ok || len(rec.Decisions) != 1 || rec.Decisions[0].Reason != "why not" {
		t.Fatalf("%v %+v", ok, rec)
	}
	back, notice := s.Resume(rec, func(id string) *scenario.Scenario { return sc })
	if back == nil || back.Turn() != 2 || notice != "" {
		t.Fatalf("resume: %v %q", back, notice)
	}
	if err := s.Remove(); err != nil || s.Exists() {
		t.Fatal("remove")
	}
}

func TestCorruptAndOldSavesSetAside(t *testing.T) {
	s := store(t)
	os.MkdirAll(filepath.Dir(s.Path), 0o755)
	os.WriteFile(s.Path, []byte("\x00garbage"), 0o644)
	_, ok, notice := s.Load()
	want := s.Path + ".bad-20260304-050607"
	if ok || !strings.Contains(notice, want) {
		t.Fatalf("%v %q", ok, notice)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal("not kept aside:", err)
	}
	if s.Exists() {
		t.Fatal("corrupt save left in place")
	}
	// A record for a scenario the game does not have.
	rec := sim.Record{Format: 1, Scenario: "gone", Seed: 1}
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	run, notice := s.Resume(rec, func(string) *scenario.Scenario { return nil })
	if run != nil || !strings.Contains(notice, "gone") || s.Exists() {
		t.Fatalf("%v %q", run, notice)
	}
}

func TestSaveRun(t *testing.T) {
	dir := t.TempDir()
	rec := sim.New(mainScenario(t), 9).Record()
	p, err := SaveRun(filepath.Join(dir, "runs"), rec, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil || filepath.Base(p) != rec.Scenario+"-9-20260102-030405.json" {
		t.Fatal(p, err)
	}
	if _, err := sim.LoadRecord(p); err != nil {
		t.Fatal(err)
	}
}
