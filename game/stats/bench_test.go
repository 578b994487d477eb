package stats

import (
	"testing"

	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
	"github.com/keyholder-game/keyholder/scenarios"
)

// BenchmarkRandomGame times one whole random-bot game of the main scenario
// (the test scenario if the main one does not load) on one core: kh sim -n N
// takes about N times this divided by the cores.
func BenchmarkRandomGame(b *testing.B) {
	sc, _ := scenarios.Open(scenarios.Main)
	if sc == nil {
		sc = simtest.Mini(b)
	}
	spec := bot.Random(bot.DefaultChange)
	seed := uint64(0)
	for b.Loop() {
		seed++
		playOne(sc, spec, seed)
	}
}
