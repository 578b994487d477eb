package sim

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/keyholder-game/keyholder/game/scenario"
)

// MaxReason caps the player's typed reason, which lands in shared records.
const MaxReason = 500

// Cost is what decision d would spend this turn: money for every option held
// and every amount set, capital for every option switched to and every
// dilemma answer.
func (r *Run) Cost(d Decision) Cost {
	var c Cost
	for i := range r.sc.Levers {
		l := &r.sc.Levers[i]
		if l.Kind == scenario.LeverSpend {
			amount := r.spend[i]
			if v, ok := d.Spend[l.ID]; ok {
				amount = v
			}
			c.Money += amount
			continue
		}
		k := r.option[i]
		if id, ok := d.Options[l.ID]; ok {
			if j := l.OptionIndex(id); j >= 0 && j != k {
				k = j
				c.Capital += l.Options[j].Capital
			}
		}
		c.Money += l.Options[k].Cost
	}
	for _, dl := range r.dilemmas {
		if ch := choiceByID(dl.Event, d.Answers[dl.Event.ID]); ch != nil {
			c.Money += ch.Cost
			c.Capital += ch.Capital
		}
	}
	return c
}

func choiceByID(e *scenario.Event, id string) *scenario.Choice {
	for i := range e.Choices {
		if e.Choices[i].ID == id {
			return &e.Choices[i]
		}
	}
	return nil
}

// Allowed says whether a choice lever may move to option this turn; nil if
// it may (holding the current option is always allowed).
func (r *Run) Allowed(lever, option string) error {
	i := r.leverIndex(lever)
	if i < 0 {
		return fmt.Errorf("there is no lever %q", lever)
	}
	l := &r.sc.Levers[i]
	if l.Kind != scenario.LeverChoice {
		return fmt.Errorf("%s is a budget line: set an amount, not an option", l.Name)
	}
	j := l.OptionIndex(option)
	if j < 0 {
		return fmt.Errorf("%s has no option %q", l.Name, option)
	}
	if j == r.option[i] {
		return nil
	}
	if err := r.changeAllowed(i); err != nil {
		return err
	}
	if l.MaxStep > 0 && abs(j-r.option[i]) > l.MaxStep {
		return fmt.Errorf("%s can move at most %d step(s) a turn", l.Name, l.MaxStep)
	}
	o := &l.Options[j]
	if o.Requires.Set() {
		ok, err := o.Requires.Bool(&r.vm, r.env)
		if err != nil || !ok {
			return fmt.Errorf("%q is not available yet (needs %s)", o.Label, o.Requires.Src)
		}
	}
	if o.Capital > r.capital {
		return fmt.Errorf("%q needs %g %s; you have %g", o.Label, o.Capital, r.capitalName(), r.capital)
	}
	return nil
}

func (r *Run) changeAllowed(i int) error {
	l := &r.sc.Levers[i]
	if l.Cooldown > 0 && r.turn-r.lastChange[i] <= l.Cooldown {
		return fmt.Errorf("%s was changed on turn %d and can change again on turn %d", l.Name, r.lastChange[i],
			r.lastChange[i]+l.Cooldown+1)
	}
	return nil
}

