package scenario

import (
	"os"
	"regexp"
	"testing"
)

// The example in FORMAT.md is what authors copy first: it must stay valid.
func TestFormatExamplePasses(t *testing.T) {
	doc, err := os.ReadFile("../../scenarios/FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```toml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("FORMAT.md has no ```toml example")
	}
	sc, probs := Load("FORMAT.md example", m[1])
	if sc == nil || len(probs) > 0 {
		t.Fatalf("example does not pass cleanly:\n%v", probs.Error())
	}
	if len(sc.Levers) != 2 || len(sc.Events) != 1 || len(sc.Endings) != 2 {
		t.Errorf("example decoded wrongly: %d levers, %d events, %d endings", len(sc.Levers), len(sc.Events), len(sc.Endings))
	}
	if !sc.Effects[0].Value.Set() || sc.Effects[0].Value.Program() == nil {
		t.Error("effect value was not compiled")
	}
}

// Text longer than the game's panels expect is a warning at its place, and
// the scenario still loads.
func TestLongTextWarns(t *testing.T) {
	src, err := os.ReadFile("testdata/valid/format-example.toml")
	if err != nil {
		t.Fatal(err)
	}
	long := regexp.MustCompile(`(?m)^name = "Warning signs"$`).ReplaceAll(src, []byte(`name = "Warning signs on every lamp post of the bridge"`))
	sc, probs := Load("long.toml", long)
	if sc == nil || len(probs) != 1 {
		t.Fatalf("want one warning and a scenario, got %v", probs.Error())
	}
	if got := probs[0].String(); got != "long.toml:55:8: warning: lever name is 46 characters; the game lays it out for at most 28, so shorten it" {
		t.Errorf("got %s", got)
	}
}
