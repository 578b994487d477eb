package sim

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/keyholder-game/keyholder/game/scenario"
)

// Resolve checks d, then plays the turn: decisions, effects, events,
// landing of everything due, drift, and endings.
func (r *Run) Resolve(d Decision) (*Report, error) {
	if err := r.Check(d); err != nil {
		return nil, err
	}
	d = normalise(d)
	rep := &Report{Turn: r.turn, Decision: d}
	if n := len(r.sc.Indicators); n > 0 {
		rep.Changes = make([]Change, 0, n)
	}
	cost := r.Cost(d)
	rep.Money, rep.Capital = cost.Money, cost.Capital
	before := append([]float64(nil), r.values...)

	r.apply(d, rep)
	r.syncEnv()
	r.fireEffects(rep)
	r.fireEvents(rep)
	r.land(rep)

	for i, ind := range r.sc.Indicators {
		rep.Changes = append(rep.Changes, Change{ind.ID, before[i], r.values[i]})
		r.history[i] = append(r.history[i], r.values[i])
	}
	r.syncEnv()
	if e := r.findEnding(rep); e != nil {
		r.ending = e
		rep.Ending = e.ID
	}
	r.capital = math.Min(r.capital+r.sc.Budget.CapitalPerTurn, r.capitalMax())
	r.decisions = append(r.decisions, d)
	r.reports = append(r.reports, rep)
	r.turn++
	r.syncEnv()
	return rep, nil
}

func (r *Run) capitalMax() float64 {
	if m := r.sc.Budget.CapitalMax; m > 0 {
		return m
	}
	return math.Inf(1)
}

// normalise copies d so that the record never shares maps with the caller.
func normalise(d Decision) Decision {
	out := Decision{Reason: strings.TrimSpace(d.Reason)}
	if len(d.Options) > 0 {
		out.Options = maps.Clone(d.Options)
	}
	if len(d.Spend) > 0 {
		out.Spend = maps.Clone(d.Spend)
	}
	if len(d.Answers) > 0 {
		out.Answers = maps.Clone(d.Answers)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// apply sets levers, pays capital and answers dilemmas.
func (r *Run) apply(d Decision, rep *Report) {
	for i := range r.sc.Levers {
		l := &r.sc.Levers[i]
		changed := false
		if l.Kind == scenario.LeverChoice {
			if id, ok := d.Options[l.ID]; ok {
				if j := l.OptionIndex(id); j != r.option[i] {
					r.option[i], changed = j, true
					r.capital -= l.Options[j].Capital
				}
			}
		} else {
			if v, ok := d.Spend[l.ID]; ok && v != r.spend[i] {
				r.spend[i], changed = v, true
			}
			r.total[i] += r.spend[i]
			r.env[r.leverKeys[i].total] = r.total[i]
		}
		if changed {
			r.held[i], r.lastChange[i] = 0, r.turn
		}
		r.held[i]++
	}
	dilemmas := r.dilemmas
	r.dilemmas = nil
	r.syncEnv()
	for _, dl := range dilemmas {
		ch := choiceByID(dl.Event, d.Answers[dl.Event.ID])
		r.chose[dl.Event.ID] = ch.ID
		r.env[r.eventKeys[dl.Event.ID].chose] = ch.ID
		r.capital -= ch.Capital
		r.setFlags(ch.Sets, ch.Clears)
		cause := Cause{Kind: "choice", ID: dl.Event.ID, Option: ch.ID, Turn: r.turn,
			Label: fmt.Sprintf("Your answer to %q: %s (turn %d)", dl.Event.Title, ch.Label, r.turn)}
		for k := range ch.Effects {
			r.schedule(&ch.Effects[k], cause, rep)
		}
	}
}

// setFlags switches flags on and off, in the run and in the environment.
func (r *Run) setFlags(sets, clears []string) {
	for _, f := range sets {
		r.flags[f] = true
		r.env[r.flagKeys[f]] = true
	}
	for _, f := range clears {
		r.flags[f] = false
		r.env[r.flagKeys[f]] = false
	}
}

// fireEffects runs every top-level effect whose condition holds.
func (r *Run) fireEffects(rep *Report) {
	clear(r.labels) // lever settings changed since the last turn
	for i := range r.sc.Effects {
		e := &r.sc.Effects[i]
		ok, err := e.When.Bool(&r.vm, r.env)
		if err != nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("effect %s: %v; treated as false", e.ID, err))
			ok = false
		}
		fire := ok
		switch e.Mode {
		case scenario.ModeOnStart:
			fire = ok && !r.prevWhen[i]
		case scenario.ModeOnce:
			fire = ok && !r.onceDone[i]
		}
		r.prevWhen[i] = ok
		if fire {
			r.onceDone[i] = true
			r.schedule(e, r.leverCause(i, e), rep)
		}
	}
}

