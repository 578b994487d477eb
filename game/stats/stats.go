// Package stats plays many bot games of a scenario on every core and sums
// them up: how often each ending and event happens, where the indicators
// finish, and how much each lever option moves the outcome.
//
// Game i is played with seed Seed+i (so any game can be replayed alone with
// kh play -seed) and results are summed in seed order, so the figures are
// identical whatever the number of cores or the order games finish in.
package stats

import (
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Config says how many games to play and how.
type Config struct {
	Games   int
	Seed    uint64        // game i uses seed Seed+i
	Workers int           // goroutines; 0 means GOMAXPROCS (all cores)
	Done    *atomic.Int64 // if set, incremented after every game, for a progress bar
}

// Result sums up the games of one strategy.
type Result struct {
	Scenario   string          `json:"scenario"`
	Strategy   string          `json:"strategy"`
	Games      int             `json:"games"`
	Seed       uint64          `json:"seed"`
	MeanTurns  float64         `json:"mean_turns"` // turns played; below the scenario's when early endings trigger
	Stuck      int             `json:"stuck"`      // games the bot could not finish (no affordable decision)
	StuckError string          `json:"stuck_error,omitempty"`
	Stories    int             `json:"stories"` // distinct stories: sequences of events and the ending
	BestRating int             `json:"best_rating"`
	BestShare  float64         `json:"best_share"` // share of games ending with the highest rating any ending has
	Endings    []EndingStat    `json:"endings"`
	Ratings    []RatingStat    `json:"ratings"`
	Events     []EventStat     `json:"events"`
	Indicators []IndicatorStat `json:"indicators"`
	Options    []OptionStat    `json:"options"`
}

// EndingStat is how often one ending happened.
type EndingStat struct {
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Rating   int     `json:"rating"`
	Games    int     `json:"games"`
	Share    float64 `json:"share"`
	MeanTurn float64 `json:"mean_turn,omitempty"` // turn it ended on, when it happened
}

// RatingStat is how often games ended with a given rating.
type RatingStat struct {
	Rating int     `json:"rating"`
	Games  int     `json:"games"`
	Share  float64 `json:"share"`
}

// EventStat is how often one event happened.
type EventStat struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Games     int     `json:"games"` // games in which it happened at least once
	Share     float64 `json:"share"`
	MeanTimes float64 `json:"mean_times"` // times per game, over all games
}

