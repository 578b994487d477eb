package scenario

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/expr-lang/expr/vm"
)

// formulas lists every compiled formula of a scenario with the kind it was
// compiled as.
func formulas(sc *Scenario) (conds, nums []*Formula) {
	effect := func(e *Effect) {
		conds = append(conds, &e.When)
		nums = append(nums, &e.Value)
	}
	for i := range sc.Levers {
		for j := range sc.Levers[i].Options {
			conds = append(conds, &sc.Levers[i].Options[j].Requires)
		}
	}
	for i := range sc.Effects {
		effect(&sc.Effects[i])
	}
	for i := range sc.Events {
		e := &sc.Events[i]
		conds, nums = append(conds, &e.When), append(nums, &e.Chance)
		for j := range e.Effects {
			effect(&e.Effects[j])
		}
		for j := range e.Choices {
			for k := range e.Choices[j].Effects {
				effect(&e.Choices[j].Effects[k])
			}
		}
	}
	for i := range sc.Endings {
		conds = append(conds, &sc.Endings[i].When)
	}
	return conds, nums
}

// randomEnv fills every name with a value of its type, strings from the
// ids that comparisons use.
func randomEnv(sc *Scenario, rng *rand.Rand) map[string]any {
	env := sc.NewEnv()
	var words []string
	for _, l := range sc.Levers {
		for _, o := range l.Options {
			words = append(words, o.ID)
		}
	}
	for _, e := range sc.Events {
		for _, c := range e.Choices {
			words = append(words, c.ID)
		}
	}
	words = append(words, "")
	for k, v := range env {
		switch v.(type) {
		case float64:
			env[k] = []float64{0, 1, 50, 100}[rng.IntN(4)] + rng.Float64()*120 - 10
		case int:
			env[k] = rng.IntN(16)
		case bool:
			env[k] = rng.IntN(2) == 0
		case string:
			env[k] = words[rng.IntN(len(words))]
		}
	}
	return env
}

func sameNumber(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func checkNativeMatchesVM(t *testing.T, name string, sc *Scenario, minNative float64) {
	conds, nums := formulas(sc)
	rng := rand.New(rand.NewPCG(1, 2))
	var m vm.VM
	native, total := 0, 0
	for trial := 0; trial < 300; trial++ {
		env := randomEnv(sc, rng)
		for _, f := range conds {
			if !f.Set() || f.cond == nil {
				continue
			}
			want, err := f.vmBool(&m, env)
			if got := f.cond(env); err == nil && got != want {
				t.Fatalf("%s: %q gives %v natively, %v on the VM, in %v", name, f.Src, got, want, env)
			}
		}
		for _, f := range nums {
			if !f.Set() || f.num == nil {
				continue
			}
			want, err := f.vmNumber(&m, env, 0)
			if got := f.num(env); err == nil && !sameNumber(got, want) {
				t.Fatalf("%s: %q gives %v natively, %v on the VM", name, f.Src, got, want)
			}
		}
	}
	for _, f := range append(conds, nums...) {
		if f.Set() {
			total++
			if f.Native() {
				native++
			}
		}
	}
	if total > 0 && float64(native) < minNative*float64(total) {
		t.Errorf("%s: only %d of %d formulas run natively; the speed figures assume most do", name, native, total)
	}
}

func TestNativeMatchesVM(t *testing.T) {
	files, _ := filepath.Glob("../../scenarios/*.toml")
	valid, _ := filepath.Glob("testdata/valid/*.toml")
	for _, path := range append(files, valid...) {
		sc, probs := LoadFile(path)
		if sc == nil {
			t.Fatalf("%s: %v", path, probs.Error())
		}
		checkNativeMatchesVM(t, filepath.Base(path), sc, 0.9)
	}
}

// Hand-picked corners: integer modulo and division, precedence, builtins,
// string and bool comparisons, short-circuits.
func TestNativeMatchesVMOnCorners(t *testing.T) {
	base, err := os.ReadFile("testdata/valid/format-example.toml")
	if err != nil {
		t.Fatal(err)
	}
	corners := []string{
		"7 / 2", "turn % 3", "-safety + 2 * 3 ** 2", "2 ^ 0.5", "abs(-safety)",
		"min(safety, 3, turn)", "max(1, barriers)", "round(safety / 7)", "floor(-2.5) + ceil(2.1)", "int(-2.7)",
		"float(turn) / 4", "clamp(safety, 10, 20)", "clamp(safety, 20, 10)", "signs == 1 ? 5 : -5",
		"opt.signs == 'signs_up' ? 1 : 0", "held.signs * 2 - total.barriers", "safety != safety ? 1 : 2",
		"(safety > 50 and turn < 3) or not (barriers == 0) ? 1.5 : 0",
	}
	src := string(base)
	for i, c := range corners {
		src += "\n[[effects]]\nid = \"corner_" + string(rune('a'+i)) + "\"\ntarget = \"safety\"\nvalue = \"" + c +
			"\"\nexplain = \"x\"\nsources = [\"D1\"]\n"
	}
	sc, probs := Load("corners.toml", []byte(src))
	if sc == nil {
		t.Fatal(probs.Error())
	}
	checkNativeMatchesVM(t, "corners", sc, 0.9)
	for _, e := range sc.Effects[len(sc.Effects)-len(corners):] {
		if !e.Value.Native() {
			t.Errorf("%q does not run natively", e.Value.Src)
		}
	}
}
