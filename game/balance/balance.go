// Package balance measures whether a scenario is a fair game: every ending
// happens sometimes and none dominates, no fixed strategy wins by itself,
// every lever option matters, and chance varies the story while a seed
// fixes it. kh balance writes the result as scenarios/BALANCE.md; a test
// holds the shipped scenarios to it.
package balance

import (
	"fmt"
	"math"
	"reflect"
	"sort"

	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/stats"
)

// Criteria are the thresholds, as issue "Westminster 2017 scenario" sets them.
type Criteria struct {
	EndingMin, EndingMax float64 // share of random games each ending must fall within
	FixedMax             float64 // most a fixed strategy may reach the best-rated ending
	OptionMin            float64 // least shift (% of range) some indicator must show per option
	StoryMin             int     // least distinct stories one fixed strategy must give over the seeds
}

// Standard are the published thresholds.
var Standard = Criteria{EndingMin: 0.01, EndingMax: 0.50, FixedMax: 0.60, OptionMin: 3, StoryMin: 2}

// Config sets sample sizes; more games, less noise.
type Config struct {
	Games      int    // random-strategy games for the ending shares and the option sweep baseline
	SweepGames int    // games per forced option in the sweep
	FixedGames int    // games per fixed strategy tried
	Samples    int    // random full fixed strategies tried before climbing
	Climbs     int    // best strategies improved one lever at a time
	Seed       uint64 // first seed; game i uses Seed+i
	Workers    int
}

// Full is the configuration that writes BALANCE.md.
var Full = Config{Games: 10000, SweepGames: 1000, FixedGames: 300, Samples: 120, Climbs: 3, Seed: 1}

// Fixed is one fixed strategy's result.
type Fixed struct {
	Name      string  `json:"name"`
	Settings  string  `json:"settings"`
	BestShare float64 `json:"best_share"`
	TopEnding string  `json:"top_ending"`
	TopShare  float64 `json:"top_share"`
	Stories   int     `json:"stories"`
}

// OptionMove is how far choosing one setting of a lever instead of another
// moves a visible indicator's final mean, in % of its range.
type OptionMove struct {
	Setting string  `json:"setting"`
	Against string  `json:"against"` // the other setting of the same lever it differs from most
	Shift   float64 `json:"shift_pct"`
	On      string  `json:"on"`
}

// Report is every figure and verdict.
type Report struct {
	Scenario string       `json:"scenario"`
	File     string       `json:"file"`
	Hash     string       `json:"hash"`
	Config   Config       `json:"config"`
	Criteria Criteria     `json:"criteria"`
	Random   stats.Result `json:"random"`
	Sweep    stats.Sweep  `json:"sweep"`
	Options  []OptionMove `json:"options"`
	Named    []Fixed      `json:"named"` // each lever pushed to an extreme, the rest held
	Best     []Fixed      `json:"best"`  // the strongest fixed strategies found, best first
	Tried    int          `json:"fixed_tried"`
	Replays  int          `json:"replays_checked"`
	Failures []string     `json:"failures"` // empty when every criterion holds
}

// OK reports whether every criterion holds.
func (r *Report) OK() bool { return len(r.Failures) == 0 }

// Measure plays everything Config asks for and judges it by c.
func Measure(sc *scenario.Scenario, cfg Config, c Criteria) *Report {
	rep := &Report{Scenario: sc.Meta.ID, File: sc.File, Hash: sc.Hash, Config: cfg, Criteria: c}
	scfg := stats.Config{Games: cfg.Games, Seed: cfg.Seed, Workers: cfg.Workers}
	base := bot.Random(bot.DefaultChange)
	rep.Random = stats.Play(sc, base, scfg)
	rep.judgeEndings()

	scfg.Games = cfg.SweepGames
	rep.Sweep = stats.SweepAll(sc, base, nil, scfg)
	rep.Sweep.Base = rep.Random // the sweep's own base used fewer games; report the big sample
	rep.judgeOptions(sc)

	s := &search{sc: sc, cfg: stats.Config{Games: cfg.FixedGames, Seed: cfg.Seed, Workers: cfg.Workers}, seen: map[string]Fixed{}}
	rep.Named = s.named()
	rep.Best = s.strongest(cfg.Samples, cfg.Climbs)
	rep.Tried = len(s.seen)
	rep.judgeFixed()
	rep.Replays = rep.judgeSeeds(sc, cfg)
	return rep
}

