// Package report builds the after-action report of one finished (or
// stopped) run: the timeline with the student's reasons, charts of every
// visible indicator, the largest causes from the ledger, the discussion
// questions and every source the run cited with its evidence label. It
// renders Markdown and self-contained, printable HTML.
package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Report is everything an after-action report shows, worked out once so the
// Markdown and HTML renderings cannot disagree.
type Report struct {
	Title       string
	Summary     string
	Role        string
	ScenarioID  string
	Hash        string
	Seed        uint64
	Turns       int // turns in the scenario
	Played      int // turns resolved in the record
	Unit        string
	Ending      *Ending // nil if the record stops before an ending
	Timeline    []Turn
	Series      []Series // visible indicators, in scenario order
	Decided     []int    // turns in which the student changed something
	Outcomes    []Outcome
	Questions   []Question
	Facilitator string
	Sources     []Source // every source cited in the run, in scenario order
}

// Ending is the ending reached.
type Ending struct {
	ID, Title, Text, Assessment string
	Rating                      int
	Turn                        int
	Sources                     []Cite
}

// Cite is a source id with its evidence label, as shown next to a claim.
type Cite struct{ ID, Evidence string }

// Turn is one row of the timeline.
type Turn struct {
	Turn     int
	Date     time.Time
	Changes  []string // "Mandate: None → Notices"
	Answers  []string // "Tech summit: Work together"
	Reason   string   // the student's typed reason, as typed
	Money    float64  // money spent
	Capital  float64  // capital spent
	News     []News
	Moves    []Move // the largest indicator changes of the turn
	Ending   string // ending title if the game ended this turn
	Warnings []string
}

// Decided reports whether the student changed a lever or answered a dilemma.
func (t Turn) Decided() bool { return len(t.Changes) > 0 || len(t.Answers) > 0 }

// News is one headline of a turn.
type News struct {
	Title, Text string
	Fiction     bool   // a scenario event: it did not really happen
	RealDate    string // a real event shown out of its time: when it happened
	Dilemma     bool
	Sources     []Cite
}

// Move is one indicator's change over a turn and its largest cause.
type Move struct {
	Name          string
	Before, After float64
	Cause         string
}

// Series is one indicator's values: at the start, then after each turn.
type Series struct {
	ID, Name, Unit, Good string
	Min, Max             float64
	Values               []float64
}

// Outcome is one visible indicator's change over the game and its largest
// causes.
type Outcome struct {
	Name         string
	Good         string
	Start, Final float64
	Causes       []Cause
}

// Cause is the ledger summed by effect and cause: one policy held for ten
// turns is one cause.
type Cause struct {
	Amount   float64
	Label    string // what set it off
	Explain  string // why, in the scenario's words
	Effect   string // effect id; "" for drift and limits
	Kind     string // lever, event, choice, condition, drift, limit
	CausedOn []int  // turns the cause happened (decision or event turn)
	Landed   []int  // turns the changes landed
	Sources  []Cite
}

// Question is one discussion question.
type Question struct {
	Text    string
	Turn    int // a turn to pause and ask it; 0 = at the debrief
	Sources []Cite
}

// Source is one cited source in full.
type Source struct {
	ID, Title, Outlet, Date, URL, Quote, Note, Evidence string
	Known                                               bool // false if the scenario has no source of that id
}

// CausesPerIndicator is how many causes each outcome lists.
const CausesPerIndicator = 4

// MovesPerTurn is how many indicator changes each timeline row lists.
const MovesPerTurn = 3

// FromRecord replays rec against sc and builds its report.
func FromRecord(sc *scenario.Scenario, rec sim.Record) (*Report, *sim.Run, error) {
	r, err := sim.Replay(sc, rec)
	if err != nil {
		return nil, nil, err
	}
	return Build(r), r, nil
}

// Build makes the report of a run as it stands.
func Build(r *sim.Run) *Report {
	sc := r.Scenario()
	rep := &Report{Title: sc.Meta.Title, Summary: sc.Meta.Summary, Role: sc.Meta.Role, ScenarioID: sc.Meta.ID,
		Hash: sc.Hash, Seed: r.Seed(), Turns: sc.Meta.Turns, Played: len(r.Reports()), Unit: sc.Budget.Unit,
		Facilitator: sc.Debrief.Facilitator}
	cited := newCiteSet(sc)
	if e := r.Ending(); e != nil {
		rep.Ending = &Ending{ID: e.ID, Title: e.Title, Text: e.Text, Assessment: e.Assessment, Rating: e.Rating,
			Turn: rep.Played, Sources: cited.add(e.Sources)}
	}
	rep.Timeline = timeline(r, cited)
	for _, t := range rep.Timeline {
		if t.Decided() {
			rep.Decided = append(rep.Decided, t.Turn)
		}
	}
	for _, ind := range sc.Indicators {
		if ind.Hidden {
			continue
		}
		h := r.History(ind.ID)
		rep.Series = append(rep.Series, Series{ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Good: ind.Good,
			Min: ind.Min, Max: ind.Max, Values: h})
		o := Outcome{Name: ind.Name, Good: ind.Good, Start: h[0], Final: h[len(h)-1]}
		groups := Group(sc, r.Why(ind.ID, 0))
		for _, g := range groups {
			if len(o.Causes) == CausesPerIndicator || math.Abs(g.Amount) < 0.05 {
				break
			}
			g.Sources = cited.addCites(g.Sources)
			o.Causes = append(o.Causes, g)
		}
		rep.Outcomes = append(rep.Outcomes, o)
	}
	// Every ledger entry cites its effect's sources, even the small ones
	// left out of the outcome lists: the source list covers the whole run.
	for _, e := range r.Ledger() {
		cited.add(e.Sources)
	}
	for _, q := range sc.Debrief.Questions {
		rep.Questions = append(rep.Questions, Question{Text: q.Text, Turn: q.Turn, Sources: cited.add(q.Sources)})
	}
	rep.Sources = cited.list()
	return rep
}