// schedule works out an effect's value now and books it on the turns it
// lands on. Non-finite values are dropped with a warning.
func (r *Run) schedule(e *scenario.Effect, cause Cause, rep *Report) {
	v, err := e.Value.Number(&r.vm, r.env, 0)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		if err == nil {
			err = fmt.Errorf("gave %v", v)
		}
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("effect %s: %v; counted as 0", e.ID, err))
		return
	}
	if v == 0 {
		return
	}
	ind := r.indicatorIndex(e.Target)
	duration := max(e.Duration, 1)
	decay := e.Decay
	if decay == 0 {
		decay = 1
	}
	c := &cause
	for k := 0; k < duration; k++ {
		t := r.turn + e.Delay + k
		if t >= len(r.due) {
			break // lands after the game ends
		}
		r.due[t] = append(r.due[t], pulse{ind, v * math.Pow(decay, float64(k)), e, c})
	}
}

// fireEvents rolls every event whose condition holds, in file order.
func (r *Run) fireEvents(rep *Report) {
	for i := range r.sc.Events {
		e := &r.sc.Events[i]
		if n := r.fired[e.ID]; n > 0 && (!e.Repeat || r.turn-r.last[e.ID] <= e.Cooldown) {
			continue
		}
		ok, err := e.When.Bool(&r.vm, r.env)
		if err != nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("event %s: %v; treated as false", e.ID, err))
			continue
		}
		if !ok {
			continue
		}
		p, err := e.Chance.Number(&r.vm, r.env, 1)
		if err != nil || math.IsNaN(p) {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("event %s: chance %v; treated as 0", e.ID, orErr(err, p)))
			continue
		}
		if p < 1 && (p <= 0 || r.rng.Float64() >= p) {
			continue
		}
		r.fired[e.ID]++
		r.last[e.ID] = r.turn
		keys := r.eventKeys[e.ID]
		r.env[keys.fired], r.env[keys.last] = r.fired[e.ID], r.turn
		r.setFlags(e.Sets, e.Clears)
		cause := Cause{Kind: "event", ID: e.ID, Turn: r.turn, Label: fmt.Sprintf("%s (turn %d)", e.Title, r.turn)}
		for k := range e.Effects {
			r.schedule(&e.Effects[k], cause, rep)
		}
		rep.News = append(rep.News, News{Turn: r.turn, Event: e.ID, Title: e.Title, Text: e.Text,
			Location: e.Location, Fiction: e.Fiction, RealDate: e.RealDate, Sources: e.Sources, Dilemma: len(e.Choices) > 0})
		if len(e.Choices) > 0 {
			r.dilemmas = append(r.dilemmas, Dilemma{Event: e, Turn: r.turn})
		}
	}
}

func orErr(err error, v float64) any {
	if err != nil {
		return err
	}
	return v
}

// land applies everything due this turn, then drift, keeping values in
// range. Clamping and drift are ledger entries too, so an indicator's
// entries always add up to its change.
func (r *Run) land(rep *Report) {
	due := r.due[r.turn]
	r.due[r.turn] = nil
	due = r.sortByIndicator(due)
	start := len(r.ledger)
	// The report's entries are a view of this turn's part of the ledger, not
	// a second copy; the capacity limit keeps an append to one from
	// writing into the other.
	defer func() {
		if len(r.ledger) > start {
			rep.Entries = r.ledger[start:len(r.ledger):len(r.ledger)]
		}
	}()
	next := 0
	for i, ind := range r.sc.Indicators {
		raw := r.values[i]
		for ; next < len(due) && due[next].ind == i; next++ {
			p := due[next]
			raw += p.amount
			r.enter(Entry{Turn: r.turn, Indicator: ind.ID, Amount: p.amount, Effect: p.effect.ID,
				Explain: p.effect.Explain, Cause: *p.cause, Sources: p.effect.Sources})
		}
		if ind.Drift > 0 {
			base := ind.Start
			if ind.Baseline != nil {
				base = *ind.Baseline
			}
			if d := ind.Drift * (base - raw); math.Abs(d) > 1e-12 {
				raw += d
				r.enter(Entry{Turn: r.turn, Indicator: ind.ID, Amount: d,
					Explain: r.driftText[i],
					Cause:   Cause{Kind: "drift", Turn: r.turn, Label: "Drift toward the usual level"}})
			}
		}
		v := math.Max(ind.Min, math.Min(ind.Max, raw))
		if v != raw {
			r.enter(Entry{Turn: r.turn, Indicator: ind.ID, Amount: v - raw,
				Explain: r.limitText[i],
				Cause:   Cause{Kind: "limit", Turn: r.turn, Label: "Limit of the scale"}})
		}
		r.values[i] = v
	}
}