func (r *Report) fail(format string, args ...any) {
	r.Failures = append(r.Failures, fmt.Sprintf(format, args...))
}

func (r *Report) judgeEndings() {
	for _, e := range r.Random.Endings {
		if e.Share < r.Criteria.EndingMin {
			r.fail("ending %q happens in %.1f%% of random games, under %.0f%%", e.ID, 100*e.Share, 100*r.Criteria.EndingMin)
		}
		if e.Share > r.Criteria.EndingMax {
			r.fail("ending %q happens in %.1f%% of random games, over %.0f%%", e.ID, 100*e.Share, 100*r.Criteria.EndingMax)
		}
	}
	if r.Random.Stuck > 0 {
		r.fail("%d random games got stuck: %s", r.Random.Stuck, r.Random.StuckError)
	}
}

// judgeOptions compares each forced setting with the lever's other
// settings on the same seeds: an option matters if choosing it instead of
// some alternative moves what the player sees. (Against the random bot, a
// budget line's middle step would look inert only because random spending
// averages the middle.)
func (r *Report) judgeOptions(sc *scenario.Scenario) {
	vs := r.Sweep.Variants
	for i, v := range vs {
		m := OptionMove{Setting: v.Setting}
		for j, w := range vs {
			if j == i || w.Lever != v.Lever {
				continue
			}
			for k, ind := range sc.Indicators {
				if ind.Hidden || k >= len(v.Shift) || k >= len(w.Shift) {
					continue
				}
				if d := v.Shift[k] - w.Shift[k]; math.Abs(d) > math.Abs(m.Shift) {
					m.Shift, m.On, m.Against = d, ind.ID, w.Setting
				}
			}
		}
		r.Options = append(r.Options, m)
		if math.Abs(m.Shift) < r.Criteria.OptionMin {
			r.fail("choosing %s instead of any other setting of its lever moves no visible indicator's final mean by %.0f%% of its range (largest: %.1f%% on %s, against %s)",
				v.Setting, r.Criteria.OptionMin, math.Abs(m.Shift), m.On, m.Against)
		}
	}
}

func (r *Report) judgeFixed() {
	for _, f := range append(append([]Fixed{}, r.Named...), r.Best...) {
		if f.BestShare > r.Criteria.FixedMax {
			r.fail("fixed strategy %q reaches the best-rated ending in %.0f%% of seeds, over %.0f%%", f.Settings,
				100*f.BestShare, 100*r.Criteria.FixedMax)
		}
		if f.Stories < r.Criteria.StoryMin {
			r.fail("fixed strategy %q tells only %d story over %d seeds: chance changes nothing", f.Settings, f.Stories,
				r.Config.FixedGames)
		}
	}
}

// judgeSeeds replays games of the named strategies and demands the
// identical history each time: the same seed never tells another story.
func (r *Report) judgeSeeds(sc *scenario.Scenario, cfg Config) int {
	n := 0
	for _, f := range r.Named {
		settings, err := bot.ParseSettings(sc, f.Settings)
		if err != nil {
			r.fail("cannot replay %q: %v", f.Settings, err)
			continue
		}
		spec := bot.Fixed(f.Name, settings, nil)
		for seed := cfg.Seed; seed < cfg.Seed+3; seed++ {
			run, err := bot.Play(sc, seed, spec)
			if err != nil {
				r.fail("%s, seed %d: %v", f.Name, seed, err)
				continue
			}
			again, err := sim.Replay(sc, run.Record())
			if err != nil || !reflect.DeepEqual(again.Ledger(), run.Ledger()) || !reflect.DeepEqual(again.Reports(), run.Reports()) {
				r.fail("%s, seed %d: replaying the record gave a different history (%v)", f.Name, seed, err)
			}
			n++
		}
	}
	return n
}

// search tries fixed strategies, remembering each one's result.
type search struct {
	sc   *scenario.Scenario
	cfg  stats.Config
	seen map[string]Fixed
}

