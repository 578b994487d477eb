// Package analysis turns a finished run into the debrief's lists: the
// decisions taken turn by turn, the largest causes of the outcome from the
// ledger, and the sources the run drew on. Pure Go, no drawing.
package analysis

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Turn is what the player changed in one turn.
type Turn struct {
	Turn    int
	Changes []string // "Bridge barriers: £0m → £4m"
	Reason  string
}

// Decisions lists, for every resolved turn, the levers the player moved
// and the dilemmas answered. Turns with no change are kept (with no
// Changes) so the list matches the chart's turns.
func Decisions(sc *scenario.Scenario, reports []*sim.Report) []Turn {
	opt := map[string]string{}
	amt := map[string]float64{}
	for _, l := range sc.Levers {
		if l.Kind == scenario.LeverSpend {
			amt[l.ID] = l.Initial
		} else {
			opt[l.ID] = l.StartOption()
		}
	}
	unit := sc.Budget.Unit
	var out []Turn
	for _, rep := range reports {
		t := Turn{Turn: rep.Turn, Reason: rep.Decision.Reason}
		for _, l := range sc.Levers {
			if l.Kind == scenario.LeverSpend {
				if v, ok := rep.Decision.Spend[l.ID]; ok && v != amt[l.ID] {
					t.Changes = append(t.Changes, fmt.Sprintf("%s: %s → %s", l.Name, money(amt[l.ID], unit), money(v, unit)))
					amt[l.ID] = v
				}
				continue
			}
			if o, ok := rep.Decision.Options[l.ID]; ok && o != opt[l.ID] {
				t.Changes = append(t.Changes, fmt.Sprintf("%s: %s → %s", l.Name, label(&l, opt[l.ID]), label(&l, o)))
				opt[l.ID] = o
			}
		}
		for _, ev := range sortedKeys(rep.Decision.Answers) {
			e := sc.Event(ev)
			ch := rep.Decision.Answers[ev]
			if e == nil {
				continue
			}
			for _, c := range e.Choices {
				if c.ID == ch {
					t.Changes = append(t.Changes, fmt.Sprintf("%s: %s", e.Title, c.Label))
				}
			}
		}
		out = append(out, t)
	}
	return out
}

func label(l *scenario.Lever, id string) string {
	if i := l.OptionIndex(id); i >= 0 {
		return l.Options[i].Label
	}
	return id
}

func money(v float64, unit string) string { return Money(v, unit) }

// Money formats an amount in the scenario's unit: "£4m" for "£m", "4 k€"
// style units after the number.
func Money(v float64, unit string) string {
	s := Num(v)
	if unit == "" {
		return s
	}
	for _, sym := range []string{"£", "$", "€"} {
		if strings.HasPrefix(unit, sym) {
			return sym + s + unit[len(sym):]
		}
	}
	return s + " " + unit
}

// Num formats a value to one decimal, without a trailing ".0" or a "-0".
func Num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Cause is one cause's total effect on one indicator over the game.
type Cause struct {
	Label     string
	Kind      string
	Indicator string
	Total     float64 // sum of the ledger amounts
	Share     float64 // Total as a share of the indicator's range (signed)
	Turns     []int   // turns the contributions landed
	Sources   []string
}

var turnSuffix = regexp.MustCompile(`\s*\(turns? [0-9, –-]+\)$`)

// Causes adds up the ledger by cause and indicator and returns the n with
// the largest effect relative to each indicator's range. Drift is left out:
// it is the meters easing back, not a cause. Hidden indicators are kept
// only if keepHidden.
func Causes(sc *scenario.Scenario, ledger []sim.Entry, n int, keepHidden bool) []Cause {
	type key struct{ kind, id, option, ind string }
	idx := map[key]int{}
	var out []Cause
	for _, e := range ledger {
		if e.Cause.Kind == "drift" || e.Amount == 0 {
			continue
		}
		ind := sc.Indicator(e.Indicator)
		if ind == nil || (ind.Hidden && !keepHidden) {
			continue
		}
		k := key{e.Cause.Kind, e.Cause.ID, e.Cause.Option, e.Indicator}
		i, ok := idx[k]
		if !ok {
			lbl := turnSuffix.ReplaceAllString(e.Cause.Label, "")
			if lbl == "" {
				lbl = e.Cause.Kind + " " + e.Cause.ID
			}
			out = append(out, Cause{Label: lbl, Kind: e.Cause.Kind, Indicator: e.Indicator})
			i = len(out) - 1
			idx[k] = i
		}
		c := &out[i]
		c.Total += e.Amount
		if len(c.Turns) == 0 || c.Turns[len(c.Turns)-1] != e.Turn {
			c.Turns = append(c.Turns, e.Turn)
		}
		c.Sources = mergeIDs(c.Sources, e.Sources)
	}
	for i := range out {
		ind := sc.Indicator(out[i].Indicator)
		if r := ind.Max - ind.Min; r > 0 {
			out[i].Share = out[i].Total / r
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Share) > math.Abs(out[j].Share) })
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// SourcesUsed lists the ids of every source behind what happened in the
// run: ledger entries, news, and the ending. Sorted, no repeats.
func SourcesUsed(ledger []sim.Entry, reports []*sim.Report, ending *scenario.Ending) []string {
	var ids []string
	for _, e := range ledger {
		ids = mergeIDs(ids, e.Sources)
	}
	for _, r := range reports {
		for _, n := range r.News {
			ids = mergeIDs(ids, n.Sources)
		}
	}
	if ending != nil {
		ids = mergeIDs(ids, ending.Sources)
	}
	sort.Strings(ids)
	return ids
}

func mergeIDs(have, add []string) []string {
	for _, a := range add {
		found := false
		for _, h := range have {
			if h == a {
				found = true
				break
			}
		}
		if !found {
			have = append(have, a)
		}
	}
	return have
}

// DecisionTurns returns the turns in which the player changed something.
func DecisionTurns(ts []Turn) []int {
	var out []int
	for _, t := range ts {
		if len(t.Changes) > 0 {
			out = append(out, t.Turn)
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
