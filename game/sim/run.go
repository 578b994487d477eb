// Package sim plays a scenario: it holds the state of one run, resolves
// turns deterministically from (scenario, seed, decisions), and keeps the
// consequence ledger that explains every change to every indicator.
package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/keyholder-game/keyholder/game/scenario"
)

// Decision is what the player sets for one turn. Missing levers keep their
// current setting.
type Decision struct {
	Options map[string]string  `json:"options,omitempty"` // choice lever id -> option id
	Spend   map[string]float64 `json:"spend,omitempty"`   // spend lever id -> money this turn
	Answers map[string]string  `json:"answers,omitempty"` // event id of a pending dilemma -> choice id
	Reason  string             `json:"reason,omitempty"`  // the player's one-line reason
}

// Cause says what set an effect off.
type Cause struct {
	Kind   string  `json:"kind"` // "lever", "event", "choice", "condition", "drift", "limit"
	ID     string  `json:"id,omitempty"`
	Option string  `json:"option,omitempty"`
	Amount float64 `json:"amount,omitempty"`
	Turn   int     `json:"turn"`
	Label  string  `json:"label"`
}

// Entry is one line of the consequence ledger.
type Entry struct {
	Turn      int      `json:"turn"` // turn the change landed
	Indicator string   `json:"indicator"`
	Amount    float64  `json:"amount"`
	Effect    string   `json:"effect,omitempty"`
	Explain   string   `json:"explain"`
	Cause     Cause    `json:"cause"`
	Sources   []string `json:"sources,omitempty"`
}

// News is one event as the player reads it.
type News struct {
	Turn     int
	Event    string
	Title    string
	Text     string
	Location string
	Fiction  bool
	RealDate string // set when a real event is shown out of its time
	Sources  []string
	Dilemma  bool // has choices to answer next turn
}

// Change is one indicator's move over a turn.
type Change struct {
	Indicator     string
	Before, After float64
}

// Report is one resolved turn.
type Report struct {
	Turn     int
	Decision Decision
	Money    float64 // money spent
	Capital  float64 // capital spent
	News     []News
	Changes  []Change // every indicator, in scenario order
	Entries  []Entry  // ledger entries that landed this turn
	Warnings []string
	Ending   string // ending id if the game ended on this turn
}

// Dilemma is an event's question that must be answered this turn.
type Dilemma struct {
	Event *scenario.Event
	Turn  int // turn the event happened
}

// Cost is what a decision spends.
type Cost struct{ Money, Capital float64 }

// pulse is a scheduled contribution to one indicator.
type pulse struct {
	ind    int
	amount float64
	effect *scenario.Effect
	cause  *Cause // shared by the pulses of one firing; never changed after booking
}

// Run is one game in progress.
type Run struct {
	sc   *scenario.Scenario
	seed uint64
	rng  *rand.Rand
	turn int // the turn to decide now, 1-based

	values  []float64
	history [][]float64 // per indicator: start, then after each turn

	option     []int     // choice levers: option index held (-1 for spend levers)
	spend      []float64 // spend levers: amount held
	held       []int
	lastChange []int
	total      []float64 // spend levers: money put in so far
	leverKeys  []leverKeys
	eventKeys  map[string]eventKeys
	flagKeys   map[string]string
	capital    float64

	flags map[string]bool
	fired map[string]int
	last  map[string]int
	chose map[string]string

	prevWhen []bool // top-level effects: condition last turn, for on_start
	onceDone []bool
	causes   [][]int // top-level effects: lever indices their formulas read

	due      [][]pulse // by turn; due[t] lands on turn t
	byInd    []pulse   // scratch for land's sort by indicator
	indCount []int
	dilemmas []Dilemma

	env      map[string]any
	envCache envCache
	vm       vm.VM

	// Per-turn caches of ledger text, which is the same for every effect
	// that reads a lever (see leverCause) or for every turn (drift, limit).
	labels    []string // per lever; "" until needed this turn
	driftText []string
	limitText []string

	reports   []*Report
	ledger    []Entry
	decisions []Decision
	ending    *scenario.Ending
}

