// Package bot holds strategies that play a scenario without a person:
// for balance statistics (kh sim) and for the checker's search for events
// and endings that no game reaches.
//
// Every strategy is deterministic: (scenario, game seed, strategy seed)
// always gives the same game. A strategy has its own random generator,
// separate from the run's, so that what a bot decides never shifts the
// dice the scenario rolls.
package bot

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Strategy decides one turn. Decide may ask for anything; Play trims the
// decision with Run.Fit so that it is affordable and allowed.
type Strategy interface {
	Decide(r *sim.Run) sim.Decision
}

// Spec names a strategy and makes a fresh one for each game.
type Spec struct {
	Name string                                            // as shown in output, e.g. "random" or "fixed mandate=ban"
	New  func(sc *scenario.Scenario, seed uint64) Strategy // seed: the strategy's own, not the game's
}

// ErrStuck means no affordable decision exists, not even holding still:
// the scenario let the player into a corner (e.g. an option whose running
// cost exceeds a shrinking budget, with a cooldown forbidding a switch).
var ErrStuck = errors.New("no affordable decision")

// StrategySeed derives a strategy's seed from a game seed, so that both
// come from one number yet draw from unrelated streams.
func StrategySeed(gameSeed uint64) uint64 { return splitmix(gameSeed ^ 0x5bd1e9955bd1e995) }

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Play runs one whole game of sc with seed, the strategy deciding every
// turn. The error wraps ErrStuck when the game cannot go on.
func Play(sc *scenario.Scenario, seed uint64, spec Spec) (*sim.Run, error) {
	r := sim.New(sc, seed)
	s := spec.New(sc, StrategySeed(seed))
	for !r.Over() {
		if err := Step(r, s); err != nil {
			return r, err
		}
	}
	return r, nil
}

// Step decides and resolves one turn.
func Step(r *sim.Run, s Strategy) error {
	d := r.Fit(s.Decide(r))
	if r.Check(d) != nil {
		// Fit cannot switch away from an option that has become too dear
		// to hold; retreat to the cheapest settings allowed.
		d = r.Fit(cheapest(r, d.Answers))
	}
	if _, err := r.Resolve(d); err != nil {
		return fmt.Errorf("turn %d: %w: %v", r.Turn(), ErrStuck, err)
	}
	return nil
}

// cheapest asks for the least money: every line at its minimum and every
// choice lever on its cheapest allowed option.
func cheapest(r *sim.Run, answers map[string]string) sim.Decision {
	sc := r.Scenario()
	d := sim.Decision{Options: map[string]string{}, Spend: map[string]float64{}, Answers: answers}
	for i := range sc.Levers {
		l := &sc.Levers[i]
		if l.Kind == scenario.LeverSpend {
			d.Spend[l.ID] = l.Min
			continue
		}
		best := r.Option(l.ID)
		bestCost := l.Options[l.OptionIndex(best)].Cost
		for _, o := range l.Options {
			if o.Cost < bestCost && r.Allowed(l.ID, o.ID) == nil {
				best, bestCost = o.ID, o.Cost
			}
		}
		d.Options[l.ID] = best
	}
	return d
}

func newRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, splitmix(seed))) }

// Hold never changes a lever and answers every dilemma with its first
// choice: the baseline of doing nothing.
func Hold() Spec {
	return Spec{Name: "hold", New: func(*scenario.Scenario, uint64) Strategy { return hold{} }}
}

type hold struct{}

func (hold) Decide(r *sim.Run) sim.Decision {
	d := sim.Decision{Answers: map[string]string{}}
	for _, dl := range r.Pending() {
		d.Answers[dl.Event.ID] = dl.Event.Choices[0].ID
	}
	return d
}

// Random re-rolls each lever with probability change every turn (1 = a new
// random setting on every lever every turn; lower values hold settings
// longer, as people do): a uniformly random allowed option, or a uniformly
// random amount on the lever's steps. Dilemmas get a random answer.
func Random(change float64) Spec {
	name := "random"
	if change != DefaultChange {
		name = fmt.Sprintf("random change=%g", change)
	}
	return Spec{Name: name, New: func(sc *scenario.Scenario, seed uint64) Strategy {
		return &random{rng: newRNG(seed), change: change}
	}}
}

// DefaultChange is the random strategy's usual chance of re-rolling a lever.
const DefaultChange = 0.5

type random struct {
	rng    *rand.Rand
	change float64
}