// timeline describes each resolved turn, tracking the settings held so a
// decision reads as a change from what stood before.
func timeline(r *sim.Run, cited *citeSet) []Turn {
	sc := r.Scenario()
	held := newHeld(sc)
	var out []Turn
	for _, rp := range r.Reports() {
		t := Turn{Turn: rp.Turn, Date: sc.Meta.StartDate.AddDate(0, 0, (rp.Turn-1)*sc.Meta.TurnDays),
			Reason: rp.Decision.Reason, Money: rp.Money, Capital: rp.Capital, Warnings: rp.Warnings}
		t.Changes = held.apply(rp.Decision)
		for i := range sc.Levers {
			l := &sc.Levers[i]
			// The sources behind an option the student chose were read before choosing.
			if j := l.OptionIndex(rp.Decision.Options[l.ID]); j >= 0 {
				cited.add(l.Sources)
				cited.add(l.Options[j].Sources)
			}
			if _, ok := rp.Decision.Spend[l.ID]; ok {
				cited.add(l.Sources)
			}
		}
		for _, e := range sc.Events {
			if id, ok := rp.Decision.Answers[e.ID]; ok {
				label := id
				for _, ch := range e.Choices {
					if ch.ID == id {
						label = ch.Label
						cited.add(ch.Sources)
					}
				}
				t.Answers = append(t.Answers, fmt.Sprintf("%s: %s", e.Title, label))
			}
		}
		for _, n := range rp.News {
			t.News = append(t.News, News{Title: n.Title, Text: n.Text, Fiction: n.Fiction, RealDate: n.RealDate, Dilemma: n.Dilemma,
				Sources: cited.add(n.Sources)})
		}
		t.Moves = moves(sc, rp)
		if rp.Ending != "" {
			if e := sc.Ending(rp.Ending); e != nil {
				t.Ending = e.Title
			}
		}
		out = append(out, t)
	}
	return out
}

