// Package class sums up a class's run records offline, without accounts:
// how many students played which scenario version, the endings they
// reached, how long each option was held, where the meters finished, the
// reasons students typed grouped by decision, and the turns on which the
// class decided most differently. Damaged, foreign or unmatched records are
// reported by file name and left out; nothing in a record can stop the
// summary.
package class

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// File is one record read from disk.
type File struct {
	Name   string
	Record sim.Record
}

// Skipped is a file left out of the summary, and why.
type Skipped struct {
	File string `json:"file"`
	Why  string `json:"why"`
}

// Summary is the whole class.
type Summary struct {
	Records int       `json:"records"` // record files read, not counting unreadable ones
	Counted int       `json:"counted"` // records in the summary
	Groups  []*Group  `json:"groups"`  // one per scenario version, largest first
	Skipped []Skipped `json:"skipped"` // files left out
	Notes   []string  `json:"notes"`   // class-wide messages, e.g. mixed versions
	Refused []Refusal `json:"refused"` // scenario versions that could not be matched
}

// Refusal is a scenario version the summary could not use, with its files.
type Refusal struct {
	Scenario string   `json:"scenario"`
	Hash     string   `json:"hash"`
	Files    []string `json:"files"`
	Why      string   `json:"why"`
}

// Group sums up the records of one scenario version.
type Group struct {
	Scenario   string          `json:"scenario"`
	Title      string          `json:"title"`
	Hash       string          `json:"hash"`
	Files      []string        `json:"files"`
	Students   int             `json:"students"` // one record is one student (or pair)
	Finished   int             `json:"finished"`
	Turns      int             `json:"turns"`        // turns in the scenario
	TurnsTotal int             `json:"turns_played"` // turns resolved over all records
	Unit       string          `json:"unit"`
	Endings    []EndingCount   `json:"endings"`
	Levers     []LeverStats    `json:"levers"`
	Dilemmas   []DilemmaStats  `json:"dilemmas"`
	Indicators []IndicatorStat `json:"indicators"`
	Reasons    []ReasonGroup   `json:"reasons"`
	Splits     []TurnSplit     `json:"splits"` // the turns the class decided most differently, most first
}

// EndingCount is how many students reached one ending. ID is "" for
// records that stop before an ending.
type EndingCount struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Rating int     `json:"rating"`
	Count  int     `json:"count"`
	Share  float64 `json:"share"`
}

// LeverStats is how a lever was set over every turn every student played.
type LeverStats struct {
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Kind    string        `json:"kind"`
	Options []OptionShare `json:"options,omitempty"` // choice levers, in scenario order
	Average float64       `json:"average_spend"`     // spend levers: mean amount per turn
	Min     float64       `json:"min_spend"`
	Max     float64       `json:"max_spend"`
	Turns   int           `json:"turns"` // turns counted
}

// OptionShare is the share of turns one option was held.
type OptionShare struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	Turns int     `json:"turns"`
	Share float64 `json:"share"`
}

// DilemmaStats is how students answered one event's dilemma.
type DilemmaStats struct {
	Event   string  `json:"event"`
	Title   string  `json:"title"`
	Answers []Count `json:"answers"`
}

// Count is a labelled count.
type Count struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// IndicatorStat is where a visible indicator finished across the class.
type IndicatorStat struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Good  string  `json:"good"`
	Start float64 `json:"start"`
	Mean  float64 `json:"mean"`
	Min   float64 `json:"min"`
	Max   float64 `json:"max"`
}

// ReasonGroup is the reasons typed with one decision.
type ReasonGroup struct {
	Decision string   `json:"decision"` // "Mandate: Notices", "Tech summit: Work together"
	Students int      `json:"students"` // students who took it
	Reasons  []Reason `json:"reasons"`
}

// Reason is one typed reason (identical ones merged) and the turns typed.
type Reason struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
	Turns []int  `json:"turns"`
}

// TurnSplit is how differently the class decided on one turn.
type TurnSplit struct {
	Turn     int          `json:"turn"`
	Students int          `json:"students"` // students who played the turn
	Score    float64      `json:"score"`    // summed diversity of every lever and dilemma, 0 = all alike
	Levers   []LeverSplit `json:"levers"`   // the levers that split the class, most first
}