func (s *random) Decide(r *sim.Run) sim.Decision {
	sc := r.Scenario()
	d := sim.Decision{Options: map[string]string{}, Spend: map[string]float64{}, Answers: randomAnswers(r, s.rng)}
	var allowed []string
	for i := range sc.Levers {
		l := &sc.Levers[i]
		// Draw for every lever every turn so one lever's roll never shifts
		// another's.
		roll, pick := s.rng.Float64(), s.rng.Uint64()
		if roll >= s.change {
			continue
		}
		if l.Kind == scenario.LeverSpend {
			steps := uint64(math.Round((l.Max-l.Min)/l.Step)) + 1
			d.Spend[l.ID] = l.Min + float64(pick%steps)*l.Step
			continue
		}
		allowed = allowed[:0]
		for _, o := range l.Options {
			if r.Allowed(l.ID, o.ID) == nil {
				allowed = append(allowed, o.ID)
			}
		}
		if len(allowed) > 0 {
			d.Options[l.ID] = allowed[pick%uint64(len(allowed))]
		}
	}
	return d
}

func randomAnswers(r *sim.Run, rng *rand.Rand) map[string]string {
	out := map[string]string{}
	for _, dl := range r.Pending() {
		out[dl.Event.ID] = dl.Event.Choices[rng.IntN(len(dl.Event.Choices))].ID
	}
	return out
}

// Setting is one lever's fixed target: an option id for a choice lever, an
// amount for a spend lever; or a dilemma's answer (Lever is then an event id).
type Setting struct {
	Lever  string
	Option string
	Amount float64
}

// Fixed aims at one setting per named lever all game; other levers follow
// base (nil: they hold their starting settings). A choice lever that cannot
// jump to its target (max_step, cooldown, requires, capital) moves as close
// as it is allowed to and keeps trying. A budget line asks for its amount
// every turn; when money runs short, Run.Fit trims the largest lines first.
// Dilemmas named in settings get that answer; others are answered at random.
func Fixed(name string, settings []Setting, base *Spec) Spec {
	return Spec{Name: name, New: func(sc *scenario.Scenario, seed uint64) Strategy {
		// The base gets the seed itself so that a sweep's variants share its
		// random stream with the base strategy's own games.
		s := &fixed{rng: newRNG(splitmix(seed)), options: map[string]string{}, spend: map[string]float64{}, answers: map[string]string{}}
		if base != nil {
			s.base = base.New(sc, seed)
		}
		for _, st := range settings {
			switch l := sc.Lever(st.Lever); {
			case l == nil:
				s.answers[st.Lever] = st.Option
			case l.Kind == scenario.LeverSpend:
				s.spend[st.Lever] = st.Amount
			default:
				s.options[st.Lever] = st.Option
			}
		}
		return s
	}}
}

type fixed struct {
	rng     *rand.Rand
	base    Strategy
	options map[string]string
	spend   map[string]float64
	answers map[string]string
}

func (s *fixed) Decide(r *sim.Run) sim.Decision {
	sc := r.Scenario()
	var d sim.Decision
	if s.base != nil {
		d = s.base.Decide(r)
	}
	if d.Options == nil {
		d.Options = map[string]string{}
	}
	if d.Spend == nil {
		d.Spend = map[string]float64{}
	}
	// Roll for every pending dilemma, named or not, so that naming one
	// never shifts the answers to the others.
	answers := randomAnswers(r, s.rng)
	if d.Answers != nil {
		answers = d.Answers
	}
	for id, ch := range s.answers {
		if _, ok := answers[id]; ok {
			answers[id] = ch
		}
	}
	d.Answers = answers
	for id, v := range s.spend {
		d.Spend[id] = v
	}
	for id, target := range s.options {
		l := sc.Lever(id)
		if opt := toward(r, l, target); opt != "" {
			d.Options[id] = opt
		} else {
			delete(d.Options, id) // hold rather than let base wander off
		}
	}
	return d
}

// toward returns the allowed option nearest to target on the way from the
// current one ("" if none is allowed other than staying put).
func toward(r *sim.Run, l *scenario.Lever, target string) string {
	cur, tj := l.OptionIndex(r.Option(l.ID)), l.OptionIndex(target)
	for j := tj; j != cur; j -= sign(tj - cur) {
		if r.Allowed(l.ID, l.Options[j].ID) == nil {
			return l.Options[j].ID
		}
	}
	return ""
}

func sign(x int) int {
	if x < 0 {
		return -1
	}
	return 1
}
