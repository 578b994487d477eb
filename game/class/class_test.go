package class

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
)

func loadMini(t testing.TB, edit func(string) string) *scenario.Scenario {
	t.Helper()
	s := string(simtest.MiniTOML)
	if edit != nil {
		s = edit(s)
	}
	sc, probs := scenario.Load("mini.toml", []byte(s))
	if sc == nil {
		t.Fatalf("mini.toml: %v", probs.Error())
	}
	return sc
}

// save plays decisions to the end (empty decisions after them) and writes
// the record to dir/name.
func save(t testing.TB, sc *scenario.Scenario, dir, name string, ds ...sim.Decision) *sim.Run {
	t.Helper()
	r := sim.New(sc, 1)
	for i := 0; !r.Over(); i++ {
		var d sim.Decision
		if i < len(ds) {
			d = ds[i]
		}
		if _, err := r.Resolve(d); err != nil {
			t.Fatalf("%s turn %d: %v", name, i+1, err)
		}
	}
	if err := sim.SaveRecord(filepath.Join(dir, name), r.Record()); err != nil {
		t.Fatal(err)
	}
	return r
}

// class3 writes three hand-made records of mini to dir.
func class3(t testing.TB, sc *scenario.Scenario, dir string) []*sim.Run {
	return []*sim.Run{
		save(t, sc, dir, "ana.json",
			sim.Decision{Options: map[string]string{"mandate": "notices"}, Spend: map[string]float64{"barriers": 10}, Reason: "Safety first"},
			sim.Decision{Answers: map[string]string{"summit": "cooperate"}, Reason: "be nice"}),
		save(t, sc, dir, "ben.json",
			sim.Decision{Spend: map[string]float64{"barriers": 0}, Reason: "save money"},
			sim.Decision{Answers: map[string]string{"summit": "demand"}}),
		save(t, sc, dir, "cat.json",
			sim.Decision{Options: map[string]string{"mandate": "notices"}, Reason: "safety  first"},
			sim.Decision{Answers: map[string]string{"summit": "cooperate"}},
			sim.Decision{Reason: "wait and see"}),
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestAggregateThreeRecords(t *testing.T) {
	sc := loadMini(t, nil)
	dir := t.TempDir()
	runs := class3(t, sc, dir)
	s := Summarize([]string{dir}, []*scenario.Scenario{sc})
	if s.Records != 3 || s.Counted != 3 || len(s.Skipped) != 0 || len(s.Groups) != 1 {
		t.Fatalf("records %d counted %d skipped %v groups %d", s.Records, s.Counted, s.Skipped, len(s.Groups))
	}
	g := s.Groups[0]
	if g.Students != 3 || g.Finished != 3 || g.Hash != sc.Hash {
		t.Errorf("students %d finished %d", g.Students, g.Finished)
	}
	turns := 0
	for _, r := range runs {
		turns += len(r.Reports())
	}
	if turns != 18 || g.TurnsTotal != 18 {
		t.Fatalf("turns %d / %d, want 18 (no early ending expected)", turns, g.TurnsTotal)
	}

	want := map[string]int{}
	for _, r := range runs {
		want[r.Ending().ID]++
	}
	n := 0
	for _, e := range g.Endings {
		n += e.Count
		if e.Count != want[e.ID] || !near(e.Share, float64(e.Count)/3) {
			t.Errorf("ending %s: %d (%g), want %d", e.ID, e.Count, e.Share, want[e.ID])
		}
	}
	if n != 3 {
		t.Errorf("endings add up to %d", n)
	}

	for _, l := range g.Levers {
		switch l.ID {
		case "mandate": // ana and cat hold notices 6 turns each, ben none for 6
			if l.Turns != 18 || l.Options[0].Turns != 6 || l.Options[1].Turns != 12 || l.Options[2].Turns != 0 ||
				!near(l.Options[1].Share, 2.0/3) {
				t.Errorf("mandate shares %+v", l.Options)
			}
		case "barriers": // 10×6 + 0×6 + 5×6 over 18 turns
			if !near(l.Average, 5) || l.Min != 0 || l.Max != 10 {
				t.Errorf("barriers average %g min %g max %g", l.Average, l.Min, l.Max)
			}
		}
	}
	if len(g.Dilemmas) != 1 || g.Dilemmas[0].Answers[0].N != 2 || g.Dilemmas[0].Answers[1].N != 1 {
		t.Errorf("dilemmas %+v", g.Dilemmas)
	}
	for _, ind := range g.Indicators {
		mean, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
		for _, r := range runs {
			v := r.Value(ind.ID)
			mean += v / 3
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		if !near(ind.Mean, mean) || ind.Min != lo || ind.Max != hi {
			t.Errorf("%s: mean %g [%g, %g], want %g [%g, %g]", ind.ID, ind.Mean, ind.Min, ind.Max, mean, lo, hi)
		}
	}

	reasons := map[string]ReasonGroup{}
	for _, r := range g.Reasons {
		reasons[r.Decision] = r
	}
	if r := reasons["Mandate: Notices"]; r.Students != 2 || len(r.Reasons) != 1 || r.Reasons[0].Count != 2 {
		t.Errorf("Mandate: Notices reasons %+v (identical reasons, spacing and case aside, merge)", r)
	}
	if r := reasons["Barriers: £0m"]; r.Students != 1 || r.Reasons[0].Text != "save money" {
		t.Errorf("Barriers: £0m reasons %+v", r)
	}
	if r := reasons[kept]; r.Students != 1 || r.Reasons[0].Text != "wait and see" || r.Reasons[0].Turns[0] != 3 {
		t.Errorf("reason with no change: %+v", r)
	}
	if r := reasons["Tech summit: Demand access"]; r.Students != 1 || len(r.Reasons) != 0 {
		t.Errorf("decision without reason: %+v", r)
	}

	if len(g.Splits) != 2 || g.Splits[0].Turn != 1 || g.Splits[1].Turn != 2 {
		t.Fatalf("splits %+v, want turns 1 then 2", g.Splits)
	}
	// Turn 1: mandate 2 to Notices / 1 no change; barriers three ways.
	top := g.Splits[0]
	if top.Levers[0].Name != "Barriers" || !near(top.Levers[0].Diversity, 1-3.0/9) || !near(top.Score, (1-3.0/9)+(1-5.0/9)) {
		t.Errorf("turn 1 split %+v", top)
	}
}

func TestSkipsDamagedForeignAndMismatched(t *testing.T) {
	sc := loadMini(t, nil)
	edited := loadMini(t, func(s string) string { return strings.Replace(s, `value = "-4"`, `value = "-3"`, 1) })
	dir := t.TempDir()
	class3(t, sc, dir)
	save(t, edited, dir, "dan.json", sim.Decision{}, sim.Decision{Answers: map[string]string{"summit": "demand"}}) // the same scenario id, another version
	os.WriteFile(filepath.Join(dir, "eve.json"), []byte(`{"format": 1, "scenario": "mini", "hash": "ab", "seed": 1, "decisions": [`), 0o644)
	os.WriteFile(filepath.Join(dir, "fay.json"), []byte(`{"hello": "world"}`), 0o644)
	bad := sim.Record{Format: 1, Scenario: "mini", Hash: sc.Hash, Seed: 1,
		Decisions: []sim.Decision{{Spend: map[string]float64{"barriers": 7}}}}
	sim.SaveRecord(filepath.Join(dir, "gus.json"), bad) // valid JSON, impossible decision
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a record"), 0o644)

	s := Summarize([]string{dir}, []*scenario.Scenario{sc})
	if s.Counted != 3 || len(s.Groups) != 1 || s.Records != 7 {
		t.Fatalf("counted %d groups %d records %d", s.Counted, len(s.Groups), s.Records)
	}
	why := map[string]string{}
	for _, k := range s.Skipped {
		why[filepath.Base(k.File)] = k.Why
	}
	for file, want := range map[string]string{
		"dan.json": "another version", "eve.json": "not valid JSON", "fay.json": "not a Keyholder record",
		"gus.json": "turn 1 of the record",
	} {
		if !strings.Contains(why[file], want) {
			t.Errorf("%s: %q, want %q", file, why[file], want)
		}
	}
	if len(s.Refused) != 1 || len(s.Refused[0].Files) != 1 || !strings.HasSuffix(s.Refused[0].Files[0], "dan.json") {
		t.Errorf("refused %+v", s.Refused)
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0], "dan.json") {
		t.Errorf("notes %q should name the mismatched file", s.Notes)
	}

	// With both versions available, each version is summarised on its own.
	s = Summarize([]string{dir}, []*scenario.Scenario{sc, edited})
	if len(s.Groups) != 2 || s.Groups[0].Students != 3 || s.Groups[1].Students != 1 || s.Counted != 4 {
		t.Fatalf("groups %d", len(s.Groups))
	}
	if !strings.Contains(s.Notes[0], "2 scenario versions") {
		t.Errorf("notes %q", s.Notes)
	}

	// Nothing matches: no crash, everything skipped by name.
	s = Summarize([]string{dir, filepath.Join(dir, "missing.json")}, nil)
	if s.Counted != 0 || len(s.Groups) != 0 || len(s.Skipped) != 8 {
		t.Errorf("with no scenarios: counted %d skipped %d", s.Counted, len(s.Skipped))
	}
}

func TestRenderings(t *testing.T) {
	sc := loadMini(t, nil)
	dir := t.TempDir()
	class3(t, sc, dir)
	save(t, sc, dir, "hal.json", sim.Decision{Reason: "<script>alert(1)</script> | *bold*"},
		sim.Decision{Answers: map[string]string{"summit": "demand"}})
	os.WriteFile(filepath.Join(dir, "eve.json"), []byte(`{`), 0o644)
	s := Summarize([]string{dir}, []*scenario.Scenario{sc})

	var b bytes.Buffer
	if err := s.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"# How your class chose", "4 student(s) played this same version", "### Endings",
		"**Mandate**: None 50%, Notices 50%, Ban 0%", "average £5m a turn, from £0m to £10m", "“Safety first” (turn 1, ×2)",
		"\\<script\\>alert(1)\\</script\\> \\| \\*bold\\*", "## Records left out", "eve.json"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q\n", want)
		}
	}

	b.Reset()
	if err := s.HTML(&b); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if strings.Contains(html, "<script") || !strings.Contains(html, "&lt;script&gt;") || !strings.Contains(html, "<svg class=\"bar\"") {
		t.Error("HTML not escaped or lacks bars")
	}

	b.Reset()
	if err := s.JSON(&b); err != nil {
		t.Fatal(err)
	}
	var back Summary
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Counted != 4 || back.Groups[0].Levers[0].ID != "barriers" {
		t.Errorf("JSON round trip: %v %+v", err, back.Counted)
	}
}