// LeverSplit is what students did with one lever (or dilemma) on a turn.
type LeverSplit struct {
	Name      string  `json:"name"`
	Diversity float64 `json:"diversity"` // chance two students picked at random did differently
	Counts    []Count `json:"counts"`
}

// MaxSplits is how many turns Group.Splits lists.
const MaxSplits = 3

const emptyFolder = "folder holds no *.json record files"

// Load reads record files, expanding folders to the *.json files directly
// inside them. Anything that cannot be read as a record is skipped.
func Load(paths []string) ([]File, []Skipped) {
	var files []File
	var skipped []Skipped
	for _, p := range paths {
		names := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			names, _ = filepath.Glob(filepath.Join(p, "*.json"))
			sort.Strings(names)
			if len(names) == 0 {
				skipped = append(skipped, Skipped{File: p, Why: emptyFolder})
			}
		}
		for _, name := range names {
			rec, err := sim.LoadRecord(name)
			if err != nil {
				skipped = append(skipped, Skipped{File: name, Why: strings.TrimPrefix(err.Error(), name+": ")})
				continue
			}
			files = append(files, File{Name: name, Record: rec})
		}
	}
	return files, skipped
}

// Aggregate sums up files, replaying each against the scenario in lib with
// the record's id and hash. Records of versions lib lacks are refused by
// version, naming their files; records that fail to replay are skipped.
func Aggregate(files []File, lib []*scenario.Scenario) *Summary {
	s := &Summary{Records: len(files), Groups: []*Group{}, Skipped: []Skipped{}, Notes: []string{}, Refused: []Refusal{}}
	type version struct{ id, hash string }
	var order []version
	byVersion := map[version][]File{}
	for _, f := range files {
		v := version{f.Record.Scenario, f.Record.Hash}
		if _, ok := byVersion[v]; !ok {
			order = append(order, v)
		}
		byVersion[v] = append(byVersion[v], f)
	}
	for _, v := range order {
		fs := byVersion[v]
		sc, why := find(lib, v.id, v.hash)
		if sc == nil {
			ref := Refusal{Scenario: v.id, Hash: v.hash, Why: why}
			for _, f := range fs {
				ref.Files = append(ref.Files, f.Name)
				s.Skipped = append(s.Skipped, Skipped{File: f.Name, Why: why})
			}
			s.Refused = append(s.Refused, ref)
			continue
		}
		g := newGroup(sc)
		var runs []*sim.Run
		for _, f := range fs {
			r, err := replay(sc, f.Record)
			if err != nil {
				s.Skipped = append(s.Skipped, Skipped{File: f.Name, Why: err.Error()})
				continue
			}
			g.Files = append(g.Files, f.Name)
			runs = append(runs, r)
		}
		if len(runs) == 0 {
			continue
		}
		g.fill(runs)
		s.Counted += len(runs)
		s.Groups = append(s.Groups, g)
	}
	sort.SliceStable(s.Groups, func(i, j int) bool { return s.Groups[i].Students > s.Groups[j].Students })
	if len(s.Groups) > 1 {
		var parts []string
		for _, g := range s.Groups {
			parts = append(parts, fmt.Sprintf("%s version %.12s (%d)", g.Scenario, g.Hash, g.Students))
		}
		s.Notes = append(s.Notes, fmt.Sprintf("The records come from %d scenario versions: %s. Each is summarised on its own, "+
			"since the same decisions mean a different game in another version.", len(s.Groups), strings.Join(parts, ", ")))
	}
	for _, ref := range s.Refused {
		s.Notes = append(s.Notes, fmt.Sprintf("Left out %d record(s) of %s version %.12s: %s. Files: %s.",
			len(ref.Files), ref.Scenario, ref.Hash, ref.Why, strings.Join(ref.Files, ", ")))
	}
	return s
}

// replay guards against a record that makes the engine panic: one bad file
// must not stop the class summary.
func replay(sc *scenario.Scenario, rec sim.Record) (r *sim.Run, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("the record could not be replayed (%v)", p)
		}
	}()
	return sim.Replay(sc, rec)
}

