package sim

import (
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
	"github.com/keyholder-game/keyholder/scenarios"
)

// benchScenario is the main shipped scenario when it loads, else the test
// scenario, so the figures track the scenario players actually get.
func benchScenario(b *testing.B) (*scenario.Scenario, []byte) {
	b.Helper()
	if data, err := scenarios.Read(scenarios.Main); err == nil {
		if sc, _ := scenario.Load(scenarios.Main, data); sc != nil {
			return sc, data
		}
		b.Logf("%s does not load; benchmarking the engine test scenario", scenarios.Main)
	}
	return simtest.Mini(b), simtest.MiniTOML
}

func BenchmarkLoadAndCheck(b *testing.B) {
	sc, data := benchScenario(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if s, _ := scenario.Load(sc.File, data); s == nil {
			b.Fatal("does not load")
		}
	}
}

// BenchmarkTurn times one Resolve, averaged over whole games that move a
// spend lever and a choice lever, so every mechanism is exercised.
func BenchmarkTurn(b *testing.B) {
	sc, _ := benchScenario(b)
	var spend, choice *scenario.Lever
	for i := range sc.Levers {
		if l := &sc.Levers[i]; l.Kind == scenario.LeverSpend && spend == nil {
			spend = l
		} else if l.Kind == scenario.LeverChoice && choice == nil && len(l.Options) > 1 {
			choice = l
		}
	}
	var r *Run
	var seed uint64
	turns := 0
	for b.Loop() {
		if r == nil || r.Over() {
			b.StopTimer()
			seed++
			r = New(sc, seed)
			b.StartTimer()
		}
		d := Decision{}
		if spend != nil {
			d.Spend = map[string]float64{spend.ID: spend.Min + float64(r.Turn()%2)*spend.Step}
		}
		if choice != nil && r.Turn() == 2 {
			d.Options = map[string]string{choice.ID: choice.Options[1].ID}
		}
		d = r.Fit(answerAll(r, d))
		if _, err := r.Resolve(d); err != nil {
			b.Fatal(err)
		}
		turns++
	}
}

// The expr/closure pair: formulas shaped like typical effect values,
// evaluated through expr and as hand-written Go reading the same map
// environment. "namespace" adds a held.LEVER lookup, which expr fetches
// through reflection.