// New starts a run of sc with a seed. sc must have passed the checker.
func New(sc *scenario.Scenario, seed uint64) *Run {
	r := &Run{
		sc: sc, seed: seed, turn: 1,
		rng:   rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)),
		flags: map[string]bool{}, fired: map[string]int{}, last: map[string]int{}, chose: map[string]string{},
		due: make([][]pulse, sc.Meta.Turns+2),
	}
	r.values = make([]float64, len(sc.Indicators))
	r.history = make([][]float64, len(sc.Indicators))
	for i, ind := range sc.Indicators {
		r.values[i] = ind.Start
		r.history[i] = append(make([]float64, 0, sc.Meta.Turns+1), ind.Start)
	}
	n := len(sc.Levers)
	r.option, r.spend, r.held, r.lastChange = make([]int, n), make([]float64, n), make([]int, n), make([]int, n)
	for i := range sc.Levers {
		l := &sc.Levers[i]
		r.option[i] = -1
		if l.Kind == scenario.LeverChoice {
			r.option[i] = l.OptionIndex(l.StartOption())
		} else {
			r.spend[i] = l.Initial
		}
		r.lastChange[i] = -1 << 20 // never: no cooldown on turn 1
	}
	r.capital = sc.Budget.CapitalStart
	r.prevWhen = make([]bool, len(sc.Effects))
	r.onceDone = make([]bool, len(sc.Effects))
	r.causes = make([][]int, len(sc.Effects))
	for i := range sc.Effects {
		r.causes[i] = leversRead(sc, &sc.Effects[i])
	}
	r.env = sc.NewEnv()
	r.total = make([]float64, n)
	r.leverKeys = make([]leverKeys, n)
	for i, l := range sc.Levers {
		r.leverKeys[i] = leverKeys{scenario.Key(scenario.NSHeld, l.ID), scenario.Key(scenario.NSOption, l.ID),
			scenario.Key(scenario.NSTotal, l.ID)}
	}
	r.eventKeys = make(map[string]eventKeys, len(sc.Events))
	for _, e := range sc.Events {
		r.fired[e.ID], r.last[e.ID], r.chose[e.ID] = 0, 0, ""
		r.eventKeys[e.ID] = eventKeys{scenario.Key(scenario.NSFired, e.ID), scenario.Key(scenario.NSLast, e.ID),
			scenario.Key(scenario.NSChose, e.ID)}
	}
	r.flagKeys = map[string]string{}
	for f := range sc.Flags() {
		r.flags[f] = false
		r.flagKeys[f] = scenario.Key(scenario.NSFlag, f)
	}
	r.labels = make([]string, n)
	r.driftText = make([]string, len(sc.Indicators))
	r.limitText = make([]string, len(sc.Indicators))
	for i, ind := range sc.Indicators {
		base := ind.Start
		if ind.Baseline != nil {
			base = *ind.Baseline
		}
		r.driftText[i] = fmt.Sprintf("Without new pressure, %s drifts back toward %g.", ind.Name, base)
		r.limitText[i] = fmt.Sprintf("%s cannot go beyond %g..%g.", ind.Name, ind.Min, ind.Max)
	}
	r.syncEnv()
	return r
}

// Scenario is the scenario being played.
func (r *Run) Scenario() *scenario.Scenario { return r.sc }

// Seed is the run's seed.
func (r *Run) Seed() uint64 { return r.seed }

// Turn is the turn to decide now, 1-based; Turns()+1 once the game is over
// after the last turn.
func (r *Run) Turn() int { return r.turn }

// Turns is the scenario's number of turns.
func (r *Run) Turns() int { return r.sc.Meta.Turns }

// Date is the date the current turn starts.
func (r *Run) Date() time.Time {
	return r.sc.Meta.StartDate.AddDate(0, 0, (r.turn-1)*r.sc.Meta.TurnDays)
}

// Over reports whether an ending has been reached.
func (r *Run) Over() bool { return r.ending != nil }

// Ending is the ending reached, or nil.
func (r *Run) Ending() *scenario.Ending { return r.ending }

// Value is an indicator's current value (0 for an unknown id).
func (r *Run) Value(indicator string) float64 {
	if i := r.indicatorIndex(indicator); i >= 0 {
		return r.values[i]
	}
	return 0
}