// find picks the scenario with id and hash from lib, or says why none fits.
func find(lib []*scenario.Scenario, id, hash string) (*scenario.Scenario, string) {
	var others []string
	for _, sc := range lib {
		if sc == nil || sc.Meta.ID != id {
			continue
		}
		if sc.Hash == hash {
			return sc, ""
		}
		others = append(others, fmt.Sprintf("%.12s in %s", sc.Hash, sc.File))
	}
	if len(others) > 0 {
		return nil, fmt.Sprintf("made with another version of the scenario (record %.12s, available %s); "+
			"give the scenario file it was made with with -scenario FILE", hash, strings.Join(others, ", "))
	}
	return nil, fmt.Sprintf("no scenario with id %q is available; give its file with -scenario FILE", id)
}

func newGroup(sc *scenario.Scenario) *Group {
	return &Group{Scenario: sc.Meta.ID, Title: sc.Meta.Title, Hash: sc.Hash, Turns: sc.Meta.Turns, Unit: sc.Budget.Unit,
		Files: []string{}, Endings: []EndingCount{}, Levers: []LeverStats{}, Dilemmas: []DilemmaStats{},
		Indicators: []IndicatorStat{}, Reasons: []ReasonGroup{}, Splits: []TurnSplit{}}
}

// setting is one lever's state on one turn.
type setting struct {
	option string
	spend  float64
}

// played is one student's game, turn by turn.
type played struct {
	run      *sim.Run
	settings [][]setting // [turn-1][lever], after the turn's decision
	changed  [][]bool    // [turn-1][lever]: the decision moved it
}

func track(sc *scenario.Scenario, r *sim.Run) played {
	p := played{run: r}
	cur := make([]setting, len(sc.Levers))
	for i, l := range sc.Levers {
		if l.Kind == scenario.LeverSpend {
			cur[i].spend = l.Initial
		} else {
			cur[i].option = l.StartOption()
		}
	}
	for _, rep := range r.Reports() {
		ch := make([]bool, len(sc.Levers))
		for i, l := range sc.Levers {
			if l.Kind == scenario.LeverSpend {
				if v, ok := rep.Decision.Spend[l.ID]; ok && v != cur[i].spend {
					cur[i].spend, ch[i] = v, true
				}
			} else if o, ok := rep.Decision.Options[l.ID]; ok && o != cur[i].option {
				cur[i].option, ch[i] = o, true
			}
		}
		p.settings = append(p.settings, append([]setting(nil), cur...))
		p.changed = append(p.changed, ch)
	}
	return p
}

func (g *Group) fill(runs []*sim.Run) {
	sc := runs[0].Scenario()
	g.Students = len(runs)
	ps := make([]played, len(runs))
	for i, r := range runs {
		ps[i] = track(sc, r)
		g.TurnsTotal += len(r.Reports())
		if r.Over() {
			g.Finished++
		}
	}
	g.endings(sc, ps)
	g.levers(sc, ps)
	g.dilemmas(sc, ps)
	g.indicators(sc, ps)
	g.reasons(sc, ps)
	g.splits(sc, ps)
}

func (g *Group) endings(sc *scenario.Scenario, ps []played) {
	count := map[string]int{}
	for _, p := range ps {
		id := ""
		if e := p.run.Ending(); e != nil {
			id = e.ID
		}
		count[id]++
	}
	for _, e := range sc.Endings {
		if n := count[e.ID]; n > 0 {
			g.Endings = append(g.Endings, EndingCount{ID: e.ID, Title: e.Title, Rating: e.Rating, Count: n,
				Share: float64(n) / float64(len(ps))})
		}
	}
	if n := count[""]; n > 0 {
		g.Endings = append(g.Endings, EndingCount{Title: "Not finished", Count: n, Share: float64(n) / float64(len(ps))})
	}
}