// sortByIndicator orders pulses by indicator, keeping booking order within
// one (a stable counting sort; the result lives in scratch space until the
// next call).
func (r *Run) sortByIndicator(due []pulse) []pulse {
	if len(due) < 2 {
		return due
	}
	if r.indCount == nil {
		r.indCount = make([]int, len(r.sc.Indicators)+1)
	}
	count := r.indCount
	clear(count)
	for _, p := range due {
		count[p.ind+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	out := slices.Grow(r.byInd[:0], len(due))[:len(due)]
	for _, p := range due {
		out[count[p.ind]] = p
		count[p.ind]++
	}
	r.byInd = out
	return out
}

func (r *Run) enter(e Entry) {
	if r.ledger == nil {
		// Room for a typical game up front: growing the ledger by doubling
		// copied more bytes than any other step of a turn.
		r.ledger = make([]Entry, 0, min(4096, r.sc.Meta.Turns*(len(r.sc.Indicators)+len(r.sc.Effects))))
	}
	r.ledger = append(r.ledger, e)
}

// findEnding picks the ending that applies after this turn, if any.
func (r *Run) findEnding(rep *Report) *scenario.Ending {
	last := r.turn >= r.sc.Meta.Turns
	for i := range r.sc.Endings {
		e := &r.sc.Endings[i]
		if !last && !e.Early {
			continue
		}
		ok, err := e.When.Bool(&r.vm, r.env)
		if err != nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("ending %s: %v; treated as false", e.ID, err))
			continue
		}
		if ok {
			return e
		}
	}
	return nil
}

// leverCause names the lever settings an effect reads, for the ledger.
func (r *Run) leverCause(i int, e *scenario.Effect) Cause {
	levers := r.causes[i]
	if len(levers) == 0 {
		return Cause{Kind: "condition", Turn: r.turn, Label: "Situation: " + orDefault(e.When.Src, "always")}
	}
	li := levers[0]
	l := &r.sc.Levers[li]
	c := Cause{Kind: "lever", ID: l.ID, Turn: r.turn, Label: r.leverLabel(li)}
	if l.Kind == scenario.LeverSpend {
		c.Amount = r.spend[li]
	} else {
		c.Option = l.Options[r.option[li]].ID
	}
	if len(levers) > 1 {
		labels := make([]string, len(levers))
		for n, li := range levers {
			labels[n] = r.leverLabel(li)
		}
		c.Label = strings.Join(labels, "; ")
	}
	return c
}

// leverLabel describes a lever's setting this turn; cached for the turn
// because many effects read the same lever.
func (r *Run) leverLabel(li int) string {
	if label := r.labels[li]; label != "" {
		return label
	}
	l := &r.sc.Levers[li]
	var label string
	if l.Kind == scenario.LeverSpend {
		// The turn, not "this turn": the entry may land turns later.
		label = fmt.Sprintf("%s: %g %s (turn %d)", l.Name, r.spend[li], r.sc.Budget.Unit, r.turn)
	} else {
		label = fmt.Sprintf("%s: %s", l.Name, l.Options[r.option[li]].Label)
		if since := r.lastChange[li]; since > 0 && since < r.turn {
			label += fmt.Sprintf(" (since turn %d)", since)
		}
	}
	r.labels[li] = label
	return label
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// leversRead lists, in scenario order, the levers an effect's formulas
// read: by id (its grade or amount) or as opt., held. or total.LEVER.
func leversRead(sc *scenario.Scenario, e *scenario.Effect) []int {
	seen := map[string]bool{}
	for _, f := range []scenario.Formula{e.When, e.Value} {
		for _, name := range f.Names() {
			if ns, id, ok := strings.Cut(name, "."); ok {
				if ns == scenario.NSOption || ns == scenario.NSHeld || ns == scenario.NSTotal {
					seen[id] = true
				}
				continue
			}
			seen[name] = true
		}
	}
	var out []int
	for i, l := range sc.Levers {
		if seen[l.ID] {
			out = append(out, i)
		}
	}
	return out
}