// IndicatorStat is the spread of one indicator's final value.
type IndicatorStat struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Good   string  `json:"good"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Start  float64 `json:"start"`
	Mean   float64 `json:"mean"`
	Stddev float64 `json:"stddev"`
	P10    float64 `json:"p10"`
	P50    float64 `json:"p50"`
	P90    float64 `json:"p90"`
}

// OptionStat compares the games in which a lever option was held for most
// of the game with the games in which it was not. It shows association in
// the strategy's own games, not cause: use a sweep for that.
type OptionStat struct {
	Lever  string `json:"lever"`
	Option string `json:"option"` // option id, or "high" for a budget line's upper half
	Label  string `json:"label"`
	Games  int    `json:"games"` // games in which it was held for more than half the turns played
	// Diff[k] is mean final indicator k with the option minus without, in
	// percent of the indicator's range; nil when either group is empty.
	Diff []float64 `json:"diff_pct,omitempty"`
	// BestShare with and without the option.
	BestWith    float64 `json:"best_share_with"`
	BestWithout float64 `json:"best_share_without"`
}

// game is what one game leaves behind.
type game struct {
	ending int // index into Endings; -1 when stuck
	turns  int
	fired  []int32
	final  []float64
	major  []int // per lever: option index held most turns; spend levers: 1 if upper half on average
	story  uint64
	err    error
}

// Play plays cfg.Games games with spec and sums them up.
func Play(sc *scenario.Scenario, spec bot.Spec, cfg Config) Result {
	games := playAll(sc, spec, cfg)
	return summarise(sc, spec.Name, cfg, games)
}

func playAll(sc *scenario.Scenario, spec bot.Spec, cfg Config) []game {
	out := make([]game, cfg.Games)
	parallel(cfg.Games, cfg.Workers, func(i int) {
		out[i] = playOne(sc, spec, cfg.Seed+uint64(i))
		if cfg.Done != nil {
			cfg.Done.Add(1)
		}
	})
	return out
}

// parallel calls fn(0..n-1) on workers goroutines. Each result depends
// only on i, so scheduling cannot change what is computed.
func parallel(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

func playOne(sc *scenario.Scenario, spec bot.Spec, seed uint64) game {
	r := sim.New(sc, seed)
	s := spec.New(sc, bot.StrategySeed(seed))
	g := game{ending: -1}
	// held[lever][option]: turns each option was held; spend levers count
	// turns in the upper half of their range in slot 1.
	held := make([][]int, len(sc.Levers))
	for i, l := range sc.Levers {
		held[i] = make([]int, max(len(l.Options), 2))
	}
	h := fnv.New64a()
	for !r.Over() {
		if err := bot.Step(r, s); err != nil {
			g.err = err
			break
		}
		rep := r.Reports()[len(r.Reports())-1]
		for _, n := range rep.News {
			h.Write([]byte(n.Event))
			h.Write([]byte{byte(rep.Turn), byte(rep.Turn >> 8), 0})
		}
		for i := range sc.Levers {
			l := &sc.Levers[i]
			if l.Kind == scenario.LeverChoice {
				held[i][l.OptionIndex(r.Option(l.ID))]++
			} else if r.Spend(l.ID) >= (l.Min+l.Max)/2 {
				held[i][1]++
			}
		}
	}
	g.turns = len(r.Reports())
	if e := r.Ending(); e != nil && g.err == nil {
		for k := range sc.Endings {
			if &sc.Endings[k] == e {
				g.ending = k
			}
		}
		h.Write([]byte(e.ID))
	}
	g.story = h.Sum64()
	g.fired = make([]int32, len(sc.Events))
	counts := map[string]int32{}
	for _, rep := range r.Reports() {
		for _, n := range rep.News {
			counts[n.Event]++
		}
	}
	for k, e := range sc.Events {
		g.fired[k] = counts[e.ID]
	}
	g.final = make([]float64, len(sc.Indicators))
	for k, ind := range sc.Indicators {
		g.final[k] = r.Value(ind.ID)
	}
	g.major = make([]int, len(sc.Levers))
	for i, l := range sc.Levers {
		if l.Kind == scenario.LeverChoice {
			g.major[i] = -1
			for j, n := range held[i] {
				if 2*n > g.turns {
					g.major[i] = j
				}
			}
		} else if 2*held[i][1] > g.turns {
			g.major[i] = 1
		}
	}
	return g
}

func summarise(sc *scenario.Scenario, name string, cfg Config, games []game) Result {
	res := Result{Scenario: sc.Meta.ID, Strategy: name, Games: len(games), Seed: cfg.Seed}
	for _, e := range sc.Endings {
		res.BestRating = max(res.BestRating, e.Rating)
	}
	n := float64(len(games))
	share := func(k int) float64 {
		if n == 0 {
			return 0
		}
		return float64(k) / n
	}
	endCount := make([]int, len(sc.Endings))
	endTurns := make([]int, len(sc.Endings))
	evGames := make([]int, len(sc.Events))
	evTimes := make([]int, len(sc.Events))
	ratings := map[int]int{}
	stories := map[uint64]bool{}
	turns, best := 0, 0
	for _, g := range games {
		turns += g.turns
		stories[g.story] = true
		if g.ending < 0 {
			res.Stuck++
			if res.StuckError == "" && g.err != nil {
				res.StuckError = g.err.Error()
			}
		} else {
			endCount[g.ending]++
			endTurns[g.ending] += g.turns
			ratings[sc.Endings[g.ending].Rating]++
			if sc.Endings[g.ending].Rating == res.BestRating {
				best++
			}
		}
		for k, c := range g.fired {
			if c > 0 {
				evGames[k]++
			}
			evTimes[k] += int(c)
		}
	}
	res.Stories = len(stories)
	res.BestShare = share(best)
	if n > 0 {
		res.MeanTurns = float64(turns) / n
	}
	for k, e := range sc.Endings {
		st := EndingStat{ID: e.ID, Title: e.Title, Rating: e.Rating, Games: endCount[k], Share: share(endCount[k])}
		if endCount[k] > 0 {
			st.MeanTurn = float64(endTurns[k]) / float64(endCount[k])
		}
		res.Endings = append(res.Endings, st)
	}
	for rating := 1; rating <= 5; rating++ {
		res.Ratings = append(res.Ratings, RatingStat{rating, ratings[rating], share(ratings[rating])})
	}
	for k, e := range sc.Events {
		st := EventStat{ID: e.ID, Title: e.Title, Games: evGames[k], Share: share(evGames[k])}
		if n > 0 {
			st.MeanTimes = float64(evTimes[k]) / n
		}
		res.Events = append(res.Events, st)
	}
	vals := make([]float64, len(games))
	for k, ind := range sc.Indicators {
		for i, g := range games {
			vals[i] = g.final[k]
		}
		st := IndicatorStat{ID: ind.ID, Name: ind.Name, Good: ind.Good, Min: ind.Min, Max: ind.Max, Start: ind.Start}
		st.Mean, st.Stddev = meanStd(vals)
		sorted := slices.Clone(vals)
		slices.Sort(sorted)
		st.P10, st.P50, st.P90 = quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9)
		res.Indicators = append(res.Indicators, st)
	}
	res.Options = optionStats(sc, games, res.BestRating)
	return res
}

func optionStats(sc *scenario.Scenario, games []game, bestRating int) []OptionStat {
	var out []OptionStat
	for i, l := range sc.Levers {
		type row struct{ id, label string }
		var rows []row
		if l.Kind == scenario.LeverChoice {
			for _, o := range l.Options {
				rows = append(rows, row{o.ID, o.Label})
			}
		} else {
			rows = []row{{"high", "upper half of its range"}}
		}
		for j, rw := range rows {
			want := j
			if l.Kind == scenario.LeverSpend {
				want = 1
			}
			st := OptionStat{Lever: l.ID, Option: rw.id, Label: rw.label}
			with := make([]float64, len(sc.Indicators))
			without := make([]float64, len(sc.Indicators))
			bw, bwo, nw, nwo := 0, 0, 0, 0
			for _, g := range games {
				sum, cnt, bestCnt := without, &nwo, &bwo
				if g.major[i] == want {
					sum, cnt, bestCnt = with, &nw, &bw
				}
				*cnt++
				if g.ending >= 0 && sc.Endings[g.ending].Rating == bestRating {
					*bestCnt++
				}
				for k, v := range g.final {
					sum[k] += v
				}
			}
			st.Games = nw
			if nw > 0 {
				st.BestWith = float64(bw) / float64(nw)
			}
			if nwo > 0 {
				st.BestWithout = float64(bwo) / float64(nwo)
			}
			if nw > 0 && nwo > 0 {
				st.Diff = make([]float64, len(sc.Indicators))
				for k, ind := range sc.Indicators {
					st.Diff[k] = 100 * (with[k]/float64(nw) - without[k]/float64(nwo)) / (ind.Max - ind.Min)
				}
			}
			out = append(out, st)
		}
	}
	return out
}

func meanStd(xs []float64) (mean, std float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		std += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(std / float64(len(xs)))
}

// quantile interpolates linearly between the two nearest ranks.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	pos := q * float64(len(sorted)-1)
	lo := int(pos)
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (pos-float64(lo))*(sorted[lo+1]-sorted[lo])
}
