package sim

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
)

func loadMini(t testing.TB) *scenario.Scenario { return simtest.Mini(t) }

// answerAll answers every pending dilemma with its first choice.
func answerAll(r *Run, d Decision) Decision {
	for _, dl := range r.Pending() {
		if d.Answers == nil {
			d.Answers = map[string]string{}
		}
		if _, ok := d.Answers[dl.Event.ID]; !ok {
			d.Answers[dl.Event.ID] = dl.Event.Choices[0].ID
		}
	}
	return d
}

func TestDelayedEffectLandsLaterAndDecays(t *testing.T) {
	r := New(loadMini(t), 1)
	rep, err := r.Resolve(Decision{Spend: map[string]float64{"barriers": 10}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Entries {
		if e.Effect == "barriers_protect" {
			t.Fatalf("barriers landed on the turn they were funded: %+v", e)
		}
	}
	rep, err = r.Resolve(answerAll(r, Decision{Spend: map[string]float64{"barriers": 0}}))
	if err != nil {
		t.Fatal(err)
	}
	var got []float64
	for _, e := range rep.Entries {
		if e.Effect == "barriers_protect" {
			got = append(got, e.Amount)
			if e.Cause.Kind != "lever" || e.Cause.ID != "barriers" || e.Cause.Turn != 1 {
				t.Errorf("cause = %+v, want the barriers decision of turn 1", e.Cause)
			}
		}
	}
	// Turn 1's 10 gives 5 now (first turn of its pulse); turn 2 funded nothing.
	if !reflect.DeepEqual(got, []float64{5}) {
		t.Fatalf("turn 2 barrier contributions = %v, want [5]", got)
	}
	rep, _ = r.Resolve(Decision{})
	for _, e := range rep.Entries {
		if e.Effect == "barriers_protect" && e.Amount != 2.5 {
			t.Errorf("decayed contribution = %v, want 2.5", e.Amount)
		}
	}
}

func TestLedgerAddsUpToEveryChange(t *testing.T) {
	sc := loadMini(t)
	r := New(sc, 7)
	for !r.Over() {
		d := answerAll(r, Decision{})
		if r.Turn() == 1 {
			d.Options = map[string]string{"mandate": "notices"}
		}
		rep, err := r.Resolve(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range rep.Changes {
			sum := 0.0
			for _, e := range rep.Entries {
				if e.Indicator == ch.Indicator {
					sum += e.Amount
				}
			}
			if math.Abs(sum-(ch.After-ch.Before)) > 1e-9 {
				t.Errorf("turn %d %s: ledger sums to %v, change is %v", rep.Turn, ch.Indicator, sum, ch.After-ch.Before)
			}
		}
	}
	// Notices on turn 1 push trust from 95 over 100: a limit entry must say so.
	found := false
	for _, e := range r.Why("trust", 1) {
		found = found || e.Cause.Kind == "limit"
	}
	if !found {
		t.Error("no limit entry when trust was pushed past its maximum")
	}
}

func TestSameSeedSameStoryDifferentSeedDifferentStory(t *testing.T) {
	sc := loadMini(t)
	play := func(seed uint64) string {
		r := New(sc, seed)
		var b strings.Builder
		for !r.Over() {
			rep, err := r.Resolve(answerAll(r, Decision{}))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range rep.News {
				b.WriteString(n.Event + ";")
			}
			b.WriteString("|")
		}
		return b.String()
	}
	if a, b := play(3), play(3); a != b {
		t.Fatalf("same seed gave different stories:\n%s\n%s", a, b)
	}
	stories := map[string]bool{}
	for s := uint64(0); s < 20; s++ {
		stories[play(s)] = true
	}
	if len(stories) < 2 {
		t.Fatal("20 seeds all gave the same story")
	}
}

func TestDecisionRules(t *testing.T) {
	r := New(loadMini(t), 1)
	cases := []struct {
		d    Decision
		want string
	}{
		{Decision{Options: map[string]string{"mandate": "ban"}}, "at most 1 step"},
		{Decision{Options: map[string]string{"mandat": "ban"}}, `no choice lever "mandat"`},
		{Decision{Spend: map[string]float64{"barriers": 7}}, "not a step of 5"},
		{Decision{Spend: map[string]float64{"barriers": 25}}, "outside 0..20"},
		{Decision{Spend: map[string]float64{"barriers": math.NaN()}}, "not an amount"},
		{Decision{Spend: map[string]float64{"barriers": 20}, Options: map[string]string{"mandate": "notices"}}, "costs 25"},
		{Decision{Answers: map[string]string{"summit": "cooperate"}}, "no dilemma"},
	}
	for _, c := range cases {
		err := r.Check(c.d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Check(%+v) = %v, want it to mention %q", c.d, err, c.want)
		}
	}
	if _, err := r.Resolve(Decision{Options: map[string]string{"mandate": "notices"}}); err != nil {
		t.Fatal(err)
	}
	// The summit's dilemma must now be answered, and the cooldown holds the mandate.
	if err := r.Check(Decision{}); err == nil || !strings.Contains(err.Error(), "answer the dilemma") {
		t.Errorf("unanswered dilemma accepted: %v", err)
	}
	if err := r.Allowed("mandate", "none"); err == nil || !strings.Contains(err.Error(), "can change again on turn 3") {
		t.Errorf("cooldown not enforced: %v", err)
	}
	if got := r.Capital(); got != 2 { // 3 - 2 for notices + 1 regained
		t.Errorf("capital = %v, want 2", got)
	}
}

func TestDilemmaChoiceSetsFlagAndTriggersEvent(t *testing.T) {
	r := New(loadMini(t), 1)
	if _, err := r.Resolve(Decision{}); err != nil {
		t.Fatal(err)
	}
	rep, err := r.Resolve(Decision{Answers: map[string]string{"summit": "demand"}})
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, n := range rep.News {
		events = append(events, n.Event)
	}
	if !strings.Contains(strings.Join(events, ","), "backlash") {
		t.Fatalf("demanding access did not cause the backlash event; news %v", events)
	}
	before := r.Money()
	if _, err := r.Resolve(Decision{}); err != nil {
		t.Fatal(err)
	}
	if r.Money() >= before {
		t.Errorf("backlash's delayed budget cut did not land: money %v -> %v", before, r.Money())
	}
}

func TestRecordReplaysAndRefusesChangedScenario(t *testing.T) {
	sc := loadMini(t)
	r := New(sc, 11)
	for !r.Over() {
		d := answerAll(r, r.Fit(Decision{Spend: map[string]float64{"barriers": 10}, Reason: "protect the bridge"}))
		if _, err := r.Resolve(d); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "run.json")
	if err := SaveRecord(path, r.Record()); err != nil {
		t.Fatal(err)
	}
	rec, err := LoadRecord(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Replay(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Ledger(), r.Ledger()) || again.Ending().ID != r.Ending().ID {
		t.Fatal("replay differs from the original run")
	}
	if rec.Decisions[0].Reason != "protect the bridge" {
		t.Errorf("reason not kept: %q", rec.Decisions[0].Reason)
	}
	src, _ := os.ReadFile("simtest/mini.toml")
	changed, probs := scenario.Load("mini.toml", []byte(strings.Replace(string(src), "value = \"-4\"", "value = \"-5\"", 1)))
	if changed == nil {
		t.Fatal(probs.Error())
	}
	if _, err := Replay(changed, rec); !errors.Is(err, ErrScenarioChanged) {
		t.Errorf("replay against an edited scenario: %v, want ErrScenarioChanged", err)
	}
}

func TestLoadRecordRejectsDamage(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		`{"format": 1, "scenario": "mini", "hash": "x", "seed": 1, "decisions": [`: "not valid JSON",
		`{"format": 9, "scenario": "mini", "hash": "x", "seed": 1}`:                "format 9",
		`{"format": 1, "scenario": "mini", "hash": "x", "sneed": 1}`:               "unknown field",
		`[]`: "not a Keyholder record",
		`{}`: "no \"format\"",
	}
	for body, want := range cases {
		p := filepath.Join(dir, "r.json")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := LoadRecord(p); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadRecord(%s) = %v, want %q", body, err, want)
		}
	}
}

// A real event shown out of its time carries its real date to the news, so
// every screen can say so.
func TestNewsCarriesRealDate(t *testing.T) {
	src := strings.Replace(string(simtest.MiniTOML), "id = \"summit\"\n", "id = \"summit\"\nreal_date = \"30 March 2017\"\n", 1)
	sc, probs := scenario.Load("mini.toml", []byte(src))
	if sc == nil {
		t.Fatal(probs.Error())
	}
	rep, err := New(sc, 1).Resolve(Decision{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range rep.News {
		if n.Event == "summit" && n.RealDate == "30 March 2017" {
			return
		}
	}
	t.Fatalf("news %+v lacks the summit's real date", rep.News)
}
