package sim

import (
	"os"
	"testing"

	"github.com/expr-lang/expr/vm"
	"github.com/keyholder-game/keyholder/game/scenario"
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
		b.Logf("%s does not load; benchmarking testdata/mini.toml", scenarios.Main)
	}
	data, err := os.ReadFile("testdata/mini.toml")
	if err != nil {
		b.Fatal(err)
	}
	sc, probs := scenario.Load("testdata/mini.toml", data)
	if sc == nil {
		b.Fatal(probs.Error())
	}
	return sc, data
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

// The expr/closure pair: one formula shaped like a typical effect value
// (`0.5 * barriers + (safety < 60 ? 2 : 0) - held.mandate`), evaluated
// through expr and as hand-written Go reading the same map environment.
const benchFormula = `(safety < 60 ? 2 : 0) + 0.5 * barriers - held.mandate`

func exprFormula(b *testing.B) (scenario.Formula, map[string]any) {
	b.Helper()
	data, err := os.ReadFile("testdata/mini.toml")
	if err != nil {
		b.Fatal(err)
	}
	src := string(data) + `
[[effects]]
id = "bench"
target = "safety"
value = "` + benchFormula + `"
explain = "Benchmark."
sources = ["D1"]
`
	sc, probs := scenario.Load("bench.toml", []byte(src))
	if sc == nil {
		b.Fatal(probs.Error())
	}
	r := New(sc, 1)
	return sc.Effects[len(sc.Effects)-1].Value, r.env
}

var sink float64

func BenchmarkFormulaExpr(b *testing.B) {
	f, env := exprFormula(b)
	var m vm.VM
	for b.Loop() {
		v, err := f.Number(&m, env, 0)
		if err != nil {
			b.Fatal(err)
		}
		sink += v
	}
}

func BenchmarkFormulaClosure(b *testing.B) {
	f, env := exprFormula(b)
	closure := func(env map[string]any) float64 {
		v := 0.0
		if env["safety"].(float64) < 60 {
			v = 2
		}
		return v + 0.5*env["barriers"].(float64) - float64(env["held"].(map[string]int)["mandate"])
	}
	var m vm.VM
	if want, _ := f.Number(&m, env, 0); closure(env) != want {
		b.Fatalf("closure gives %v, expr %v", closure(env), want)
	}
	for b.Loop() {
		sink += closure(env)
	}
}
