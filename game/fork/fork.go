// Package fork plays counterfactual debriefs: "what if the student had
// decided differently on turn N?"
//
// A fork replays a run record up to turn N-1, plays turn N with one
// decision altered, and then replays the student's later decisions as-is,
// with the same seed. The what-if is therefore about one decision: the
// student's later choices are held, not re-thought in the light of the
// new story. Where a later decision no longer fits the altered game (it
// costs more than is available, an option is not allowed yet, a lever is
// cooling down) it is trimmed with sim.Run.Fit, and every such turn is
// listed in Result.Adjusted so a debrief can say so.
//
// The same seed gives the same random stream, but the stream is used by
// every chance roll of every event whose condition holds; once the stories
// differ, later rolls can fall differently too. That is part of what the
// fork shows, not an error.
package fork

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"strings"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

// Result is a student's game and the same game with one decision changed.
type Result struct {
	Turn     int          // the turn whose decision was altered
	Change   sim.Decision // the alteration as asked for
	Played   sim.Decision // the decision the what-if played on Turn
	Original *sim.Run
	WhatIf   *sim.Run

	// Adjusted lists later turns where the student's decision had to be
	// changed to be playable in the what-if.
	Adjusted []Adjustment

	// Diverged is the first turn after which the two stories differ (news,
	// an indicator, or the ending); 0 if they never do. DivergedWhy says how.
	Diverged    int
	DivergedWhy string

	// News that happened in one story only, in turn order.
	OnlyOriginal, OnlyWhatIf []sim.News
}

// Adjustment is a later turn where the student's decision was trimmed.
type Adjustment struct {
	Turn int
	Why  string // why the student's decision did not fit as recorded
}

// Fork replays rec against sc with the decision of turn changed: the
// options, amounts and answers in change replace the student's for that
// turn, and everything else the student set that turn is kept. An empty
// change reproduces the original game exactly.
//
// After turn, the student's recorded decisions are replayed as-is (see the
// package comment). A dilemma that only the what-if raised is answered with
// the student's answer if the record has one for it on that turn, else with
// its first choice. If the original game ended early and the what-if goes
// on, the remaining turns hold every setting.
func Fork(sc *scenario.Scenario, rec sim.Record, turn int, change sim.Decision) (*Result, error) {
	orig, err := sim.Replay(sc, rec)
	if err != nil {
		return nil, err
	}
	n := len(rec.Decisions)
	if n == 0 {
		return nil, errors.New("the record has no decisions to change")
	}
	if turn < 1 || turn > n {
		return nil, fmt.Errorf("turn %d is not in the record, which has turns 1 to %d", turn, n)
	}
	alt := sim.New(sc, rec.Seed)
	for i := 0; i < turn-1; i++ {
		if _, err := alt.Resolve(rec.Decisions[i]); err != nil { // cannot happen: Replay played the same
			return nil, fmt.Errorf("turn %d of the record: %w", i+1, err)
		}
	}
	res := &Result{Turn: turn, Change: change, Original: orig, WhatIf: alt}
	res.Played = merge(rec.Decisions[turn-1], change)
	if err := alt.Check(res.Played); err != nil {
		return nil, fmt.Errorf("turn %d: the changed decision cannot be played: %w", turn, err)
	}
	if _, err := alt.Resolve(res.Played); err != nil {
		return nil, fmt.Errorf("turn %d: %w", turn, err)
	}
	for t := turn + 1; !alt.Over(); t++ {
		if t > n && !orig.Over() {
			break // the record stops here, so the what-if stops at the same turn
		}
		var d sim.Decision // past the end of an early-ended original: hold everything
		if t <= n {
			d = rec.Decisions[t-1]
		}
		d = answered(alt, d)
		if err := alt.Check(d); err != nil {
			fit := alt.Fit(d)
			if err2 := alt.Check(fit); err2 != nil {
				return nil, fmt.Errorf("the what-if cannot go on at turn %d: %w", t, err2)
			}
			res.Adjusted = append(res.Adjusted, Adjustment{Turn: t, Why: firstLine(err)})
			d = fit
		}
		if _, err := alt.Resolve(d); err != nil {
			return nil, fmt.Errorf("the what-if cannot go on at turn %d: %w", t, err)
		}
	}
	res.compare()
	return res, nil
}

