package balance

import (
	"os"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
	"github.com/keyholder-game/keyholder/scenarios"
)

// The shipped main scenario must stay balanced when it is edited. Samples
// are smaller than BALANCE.md's, so the thresholds carry a margin for the
// extra noise; BALANCE.md itself is judged by the exact ones.
func TestMainScenarioStaysBalanced(t *testing.T) {
	if testing.Short() {
		t.Skip("plays about 40,000 bot games")
	}
	data, err := scenarios.Read(scenarios.Main)
	if err != nil {
		t.Fatal(err)
	}
	sc, probs := scenario.Load(scenarios.Main, data)
	if sc == nil {
		t.Fatal(probs.Error())
	}
	cfg := Config{Games: 3000, SweepGames: 400, FixedGames: 150, Samples: 25, Climbs: 1, Seed: 1}
	margin := Criteria{EndingMin: 0.007, EndingMax: 0.53, FixedMax: 0.65, OptionMin: 2.5, StoryMin: 2}
	rep := Measure(sc, cfg, margin)
	for _, f := range rep.Failures {
		t.Error(f)
	}
	if len(rep.Named) < len(sc.Levers) || rep.Replays == 0 || rep.Tried < cfg.Samples {
		t.Errorf("the search was too small: %d named, %d tried, %d replays", len(rep.Named), rep.Tried, rep.Replays)
	}
}

// The judge itself must fail a scenario that breaks each criterion.
func TestJudgeCatchesUnbalancedScenario(t *testing.T) {
	sc := simtest.Mini(t)
	rep := Measure(sc, Config{Games: 400, SweepGames: 100, FixedGames: 60, Samples: 5, Climbs: 1, Seed: 1}, Standard)
	if rep.OK() {
		t.Fatal("mini.toml is not balanced, yet every criterion held")
	}
	md := rep.Markdown("kh balance mini.toml")
	for _, want := range []string{"# Balance of", "FAILS", "| ending | rating | share | verdict |", "strongest found"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// BALANCE.md must describe the scenario as it is: after an edit, run the
// command it names again.
func TestBalanceReportIsCurrent(t *testing.T) {
	data, err := scenarios.Read(scenarios.Main)
	if err != nil {
		t.Fatal(err)
	}
	sc, probs := scenario.Load(scenarios.Main, data)
	if sc == nil {
		t.Fatal(probs.Error())
	}
	md, err := os.ReadFile("../../scenarios/BALANCE.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "scenario hash `"+sc.Hash[:12]+"`") {
		t.Errorf("scenarios/BALANCE.md was made for another version of %s; regenerate it with: go run ./cmd/kh balance -o scenarios/BALANCE.md", scenarios.Main)
	}
	if !strings.Contains(string(md), "every criterion holds") {
		t.Error("scenarios/BALANCE.md reports failing criteria")
	}
}
