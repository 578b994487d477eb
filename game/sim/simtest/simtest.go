// Package simtest gives the engine's tests one small scenario that uses
// every mechanism: delays and decay, on_start effects, a repeating event,
// a dilemma whose answer sets a flag, an early ending and a budget drawn
// from an indicator.
package simtest

import (
	_ "embed"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
)

// MiniTOML is the scenario's source, for tests that edit it.
//
//go:embed mini.toml
var MiniTOML []byte

// Mini loads the scenario, failing the test if it does not load.
func Mini(t testing.TB) *scenario.Scenario {
	t.Helper()
	sc, probs := scenario.Load("mini.toml", MiniTOML)
	if sc == nil {
		t.Fatalf("mini.toml: %v", probs.Error())
	}
	return sc
}