// moves lists a turn's largest indicator changes, measured against each
// indicator's range so meters of different scales compare fairly.
func moves(sc *scenario.Scenario, rp *sim.Report) []Move {
	type scored struct {
		m     Move
		score float64
	}
	var all []scored
	for _, ch := range rp.Changes {
		ind := sc.Indicator(ch.Indicator)
		if ind == nil || ind.Hidden || math.Abs(ch.After-ch.Before) < 0.05 {
			continue
		}
		var entries []sim.Entry
		for _, e := range rp.Entries {
			if e.Indicator == ch.Indicator {
				entries = append(entries, e)
			}
		}
		m := Move{Name: ind.Name, Before: ch.Before, After: ch.After}
		if g := Group(sc, entries); len(g) > 0 {
			m.Cause = g[0].Label
		}
		all = append(all, scored{m, math.Abs(ch.After-ch.Before) / math.Max(ind.Max-ind.Min, 1e-9)})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []Move
	for i := 0; i < len(all) && i < MovesPerTurn; i++ {
		out = append(out, all[i].m)
	}
	return out
}

// Group sums ledger entries by effect and cause, largest first. Sources are
// filled with ids only (Evidence empty) unless cited through a report.
func Group(sc *scenario.Scenario, entries []sim.Entry) []Cause {
	idx := map[string]int{}
	var out []Cause
	for _, e := range entries {
		key := e.Effect + "|" + e.Cause.Kind + "|" + e.Cause.ID + "|" + e.Cause.Option
		if e.Cause.Kind == "event" || e.Cause.Kind == "choice" {
			key += "|" + strconv.Itoa(e.Cause.Turn) // each happening of an event is its own cause
		}
		i, ok := idx[key]
		if !ok {
			i = len(out)
			idx[key] = i
			c := Cause{Label: causeLabel(sc, e.Cause), Explain: e.Explain, Effect: e.Effect, Kind: e.Cause.Kind}
			for _, id := range e.Sources {
				c.Sources = append(c.Sources, Cite{ID: id})
			}
			out = append(out, c)
		}
		c := &out[i]
		c.Amount += e.Amount
		c.CausedOn = addTurn(c.CausedOn, e.Cause.Turn)
		c.Landed = addTurn(c.Landed, e.Turn)
	}
	sort.SliceStable(out, func(a, b int) bool { return math.Abs(out[a].Amount) > math.Abs(out[b].Amount) })
	return out
}

func addTurn(ts []int, t int) []int {
	for _, x := range ts {
		if x == t {
			return ts
		}
	}
	ts = append(ts, t)
	sort.Ints(ts)
	return ts
}

// causeLabel names a cause without the turn-specific detail of the engine's
// label ("since turn 3", "10 £m this turn"), so one policy groups as one.
func causeLabel(sc *scenario.Scenario, c sim.Cause) string {
	if c.Kind != "lever" {
		return strings.TrimSuffix(c.Label, fmt.Sprintf(" (turn %d)", c.Turn))
	}
	l := sc.Lever(c.ID)
	if l == nil {
		return c.Label
	}
	label := l.Name + " (budget line)"
	if l.Kind == scenario.LeverChoice {
		label = l.Name + ": " + optionLabel(l, c.Option)
	}
	// An effect that reads several levers is grouped by the first; the
	// others are named but not their settings, which may have varied.
	if parts := strings.Split(c.Label, "; "); len(parts) > 1 {
		var others []string
		for _, p := range parts[1:] {
			name, _, _ := strings.Cut(p, ":")
			others = append(others, name)
		}
		label += " (with " + strings.Join(others, ", ") + ")"
	}
	return label
}

func optionLabel(l *scenario.Lever, id string) string {
	if i := l.OptionIndex(id); i >= 0 {
		return l.Options[i].Label
	}
	return id
}

// held tracks each lever's setting through a record's decisions.
type held struct {
	sc     *scenario.Scenario
	option map[string]string
	spend  map[string]float64
}

func newHeld(sc *scenario.Scenario) *held {
	h := &held{sc: sc, option: map[string]string{}, spend: map[string]float64{}}
	for _, l := range sc.Levers {
		if l.Kind == scenario.LeverSpend {
			h.spend[l.ID] = l.Initial
		} else {
			h.option[l.ID] = l.StartOption()
		}
	}
	return h
}

// apply moves the settings on by one decision and describes what changed.
func (h *held) apply(d sim.Decision) []string {
	var out []string
	for i := range h.sc.Levers {
		l := &h.sc.Levers[i]
		if l.Kind == scenario.LeverSpend {
			if v, ok := d.Spend[l.ID]; ok && v != h.spend[l.ID] {
				out = append(out, fmt.Sprintf("%s: %s → %s", l.Name, analysis.Money(h.spend[l.ID], h.sc.Budget.Unit), analysis.Money(v, h.sc.Budget.Unit)))
				h.spend[l.ID] = v
			}
			continue
		}
		if id, ok := d.Options[l.ID]; ok && id != h.option[l.ID] {
			out = append(out, fmt.Sprintf("%s: %s → %s", l.Name, optionLabel(l, h.option[l.ID]), optionLabel(l, id)))
			h.option[l.ID] = id
		}
	}
	return out
}

// Signed formats a change with its sign.
func Signed(v float64) string {
	if math.Round(v*10) == 0 {
		return "±0"
	}
	if v > 0 {
		return "+" + analysis.Num(v)
	}
	return "−" + analysis.Num(-v)
}

// Turns formats a list of turns compactly: "3", "3-5", "1, 4-6".
func Turns(ts []int) string {
	var parts []string
	for i := 0; i < len(ts); {
		j := i
		for j+1 < len(ts) && ts[j+1] == ts[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ts[i], ts[j]))
		} else {
			parts = append(parts, strconv.Itoa(ts[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// citeSet collects every source the report cites.
type citeSet struct {
	sc   *scenario.Scenario
	seen map[string]bool
}

func newCiteSet(sc *scenario.Scenario) *citeSet { return &citeSet{sc: sc, seen: map[string]bool{}} }

func (c *citeSet) add(ids []string) []Cite {
	var out []Cite
	for _, id := range ids {
		c.seen[id] = true
		out = append(out, Cite{ID: id, Evidence: c.evidence(id)})
	}
	return out
}

func (c *citeSet) addCites(cs []Cite) []Cite {
	ids := make([]string, len(cs))
	for i, x := range cs {
		ids[i] = x.ID
	}
	return c.add(ids)
}

func (c *citeSet) evidence(id string) string {
	if s := c.sc.Source(id); s != nil {
		return s.Evidence
	}
	return "unknown source"
}

// list returns the cited sources in the scenario's order, then any ids the
// scenario does not define (a checked scenario has none).
func (c *citeSet) list() []Source {
	var out []Source
	known := map[string]bool{}
	for _, s := range c.sc.Sources {
		known[s.ID] = true
		if c.seen[s.ID] {
			out = append(out, Source{ID: s.ID, Title: s.Title, Outlet: s.Outlet, Date: s.Date, URL: s.URL,
				Quote: s.Quote, Note: s.Note, Evidence: s.Evidence, Known: true})
		}
	}
	var unknown []string
	for id := range c.seen {
		if !known[id] {
			unknown = append(unknown, id)
		}
	}
	sort.Strings(unknown)
	for _, id := range unknown {
		out = append(out, Source{ID: id, Title: "(not defined in the scenario)", Evidence: "unknown source"})
	}
	return out
}