// candidates lists the values a fixed strategy may hold: every option of
// a choice lever, a budget line's minimum, middle and maximum, and every
// answer to each dilemma (so a lever mix plus a fixed set of answers is
// searched too). Levers come first, in scenario order, then dilemmas.
func (s *search) candidates() [][]bot.Setting {
	byLever := map[string][]bot.Setting{}
	for _, v := range bot.Variants(s.sc) {
		byLever[v.Lever] = append(byLever[v.Lever], v)
	}
	out := make([][]bot.Setting, len(s.sc.Levers))
	for i, l := range s.sc.Levers {
		out[i] = byLever[l.ID]
	}
	for _, e := range s.sc.Events {
		var answers []bot.Setting
		for _, c := range e.Choices {
			answers = append(answers, bot.Setting{Lever: e.ID, Option: c.ID})
		}
		if len(answers) > 0 {
			out = append(out, answers)
		}
	}
	return out
}

func (s *search) try(name string, settings []bot.Setting) Fixed {
	key := bot.FormatSettings(settings)
	if f, ok := s.seen[key]; ok {
		if name != "" {
			f.Name = name
		}
		return f
	}
	res := stats.Play(s.sc, bot.Fixed(key, settings, nil), s.cfg)
	f := Fixed{Name: name, Settings: key, BestShare: res.BestShare, Stories: res.Stories}
	for _, e := range res.Endings {
		if e.Share > f.TopShare {
			f.TopEnding, f.TopShare = e.ID, e.Share
		}
	}
	if f.Name == "" {
		f.Name = "found by search"
	}
	s.seen[key] = f
	return f
}

// named pushes each lever to its most and least, holding the rest where
// they start; "everything on X" also sets every other budget line to zero.
func (s *search) named() []Fixed {
	var out []Fixed
	cands := s.candidates()
	for i, l := range s.sc.Levers {
		c := cands[i]
		if len(c) == 0 {
			continue
		}
		if l.Kind == scenario.LeverChoice {
			top := c[len(c)-1]
			out = append(out, s.try(fmt.Sprintf("%s: %s all game", l.Name, l.Options[len(l.Options)-1].Label), []bot.Setting{top}))
			continue
		}
		settings := []bot.Setting{c[len(c)-1]}
		for j, other := range s.sc.Levers {
			if j != i && other.Kind == scenario.LeverSpend {
				settings = append(settings, bot.Setting{Lever: other.ID, Amount: other.Min})
			}
		}
		out = append(out, s.try(fmt.Sprintf("Everything on %s", l.Name), settings))
	}
	return out
}

// strongest samples full fixed strategies, then improves the best few one
// lever at a time, and returns the strongest found.
func (s *search) strongest(samples, climbs int) []Fixed {
	cands := s.candidates()
	rng := uint64(0x9E3779B97F4A7C15)
	next := func(n int) int { // splitmix: deterministic, independent of the games' seeds
		rng += 0x9E3779B97F4A7C15
		z := rng
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		return int((z ^ (z >> 31)) % uint64(n))
	}
	type point struct {
		pick []int
		f    Fixed
	}
	settingsOf := func(pick []int) []bot.Setting {
		var out []bot.Setting
		for i, k := range pick {
			if len(cands[i]) > 0 {
				out = append(out, cands[i][k])
			}
		}
		return out
	}
	var pts []point
	for n := 0; n < samples; n++ {
		pick := make([]int, len(cands))
		for i := range cands {
			if len(cands[i]) > 0 {
				pick[i] = next(len(cands[i]))
			}
		}
		pts = append(pts, point{pick, s.try("", settingsOf(pick))})
	}
	sort.SliceStable(pts, func(a, b int) bool { return pts[a].f.BestShare > pts[b].f.BestShare })
	for c := 0; c < climbs && c < len(pts); c++ {
		p := point{append([]int(nil), pts[c].pick...), pts[c].f}
		for improved := true; improved; {
			improved = false
			for i := range cands {
				for k := range cands[i] {
					if k == p.pick[i] {
						continue
					}
					q := append([]int(nil), p.pick...)
					q[i] = k
					if f := s.try("", settingsOf(q)); f.BestShare > p.f.BestShare {
						p, improved = point{q, f}, true
					}
				}
			}
		}
		pts = append(pts, p)
	}
	sort.SliceStable(pts, func(a, b int) bool { return pts[a].f.BestShare > pts[b].f.BestShare })
	var out []Fixed
	for _, p := range pts {
		if len(out) == 5 {
			break
		}
		if len(out) == 0 || out[len(out)-1].Settings != p.f.Settings {
			out = append(out, p.f)
		}
	}
	return out
}
