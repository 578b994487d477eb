package scenario

import (
	"os"
	"testing"

	"github.com/expr-lang/expr/vm"
)

// The same formula three ways: on expr's VM, through the closures lowered
// from expr's checked tree (what the engine runs), and written by hand.
const benchSrc = `(safety < 60 ? 2 : 0) + 0.5 * barriers - held.signs`

func benchFormula(b *testing.B) (Formula, map[string]any) {
	base, err := os.ReadFile("testdata/valid/format-example.toml")
	if err != nil {
		b.Fatal(err)
	}
	src := string(base) + "\n[[effects]]\nid = \"bench\"\ntarget = \"safety\"\nvalue = \"" + benchSrc +
		"\"\nexplain = \"x\"\nsources = [\"D1\"]\n"
	sc, probs := Load("bench.toml", []byte(src))
	if sc == nil {
		b.Fatal(probs.Error())
	}
	env := sc.NewEnv()
	env["safety"], env["barriers"], env["held.signs"] = 55.0, 10.0, 3
	return sc.Effects[len(sc.Effects)-1].Value, env
}

func byHand(env map[string]any) float64 {
	v := 0.0
	if env["safety"].(float64) < 60 {
		v = 2
	}
	return v + 0.5*env["barriers"].(float64) - float64(env["held.signs"].(int))
}

var sink float64

func BenchmarkFormula(b *testing.B) {
	f, env := benchFormula(b)
	var m vm.VM
	if want, _ := f.vmNumber(&m, env, 0); byHand(env) != want || f.num(env) != want {
		b.Fatalf("the three ways disagree: %v %v %v", want, f.num(env), byHand(env))
	}
	b.Run("expr-vm", func(b *testing.B) {
		for b.Loop() {
			v, _ := f.vmNumber(&m, env, 0)
			sink += v
		}
	})
	b.Run("engine", func(b *testing.B) {
		for b.Loop() {
			v, _ := f.Number(&m, env, 0)
			sink += v
		}
	})
	b.Run("closure", func(b *testing.B) {
		for b.Loop() {
			sink += byHand(env)
		}
	})
}
