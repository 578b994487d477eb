package stats

import (
	"math"
	"reflect"
	"runtime"
	"testing"

	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
)

func loadMini(t testing.TB) *scenario.Scenario { return simtest.Mini(t) }

// The figures must not depend on how many cores play or in which order
// games finish: one core and many must agree exactly.
func TestSameFiguresOnAnyNumberOfCores(t *testing.T) {
	sc := loadMini(t)
	spec := bot.Random(bot.DefaultChange)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := Play(sc, spec, Config{Games: 500, Seed: 9})
	runtime.GOMAXPROCS(4)
	many := Play(sc, spec, Config{Games: 500, Seed: 9})
	eight := Play(sc, spec, Config{Games: 500, Seed: 9, Workers: 8})
	if !reflect.DeepEqual(one, many) || !reflect.DeepEqual(one, eight) {
		t.Fatalf("figures differ with the number of cores:\n1: %+v\n4: %+v\n8: %+v", one, many, eight)
	}
	other := Play(sc, spec, Config{Games: 500, Seed: 10})
	if reflect.DeepEqual(one.Indicators, other.Indicators) {
		t.Error("seed 9 and seed 10 give identical indicator figures")
	}
}

func TestFiguresAddUp(t *testing.T) {
	sc := loadMini(t)
	res := Play(sc, bot.Random(1), Config{Games: 400, Seed: 1})
	total, share := 0, 0.0
	for _, e := range res.Endings {
		total += e.Games
		share += e.Share
	}
	if total+res.Stuck != 400 || math.Abs(share-1) > 1e-9 {
		t.Errorf("endings count %d (+%d stuck), share %g; want 400 and 1", total, res.Stuck, share)
	}
	ev := map[string]EventStat{}
	for _, e := range res.Events {
		ev[e.ID] = e
	}
	// summit happens on turn 1 of every game; plot has a 50% chance a turn.
	if ev["summit"].Games != 400 || ev["summit"].MeanTimes != 1 {
		t.Errorf("summit: %+v, want every game once", ev["summit"])
	}
	if p := ev["plot"].Share; p < 0.8 || p == 1 {
		t.Errorf("plot happened in %g of games; want most but not all", p)
	}
	for _, s := range res.Indicators {
		if !(s.Min <= s.P10 && s.P10 <= s.P50 && s.P50 <= s.P90 && s.P90 <= s.Max) || s.Stddev < 0 {
			t.Errorf("%s: spread out of order: %+v", s.ID, s)
		}
	}
	var best float64
	for _, e := range res.Endings {
		if e.Rating == res.BestRating {
			best += e.Share
		}
	}
	if res.BestRating != 5 || res.BestShare != best {
		t.Errorf("best rating %d share %g, want 5 and %g", res.BestRating, res.BestShare, best)
	}
	if res.Stories < 2 {
		t.Errorf("%d distinct stories in 400 random games", res.Stories)
	}
}

// In mini, barriers raise safety a turn later: forcing them to the maximum
// must show a large rise in safety over the base strategy, and forcing
// them to zero a fall.
func TestSweepMeasuresCause(t *testing.T) {
	sc := loadMini(t)
	sw := SweepAll(sc, bot.Random(bot.DefaultChange), nil, Config{Games: 300, Seed: 1})
	shift := map[string]float64{}
	for _, v := range sw.Variants {
		shift[v.Setting] = v.Shift[0] // safety
		if v.Games != 300 {
			t.Errorf("%s: %d games", v.Setting, v.Games)
		}
	}
	if shift["barriers=20"] < 5 || shift["barriers=0"] > -5 {
		t.Errorf("safety shifts: barriers=20 %+.1f%%, barriers=0 %+.1f%%; want clearly up and down",
			shift["barriers=20"], shift["barriers=0"])
	}
	if len(sw.Variants) != 6 { // barriers 0/10/20, mandate none/notices/ban
		t.Errorf("%d variants, want 6", len(sw.Variants))
	}
}