// merge lays change over the student's decision.
func merge(d, change sim.Decision) sim.Decision {
	out := sim.Decision{Options: maps.Clone(d.Options), Spend: maps.Clone(d.Spend), Answers: maps.Clone(d.Answers), Reason: d.Reason}
	for k, v := range change.Options {
		out.Options[k] = v
	}
	for k, v := range change.Spend {
		out.Spend[k] = v
	}
	for k, v := range change.Answers {
		out.Answers[k] = v
	}
	if change.Reason != "" {
		out.Reason = change.Reason
	}
	return out
}

// answered keeps the student's answers to the dilemmas pending in r and
// answers the others with their first choice; answers to dilemmas r does
// not have are dropped.
func answered(r *sim.Run, d sim.Decision) sim.Decision {
	out := sim.Decision{Options: d.Options, Spend: d.Spend, Reason: d.Reason}
	for _, dl := range r.Pending() {
		if out.Answers == nil {
			out.Answers = map[string]string{}
		}
		ans := dl.Event.Choices[0].ID
		if a, ok := d.Answers[dl.Event.ID]; ok {
			for _, ch := range dl.Event.Choices {
				if ch.ID == a {
					ans = a
				}
			}
		}
		out.Answers[dl.Event.ID] = ans
	}
	return out
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// compare finds the first turn the stories differ and the news unique to
// each.
func (res *Result) compare() {
	a, b := res.Original.Reports(), res.WhatIf.Reports()
	sc := res.Original.Scenario()
	for i := 0; i < max(len(a), len(b)) && res.Diverged == 0; i++ {
		t := i + 1
		switch {
		case i >= len(a):
			res.Diverged, res.DivergedWhy = t, fmt.Sprintf("the original game had ended; the what-if played turn %d", t)
		case i >= len(b):
			res.Diverged, res.DivergedWhy = t, fmt.Sprintf("the what-if had ended; the original played turn %d", t)
		default:
			res.Diverged, res.DivergedWhy = t, differ(sc, a[i], b[i])
			if res.DivergedWhy == "" {
				res.Diverged = 0
			}
		}
	}
	key := func(n sim.News) string { return fmt.Sprintf("%d|%s", n.Turn, n.Event) }
	in := func(rs []*sim.Report) map[string]bool {
		m := map[string]bool{}
		for _, r := range rs {
			for _, n := range r.News {
				m[key(n)] = true
			}
		}
		return m
	}
	inA, inB := in(a), in(b)
	for _, r := range a {
		for _, n := range r.News {
			if !inB[key(n)] {
				res.OnlyOriginal = append(res.OnlyOriginal, n)
			}
		}
	}
	for _, r := range b {
		for _, n := range r.News {
			if !inA[key(n)] {
				res.OnlyWhatIf = append(res.OnlyWhatIf, n)
			}
		}
	}
}

// differ says how two reports of the same turn differ, or "" if their
// stories are the same: the same news, indicators and ending.
func differ(sc *scenario.Scenario, a, b *sim.Report) string {
	for _, n := range a.News {
		if !hasEvent(b.News, n.Event) {
			return fmt.Sprintf("%q happened only in the original", n.Title)
		}
	}
	for _, n := range b.News {
		if !hasEvent(a.News, n.Event) {
			return fmt.Sprintf("%q happened only in the what-if", n.Title)
		}
	}
	for i := range a.Changes {
		if i >= len(b.Changes) {
			break
		}
		x, y := a.Changes[i].After, b.Changes[i].After
		if math.Abs(x-y) > 1e-9 {
			name := a.Changes[i].Indicator
			if ind := sc.Indicator(name); ind != nil {
				name = ind.Name
				if ind.Hidden {
					name += " (hidden)"
				}
			}
			sx, sy := num(x), num(y)
			if sx == sy { // a difference too small for one decimal
				sx, sy = fmt.Sprintf("%g", x), fmt.Sprintf("%g", y)
			}
			return fmt.Sprintf("%s was %s in the original and %s in the what-if", name, sx, sy)
		}
	}
	if a.Ending != b.Ending {
		return fmt.Sprintf("the endings differ (%s / %s)", orNone(a.Ending), orNone(b.Ending))
	}
	return ""
}

func hasEvent(ns []sim.News, id string) bool {
	for _, n := range ns {
		if n.Event == id {
			return true
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "none yet"
	}
	return s
}

// num shows enough digits that a small difference is visible.
func num(v float64) string {
	if s := fmt.Sprintf("%.1f", v); s != "-0.0" {
		return s
	}
	return "0.0"
}
