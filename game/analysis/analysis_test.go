package analysis

import (
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

func testScenario() *scenario.Scenario {
	sc := &scenario.Scenario{
		Budget: scenario.Budget{Unit: "£m"},
		Indicators: []scenario.Indicator{
			{ID: "safety", Name: "Safety", Min: 0, Max: 100},
			{ID: "trust", Name: "Trust", Min: 0, Max: 10},
			{ID: "secret", Name: "Secret", Min: 0, Max: 10, Hidden: true},
		},
		Levers: []scenario.Lever{
			{ID: "barriers", Name: "Bridge barriers", Kind: scenario.LeverSpend, Initial: 0},
			{ID: "signs", Name: "Signs", Kind: scenario.LeverChoice, Options: []scenario.Option{{ID: "none", Label: "No signs"}, {ID: "up", Label: "Signs up"}}},
		},
		Events:  []scenario.Event{{ID: "crash", Title: "A crash", Choices: []scenario.Choice{{ID: "inquiry", Label: "Hold an inquiry"}}}},
		Endings: []scenario.Ending{{ID: "ok", Sources: []string{"E1"}}},
	}
	return sc
}

func TestDecisions(t *testing.T) {
	sc := testScenario()
	reps := []*sim.Report{
		{Turn: 1, Decision: sim.Decision{Spend: map[string]float64{"barriers": 4}, Reason: "bridges first"}},
		{Turn: 2, Decision: sim.Decision{Options: map[string]string{"signs": "none"}}},
		{Turn: 3, Decision: sim.Decision{Options: map[string]string{"signs": "up"}, Spend: map[string]float64{"barriers": 4}, Answers: map[string]string{"crash": "inquiry"}}},
	}
	got := Decisions(sc, reps)
	if len(got) != 3 || len(got[0].Changes) != 1 || got[0].Changes[0] != "Bridge barriers: £0m → £4m" || got[0].Reason != "bridges first" {
		t.Fatalf("%+v", got)
	}
	if len(got[1].Changes) != 0 {
		t.Fatalf("holding an option is no change: %+v", got[1])
	}
	if strings.Join(got[2].Changes, "|") != "Signs: No signs → Signs up|A crash: Hold an inquiry" {
		t.Fatalf("%+v", got[2])
	}
	if dt := DecisionTurns(got); len(dt) != 2 || dt[0] != 1 || dt[1] != 3 {
		t.Fatal(dt)
	}
}

func TestCauses(t *testing.T) {
	sc := testScenario()
	led := []sim.Entry{
		{Turn: 2, Indicator: "safety", Amount: 5, Cause: sim.Cause{Kind: "lever", ID: "barriers", Label: "Bridge barriers: £4m (turn 1)"}, Sources: []string{"D1"}},
		{Turn: 3, Indicator: "safety", Amount: 5, Cause: sim.Cause{Kind: "lever", ID: "barriers", Label: "Bridge barriers: £4m (turn 2)"}, Sources: []string{"D2"}},
		{Turn: 3, Indicator: "trust", Amount: -3, Cause: sim.Cause{Kind: "event", ID: "crash", Label: "A crash (turn 3)"}},
		{Turn: 3, Indicator: "trust", Amount: 1, Cause: sim.Cause{Kind: "drift"}},
		{Turn: 3, Indicator: "secret", Amount: 9, Cause: sim.Cause{Kind: "event", ID: "crash"}},
	}
	got := Causes(sc, led, 5, false)
	if len(got) != 2 {
		t.Fatalf("%+v", got)
	}
	// trust -3 of range 10 (30%) outranks safety +10 of range 100 (10%).
	if got[0].Label != "A crash" || got[0].Share != -0.3 || got[1].Label != "Bridge barriers: £4m" || got[1].Total != 10 {
		t.Fatalf("%+v", got)
	}
	if len(got[1].Turns) != 2 || len(got[1].Sources) != 2 {
		t.Fatalf("%+v", got[1])
	}
	if len(Causes(sc, led, 1, true)) != 1 {
		t.Fatal("limit")
	}
	ids := SourcesUsed(led, []*sim.Report{{News: []sim.News{{Sources: []string{"N1", "D1"}}}}}, &sc.Endings[0])
	if strings.Join(ids, ",") != "D1,D2,E1,N1" {
		t.Fatal(ids)
	}
}

func TestMoney(t *testing.T) {
	if Money(4, "£m") != "£4m" || Money(2.5, "k") != "2.5 k" || Money(3, "") != "3" {
		t.Fatal(Money(4, "£m"), Money(2.5, "k"))
	}
}