func (g *Group) levers(sc *scenario.Scenario, ps []played) {
	for i, l := range sc.Levers {
		st := LeverStats{ID: l.ID, Name: l.Name, Kind: l.Kind, Min: math.Inf(1), Max: math.Inf(-1)}
		held := map[string]int{}
		sum := 0.0
		for _, p := range ps {
			for _, set := range p.settings {
				st.Turns++
				held[set[i].option]++
				sum += set[i].spend
				st.Min, st.Max = math.Min(st.Min, set[i].spend), math.Max(st.Max, set[i].spend)
			}
		}
		if st.Turns == 0 {
			st.Min, st.Max = 0, 0
		} else {
			st.Average = sum / float64(st.Turns)
		}
		if l.Kind == scenario.LeverChoice {
			st.Min, st.Max = 0, 0
			for _, o := range l.Options {
				share := 0.0
				if st.Turns > 0 {
					share = float64(held[o.ID]) / float64(st.Turns)
				}
				st.Options = append(st.Options, OptionShare{ID: o.ID, Label: o.Label, Turns: held[o.ID], Share: share})
			}
		}
		g.Levers = append(g.Levers, st)
	}
}

func (g *Group) dilemmas(sc *scenario.Scenario, ps []played) {
	for _, e := range sc.Events {
		if len(e.Choices) == 0 {
			continue
		}
		count := map[string]int{}
		asked := 0
		for _, p := range ps {
			for _, rep := range p.run.Reports() {
				if a, ok := rep.Decision.Answers[e.ID]; ok {
					count[a]++
					asked++
				}
			}
		}
		if asked == 0 {
			continue
		}
		d := DilemmaStats{Event: e.ID, Title: e.Title}
		for _, ch := range e.Choices {
			d.Answers = append(d.Answers, Count{Label: ch.Label, N: count[ch.ID]})
		}
		g.Dilemmas = append(g.Dilemmas, d)
	}
}

func (g *Group) indicators(sc *scenario.Scenario, ps []played) {
	for _, ind := range sc.Indicators {
		if ind.Hidden {
			continue
		}
		st := IndicatorStat{ID: ind.ID, Name: ind.Name, Good: ind.Good, Start: ind.Start, Min: math.Inf(1), Max: math.Inf(-1)}
		for _, p := range ps {
			v := p.run.Value(ind.ID)
			st.Mean += v / float64(len(ps))
			st.Min, st.Max = math.Min(st.Min, v), math.Max(st.Max, v)
		}
		g.Indicators = append(g.Indicators, st)
	}
}

// decisions names what a student decided on one turn, one label a lever
// moved or dilemma answered.
func decisions(sc *scenario.Scenario, p played, turn int) []string {
	var out []string
	set, ch := p.settings[turn-1], p.changed[turn-1]
	for i, l := range sc.Levers {
		if !ch[i] {
			continue
		}
		if l.Kind == scenario.LeverSpend {
			out = append(out, fmt.Sprintf("%s: %s", l.Name, money(set[i].spend, sc.Budget.Unit)))
		} else {
			out = append(out, fmt.Sprintf("%s: %s", l.Name, optionLabel(&l, set[i].option)))
		}
	}
	d := p.run.Reports()[turn-1].Decision
	for _, e := range sc.Events {
		if a, ok := d.Answers[e.ID]; ok {
			out = append(out, fmt.Sprintf("%s: %s", e.Title, choiceLabel(&e, a)))
		}
	}
	return out
}

// kept labels a turn with a reason but no change.
const kept = "Kept everything as it was"

func (g *Group) reasons(sc *scenario.Scenario, ps []played) {
	idx := map[string]int{}
	students := map[string]map[int]bool{}
	for si, p := range ps {
		for t := 1; t <= len(p.settings); t++ {
			ds := decisions(sc, p, t)
			reason := strings.Join(strings.Fields(p.run.Reports()[t-1].Decision.Reason), " ")
			if len(ds) == 0 {
				if reason == "" {
					continue
				}
				ds = []string{kept}
			}
			for _, d := range ds {
				i, ok := idx[d]
				if !ok {
					i = len(g.Reasons)
					idx[d] = i
					g.Reasons = append(g.Reasons, ReasonGroup{Decision: d, Reasons: []Reason{}})
					students[d] = map[int]bool{}
				}
				students[d][si] = true
				if reason != "" {
					g.Reasons[i].Reasons = addReason(g.Reasons[i].Reasons, reason, t)
				}
			}
		}
	}
	for i := range g.Reasons {
		g.Reasons[i].Students = len(students[g.Reasons[i].Decision])
	}
	// Decisions with reasons first, then by how many took them.
	sort.SliceStable(g.Reasons, func(i, j int) bool {
		a, b := g.Reasons[i], g.Reasons[j]
		if (len(a.Reasons) > 0) != (len(b.Reasons) > 0) {
			return len(a.Reasons) > 0
		}
		return a.Students > b.Students
	})
}

