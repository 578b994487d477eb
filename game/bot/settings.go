package bot

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/keyholder-game/keyholder/game/scenario"
)

// ParseSettings reads a fixed strategy's targets, written as
// "mandate=ban,barriers=8,summit=cooperate": a choice lever and an option
// id (or min/max for its first/last grade), a budget line and an amount
// (or min/max), or an event with a dilemma and a choice id.
func ParseSettings(sc *scenario.Scenario, spec string) ([]Setting, error) {
	var out []Setting
	seen := map[string]bool{}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, val, ok := strings.Cut(part, "=")
		id, val = strings.TrimSpace(id), strings.TrimSpace(val)
		if !ok || id == "" || val == "" {
			return nil, fmt.Errorf("%q: write LEVER=OPTION, e.g. mandate=%s", part, exampleOption(sc))
		}
		if seen[id] {
			return nil, fmt.Errorf("%s is set twice", id)
		}
		seen[id] = true
		st, err := parseSetting(sc, id, val)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func parseSetting(sc *scenario.Scenario, id, val string) (Setting, error) {
	if l := sc.Lever(id); l != nil {
		if l.Kind == scenario.LeverSpend {
			v, err := amount(l, val)
			return Setting{Lever: id, Amount: v}, err
		}
		switch val {
		case "min":
			val = l.Options[0].ID
		case "max":
			val = l.Options[len(l.Options)-1].ID
		}
		if l.OptionIndex(val) < 0 {
			return Setting{}, fmt.Errorf("%s has no option %q (options: %s, or min/max)", id, val, optionIDs(l))
		}
		return Setting{Lever: id, Option: val}, nil
	}
	if e := sc.Event(id); e != nil && len(e.Choices) > 0 {
		for _, c := range e.Choices {
			if c.ID == val {
				return Setting{Lever: id, Option: val}, nil
			}
		}
		ids := make([]string, len(e.Choices))
		for i, c := range e.Choices {
			ids[i] = c.ID
		}
		return Setting{}, fmt.Errorf("event %s has no choice %q (choices: %s)", id, val, strings.Join(ids, ", "))
	}
	ids := make([]string, len(sc.Levers))
	for i, l := range sc.Levers {
		ids[i] = l.ID
	}
	return Setting{}, fmt.Errorf("no lever or dilemma %q in this scenario (levers: %s)", id, strings.Join(ids, ", "))
}

func amount(l *scenario.Lever, val string) (float64, error) {
	switch val {
	case "min":
		return l.Min, nil
	case "max":
		return l.Max, nil
	}
	v, err := strconv.ParseFloat(val, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s: %q is not an amount (a number, min or max)", l.ID, val)
	}
	if v < l.Min || v > l.Max {
		return 0, fmt.Errorf("%s: %g is outside %g..%g", l.ID, v, l.Min, l.Max)
	}
	if k := math.Round((v - l.Min) / l.Step); math.Abs(v-l.Min-k*l.Step) > 1e-6*math.Max(1, l.Step) {
		return 0, fmt.Errorf("%s: %g is not a step of %g from %g", l.ID, v, l.Step, l.Min)
	}
	return v, nil
}

func optionIDs(l *scenario.Lever) string {
	ids := make([]string, len(l.Options))
	for i, o := range l.Options {
		ids[i] = o.ID
	}
	return strings.Join(ids, ", ")
}

func exampleOption(sc *scenario.Scenario) string {
	for _, l := range sc.Levers {
		if l.Kind == scenario.LeverChoice {
			return l.Options[len(l.Options)-1].ID
		}
	}
	return "max"
}

// FormatSettings writes settings back in ParseSettings' syntax.
func FormatSettings(settings []Setting) string {
	parts := make([]string, len(settings))
	for i, st := range settings {
		if st.Option != "" {
			parts[i] = st.Lever + "=" + st.Option
		} else {
			parts[i] = st.Lever + "=" + strconv.FormatFloat(st.Amount, 'g', -1, 64)
		}
	}
	return strings.Join(parts, ",")
}

// Variants lists one setting per lever option, for a sweep: every option of
// a choice lever; the minimum, middle step and maximum of a budget line.
func Variants(sc *scenario.Scenario) []Setting {
	var out []Setting
	for _, l := range sc.Levers {
		if l.Kind == scenario.LeverChoice {
			for _, o := range l.Options {
				out = append(out, Setting{Lever: l.ID, Option: o.ID})
			}
			continue
		}
		mid := l.Min + math.Round((l.Max-l.Min)/l.Step/2)*l.Step
		for _, v := range []float64{l.Min, mid, l.Max} {
			if n := len(out); n > 0 && out[n-1].Lever == l.ID && out[n-1].Amount == v {
				continue
			}
			out = append(out, Setting{Lever: l.ID, Amount: v})
		}
	}
	return out
}