func (r *Run) capitalName() string {
	if n := r.sc.Budget.CapitalName; n != "" {
		return strings.ToLower(n)
	}
	return "political capital"
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Check validates a decision for this turn: every id known, every amount
// in range and on a step, every pending dilemma answered, and money and
// capital enough. It lists every problem, not just the first.
func (r *Run) Check(d Decision) error {
	if r.Over() {
		return errors.New("the game is over")
	}
	var errs []error
	for _, id := range sortedKeys(d.Options) {
		i := r.leverIndex(id)
		if i < 0 || r.sc.Levers[i].Kind != scenario.LeverChoice {
			errs = append(errs, fmt.Errorf("there is no choice lever %q", id))
			continue
		}
		if err := r.Allowed(id, d.Options[id]); err != nil {
			errs = append(errs, err)
		}
	}
	for _, id := range sortedKeys(d.Spend) {
		i := r.leverIndex(id)
		if i < 0 || r.sc.Levers[i].Kind != scenario.LeverSpend {
			errs = append(errs, fmt.Errorf("there is no budget line %q", id))
			continue
		}
		if err := r.checkAmount(i, d.Spend[id]); err != nil {
			errs = append(errs, err)
		}
	}
	pending := map[string]bool{}
	for _, dl := range r.dilemmas {
		pending[dl.Event.ID] = true
		ans, ok := d.Answers[dl.Event.ID]
		if !ok {
			errs = append(errs, fmt.Errorf("answer the dilemma %q (%s)", dl.Event.Title, choiceIDs(dl.Event)))
		} else if choiceByID(dl.Event, ans) == nil {
			errs = append(errs, fmt.Errorf("%q is not an answer to %q (%s)", ans, dl.Event.Title, choiceIDs(dl.Event)))
		}
	}
	for _, id := range sortedKeys(d.Answers) {
		if !pending[id] {
			errs = append(errs, fmt.Errorf("no dilemma %q is waiting for an answer", id))
		}
	}
	if len([]rune(d.Reason)) > MaxReason {
		errs = append(errs, fmt.Errorf("the reason is longer than %d characters", MaxReason))
	}
	c := r.Cost(d)
	if c.Money > r.Money()+1e-9 {
		errs = append(errs, fmt.Errorf("this costs %g %s but %g is available", c.Money, r.sc.Budget.Unit, r.Money()))
	}
	if c.Capital > r.capital+1e-9 {
		errs = append(errs, fmt.Errorf("this needs %g %s but you have %g", c.Capital, r.capitalName(), r.capital))
	}
	return errors.Join(errs...)
}

// choiceIDs names the answers as the player sees them.
func choiceIDs(e *scenario.Event) string {
	labels := make([]string, len(e.Choices))
	for i, c := range e.Choices {
		labels[i] = fmt.Sprintf("%q", c.Label)
	}
	if len(labels) < 2 {
		return "choose " + strings.Join(labels, "")
	}
	return "choose " + strings.Join(labels[:len(labels)-1], ", ") + " or " + labels[len(labels)-1]
}

func (r *Run) checkAmount(i int, v float64) error {
	l := &r.sc.Levers[i]
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%s: %v is not an amount", l.Name, v)
	case v < l.Min-1e-9 || v > l.Max+1e-9:
		return fmt.Errorf("%s: %g is outside %g..%g", l.Name, v, l.Min, l.Max)
	case !onStep(v-l.Min, l.Step):
		return fmt.Errorf("%s: %g is not a step of %g from %g", l.Name, v, l.Step, l.Min)
	case v != r.spend[i]:
		return r.changeAllowed(i)
	}
	return nil
}

func onStep(x, step float64) bool {
	if step <= 0 {
		return true
	}
	k := math.Round(x / step)
	return math.Abs(x-k*step) < 1e-6*math.Max(1, step)
}

// Fit returns d trimmed until it is affordable: unaffordable or disallowed
// option switches are dropped, then the largest spend lines are cut a step
// at a time. Bots use it; the UI uses it to suggest a budget that fits.
func (r *Run) Fit(d Decision) Decision {
	out := Decision{Options: map[string]string{}, Spend: map[string]float64{}, Answers: map[string]string{}, Reason: d.Reason}
	capital := r.capital
	for _, dl := range r.dilemmas {
		if ch := choiceByID(dl.Event, d.Answers[dl.Event.ID]); ch != nil && ch.Capital <= capital {
			out.Answers[dl.Event.ID] = ch.ID
			capital -= ch.Capital
		} else { // the cheapest answer
			best := &dl.Event.Choices[0]
			for k := range dl.Event.Choices {
				if dl.Event.Choices[k].Capital+dl.Event.Choices[k].Cost < best.Capital+best.Cost {
					best = &dl.Event.Choices[k]
				}
			}
			out.Answers[dl.Event.ID] = best.ID
			capital -= best.Capital
		}
	}
	for i := range r.sc.Levers {
		l := &r.sc.Levers[i]
		if l.Kind == scenario.LeverChoice {
			if id, ok := d.Options[l.ID]; ok && r.Allowed(l.ID, id) == nil {
				if j := l.OptionIndex(id); j != r.option[i] && l.Options[j].Capital <= capital {
					capital -= l.Options[j].Capital
					out.Options[l.ID] = id
				}
			}
			continue
		}
		v, ok := d.Spend[l.ID]
		if !ok {
			v = r.spend[i]
		}
		v = math.Max(l.Min, math.Min(l.Max, v))
		v = l.Min + math.Round((v-l.Min)/l.Step)*l.Step
		if v != r.spend[i] && r.changeAllowed(i) != nil {
			v = r.spend[i]
		}
		out.Spend[l.ID] = v
	}
	for guard := 0; r.Cost(out).Money > r.Money()+1e-9 && guard < 100000; guard++ {
		// Cut the largest line that may still change, by one step.
		best := -1
		for i := range r.sc.Levers {
			l := &r.sc.Levers[i]
			if l.Kind != scenario.LeverSpend || out.Spend[l.ID]-l.Step < l.Min-1e-9 {
				continue
			}
			if out.Spend[l.ID] != r.spend[i] || r.changeAllowed(i) == nil {
				if best < 0 || out.Spend[l.ID] > out.Spend[r.sc.Levers[best].ID] {
					best = i
				}
			}
		}
		if best < 0 {
			break // only options cost money now; drop switches to costlier ones
		}
		out.Spend[r.sc.Levers[best].ID] -= r.sc.Levers[best].Step
	}
	if r.Cost(out).Money > r.Money()+1e-9 {
		for id := range out.Options {
			delete(out.Options, id)
		}
	}
	return out
}