func addReason(rs []Reason, text string, turn int) []Reason {
	for i := range rs {
		if strings.EqualFold(rs[i].Text, text) {
			rs[i].Count++
			if rs[i].Turns[len(rs[i].Turns)-1] != turn {
				rs[i].Turns = append(rs[i].Turns, turn)
				sort.Ints(rs[i].Turns)
			}
			return rs
		}
	}
	return append(rs, Reason{Text: text, Count: 1, Turns: []int{turn}})
}

// splits ranks turns by how differently the class decided: for each lever,
// what students did with it that turn ("moved to Notices", "no change"),
// and for each dilemma, the answer. The score sums each one's diversity.
func (g *Group) splits(sc *scenario.Scenario, ps []played) {
	var all []TurnSplit
	for t := 1; t <= sc.Meta.Turns; t++ {
		var who []played
		for _, p := range ps {
			if len(p.settings) >= t {
				who = append(who, p)
			}
		}
		if len(who) < 2 {
			continue
		}
		ts := TurnSplit{Turn: t, Students: len(who)}
		for i, l := range sc.Levers {
			var labels []string
			for _, p := range who {
				label := "no change"
				if p.changed[t-1][i] {
					if l.Kind == scenario.LeverSpend {
						label = "to " + money(p.settings[t-1][i].spend, sc.Budget.Unit)
					} else {
						label = "to " + optionLabel(&l, p.settings[t-1][i].option)
					}
				}
				labels = append(labels, label)
			}
			ts.add(l.Name, labels)
		}
		for _, e := range sc.Events {
			if len(e.Choices) == 0 {
				continue
			}
			var labels []string
			asked := false
			for _, p := range who {
				label := "not asked"
				if a, ok := p.run.Reports()[t-1].Decision.Answers[e.ID]; ok {
					label, asked = choiceLabel(&e, a), true
				}
				labels = append(labels, label)
			}
			if asked {
				ts.add(e.Title, labels)
			}
		}
		if ts.Score > 1e-9 {
			sort.SliceStable(ts.Levers, func(i, j int) bool { return ts.Levers[i].Diversity > ts.Levers[j].Diversity })
			all = append(all, ts)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	if len(all) > MaxSplits {
		all = all[:MaxSplits]
	}
	g.Splits = all
}

// add counts one lever's labels; levers on which everyone did alike are
// not listed.
func (ts *TurnSplit) add(name string, labels []string) {
	count := map[string]int{}
	var order []string
	for _, l := range labels {
		if count[l] == 0 {
			order = append(order, l)
		}
		count[l]++
	}
	div := 1.0
	for _, n := range count {
		p := float64(n) / float64(len(labels))
		div -= p * p
	}
	if div < 1e-9 {
		return
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	ls := LeverSplit{Name: name, Diversity: div}
	for _, l := range order {
		ls.Counts = append(ls.Counts, Count{Label: l, N: count[l]})
	}
	ts.Levers = append(ts.Levers, ls)
	ts.Score += div
}

func optionLabel(l *scenario.Lever, id string) string {
	if i := l.OptionIndex(id); i >= 0 {
		return l.Options[i].Label
	}
	return id
}

func choiceLabel(e *scenario.Event, id string) string {
	for _, ch := range e.Choices {
		if ch.ID == id {
			return ch.Label
		}
	}
	return id
}

func money(v float64, unit string) string { return analysis.Money(v, unit) }

// Summarize loads paths (files or folders of *.json) and aggregates them;
// files that cannot be read are listed first among the skipped.
func Summarize(paths []string, lib []*scenario.Scenario) *Summary {
	files, skipped := Load(paths)
	s := Aggregate(files, lib)
	for _, k := range skipped {
		if k.Why != emptyFolder {
			s.Records++
		}
	}
	s.Skipped = append(skipped, s.Skipped...)
	return s
}
