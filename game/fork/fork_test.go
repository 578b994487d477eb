package fork

import (
	"reflect"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
)

func loadMini(t testing.TB) *scenario.Scenario { return simtest.Mini(t) }

// play resolves ds (then empty decisions) to the end, answering any
// dilemma left unanswered with its first choice.
func play(t testing.TB, sc *scenario.Scenario, seed uint64, ds ...sim.Decision) sim.Record {
	t.Helper()
	r := sim.New(sc, seed)
	for i := 0; !r.Over(); i++ {
		var d sim.Decision
		if i < len(ds) {
			d = ds[i]
		}
		for _, dl := range r.Pending() {
			if _, ok := d.Answers[dl.Event.ID]; !ok {
				if d.Answers == nil {
					d.Answers = map[string]string{}
				}
				d.Answers[dl.Event.ID] = dl.Event.Choices[0].ID
			}
		}
		if _, err := r.Resolve(d); err != nil {
			t.Fatalf("turn %d: %v", i+1, err)
		}
	}
	return r.Record()
}

var student = []sim.Decision{
	{Spend: map[string]float64{"barriers": 10}, Options: map[string]string{"mandate": "notices"}, Reason: "safety first"},
	{Answers: map[string]string{"summit": "cooperate"}},
	{Options: map[string]string{"mandate": "ban"}, Reason: "go further"},
}

func histories(r *sim.Run) [][]float64 {
	var out [][]float64
	for _, ind := range r.Scenario().Indicators {
		out = append(out, r.History(ind.ID))
	}
	return out
}

func TestNoChangeEqualsOriginal(t *testing.T) {
	sc := loadMini(t)
	for seed := uint64(1); seed <= 20; seed++ {
		rec := play(t, sc, seed, student...)
		for turn := 1; turn <= len(rec.Decisions); turn++ {
			res, err := Fork(sc, rec, turn, sim.Decision{})
			if err != nil {
				t.Fatalf("seed %d turn %d: %v", seed, turn, err)
			}
			if res.Diverged != 0 || len(res.Adjusted) != 0 || len(res.OnlyOriginal)+len(res.OnlyWhatIf) != 0 {
				t.Fatalf("seed %d turn %d: an unchanged fork diverged at %d (%s)", seed, turn, res.Diverged, res.DivergedWhy)
			}
			if !reflect.DeepEqual(res.WhatIf.Record(), rec) || !reflect.DeepEqual(histories(res.WhatIf), histories(res.Original)) ||
				!reflect.DeepEqual(res.WhatIf.Ledger(), res.Original.Ledger()) {
				t.Fatalf("seed %d turn %d: unchanged fork differs from the original", seed, turn)
			}
		}
	}
}

func TestChangeDiffersWhereItMust(t *testing.T) {
	sc := loadMini(t)
	rec := play(t, sc, 5, student...)
	// Without the barriers, safety loses their protection from turn 2 on
	// (the effect is delayed a turn), so the stories first differ in turn 2.
	res, err := Fork(sc, rec, 1, sim.Decision{Spend: map[string]float64{"barriers": 0}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diverged != 2 || !strings.Contains(res.DivergedWhy, "Safety") {
		t.Errorf("diverged at %d (%s), want turn 2 through Safety", res.Diverged, res.DivergedWhy)
	}
	if res.WhatIf.Value("safety") >= res.Original.Value("safety") {
		t.Errorf("safety without barriers %g, with %g", res.WhatIf.Value("safety"), res.Original.Value("safety"))
	}
	if got := res.WhatIf.Reports()[0].Decision; got.Options["mandate"] != "notices" || got.Reason != "safety first" {
		t.Errorf("the rest of turn 1's decision was not kept: %+v", got)
	}
	// Turn 1 must be identical up to the change.
	if !reflect.DeepEqual(res.WhatIf.Reports()[0].Changes, res.Original.Reports()[0].Changes) {
		t.Error("turn 1 indicators differ although barriers only land on turn 2")
	}
}

func TestLaterDecisionsThatNoLongerFitAreTrimmed(t *testing.T) {
	sc := loadMini(t)
	rec := play(t, sc, 5, student...)
	// Keeping mandate at none on turn 1 makes the student's turn-3 switch to
	// ban two steps: not allowed, so it is dropped and reported.
	res, err := Fork(sc, rec, 1, sim.Decision{Options: map[string]string{"mandate": "none"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Adjusted) != 1 || res.Adjusted[0].Turn != 3 || !strings.Contains(res.Adjusted[0].Why, "step") {
		t.Fatalf("adjusted = %+v, want turn 3 (max step)", res.Adjusted)
	}
	if res.WhatIf.Option("mandate") != "none" {
		t.Errorf("mandate ended at %s", res.WhatIf.Option("mandate"))
	}
	if res.Diverged != 1 {
		t.Errorf("diverged at %d, want 1 (trust moves at once)", res.Diverged)
	}
	if !res.WhatIf.Over() || len(res.WhatIf.Reports()) != len(res.Original.Reports()) {
		t.Error("the what-if did not play to the end")
	}
}

func TestBadForks(t *testing.T) {
	sc := loadMini(t)
	rec := play(t, sc, 5, student...)
	for _, c := range []struct {
		turn   int
		change sim.Decision
		want   string
	}{
		{0, sim.Decision{}, "not in the record"},
		{7, sim.Decision{}, "not in the record"},
		{1, sim.Decision{Options: map[string]string{"mandat": "none"}}, "no choice lever"},
		{1, sim.Decision{Options: map[string]string{"mandate": "ban"}}, "cannot be played"},
		{2, sim.Decision{Answers: map[string]string{"summit": "shrug"}}, "not an answer"},
	} {
		if _, err := Fork(sc, rec, c.turn, c.change); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("turn %d %+v: err %v, want %q", c.turn, c.change, err, c.want)
		}
	}
	rec.Hash = "0000"
	if _, err := Fork(sc, rec, 1, sim.Decision{}); err == nil {
		t.Error("a record of another version was forked")
	}
}

func TestUnfinishedRecordForksToSameLength(t *testing.T) {
	sc := loadMini(t)
	rec := play(t, sc, 5, student...)
	rec.Decisions, rec.Ending = rec.Decisions[:3], ""
	res, err := Fork(sc, rec, 2, sim.Decision{Answers: map[string]string{"summit": "demand"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.WhatIf.Reports()) != 3 {
		t.Errorf("what-if played %d turns of a 3-turn record", len(res.WhatIf.Reports()))
	}
	if len(res.OnlyWhatIf) == 0 || res.OnlyWhatIf[0].Event != "backlash" {
		t.Errorf("demanding access should bring the backlash: %+v", res.OnlyWhatIf)
	}
}