// History is an indicator's value at the start and after each resolved turn.
func (r *Run) History(indicator string) []float64 {
	if i := r.indicatorIndex(indicator); i >= 0 {
		return append([]float64(nil), r.history[i]...)
	}
	return nil
}

// Option is the option id a choice lever holds.
func (r *Run) Option(lever string) string {
	if i := r.leverIndex(lever); i >= 0 && r.option[i] >= 0 {
		return r.sc.Levers[i].Options[r.option[i]].ID
	}
	return ""
}

// Spend is the amount a spend lever holds.
func (r *Run) Spend(lever string) float64 {
	if i := r.leverIndex(lever); i >= 0 {
		return r.spend[i]
	}
	return 0
}

// Money is the money available this turn.
func (r *Run) Money() float64 {
	if id := r.sc.Budget.Indicator; id != "" {
		return max(0, r.Value(id))
	}
	return r.sc.Budget.PerTurn
}

// Capital is the political capital available now.
func (r *Run) Capital() float64 { return r.capital }

// Pending lists the dilemmas this turn's decision must answer.
func (r *Run) Pending() []Dilemma { return append([]Dilemma(nil), r.dilemmas...) }

// Reports lists every resolved turn.
func (r *Run) Reports() []*Report { return r.reports }

// Ledger lists every change to every indicator, in order.
func (r *Run) Ledger() []Entry { return r.ledger }

// Why lists the ledger entries of one indicator, for one turn or (turn 0)
// the whole game.
func (r *Run) Why(indicator string, turn int) []Entry {
	var out []Entry
	for _, e := range r.ledger {
		if e.Indicator == indicator && (turn == 0 || e.Turn == turn) {
			out = append(out, e)
		}
	}
	return out
}

func (r *Run) indicatorIndex(id string) int {
	for i := range r.sc.Indicators {
		if r.sc.Indicators[i].ID == id {
			return i
		}
	}
	return -1
}

func (r *Run) leverIndex(id string) int {
	for i := range r.sc.Levers {
		if r.sc.Levers[i].ID == id {
			return i
		}
	}
	return -1
}

// syncEnv writes the run's state into the formula environment. It is
// called several times a turn, so it writes only what changed since the
// last call: boxing a float64 into the map allocates, and most values stay
// put between calls. Values are compared bit for bit, so -0 and NaN are
// written exactly as before.
func (r *Run) syncEnv() {
	env, c := r.env, &r.envCache
	if !c.valid {
		c.vals = make([]uint64, len(r.sc.Indicators))
		c.levers = make([]uint64, len(r.sc.Levers))
		c.held = make([]int, len(r.sc.Levers))
	}
	if !c.valid || c.turn != r.turn {
		env["turn"], c.turn = r.turn, r.turn
	}
	if m := math.Float64bits(r.Money()); !c.valid || c.money != m {
		env["money"], c.money = r.Money(), m
	}
	if m := math.Float64bits(r.capital); !c.valid || c.capital != m {
		env["capital"], c.capital = r.capital, m
	}
	for i, ind := range r.sc.Indicators {
		if b := math.Float64bits(r.values[i]); !c.valid || c.vals[i] != b {
			env[ind.ID], c.vals[i] = r.values[i], b
		}
	}
	for i := range r.sc.Levers {
		l := &r.sc.Levers[i]
		if !c.valid || c.held[i] != r.held[i] {
			env[r.leverKeys[i].held], c.held[i] = r.held[i], r.held[i]
		}
		if l.Kind == scenario.LeverSpend {
			if b := math.Float64bits(r.spend[i]); !c.valid || c.levers[i] != b {
				env[l.ID], c.levers[i] = r.spend[i], b
			}
		} else if b := uint64(r.option[i]); !c.valid || c.levers[i] != b {
			env[l.ID], c.levers[i] = r.option[i], b
			env[r.leverKeys[i].opt] = l.Options[r.option[i]].ID
		}
	}
	c.valid = true
}

// envCache is what syncEnv last wrote into the environment.
type envCache struct {
	valid          bool
	turn           int
	money, capital uint64
	vals, levers   []uint64
	held           []int
}

// leverKeys and eventKeys are the flat environment names of a lever's and an
// event's NS.ID values, made once so that turns build no strings.
type leverKeys struct{ held, opt, total string }

type eventKeys struct{ fired, last, chose string }
