package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/fork"
	"github.com/keyholder-game/keyholder/game/report"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

func init() {
	register(&command{
		name:  "fork",
		short: "replay a record with one decision changed and compare the outcomes",
		usage: "[-scenario FILE] -turn N [-set LEVER=OPTION,...] [-spend LEVER=AMOUNT,...] [-answer EVENT=CHOICE,...] RECORD",
		long: `Fork asks "what if?" of a run record: it replays the record up to turn N-1,
plays turn N with the changes given, then replays the student's later
decisions with the same seed, and prints both outcomes side by side: the
endings, the final indicators and their differences, the first turn after
which the two stories differ, and the news that happened in only one.

	kh fork run.json -turn 3 -set mandate=notices
	kh fork run.json -turn 2 -spend barriers=0,gates=10

The -turn flag names the turn to change (1 is the first).
The -set flag sets choice levers: LEVER=OPTION pairs, comma-separated.
The -spend flag sets budget lines: LEVER=AMOUNT pairs, comma-separated.
The -answer flag answers a dilemma pending on that turn: EVENT=CHOICE.
Whatever the student set on turn N and is not named here is kept.

The what-if is about one decision. The student's later decisions are
replayed as-is: they are not re-thought in the light of the new story.
Where a later decision no longer fits (too expensive, not allowed yet, a
lever cooling down) it is trimmed to fit, and the turns trimmed are listed.
A dilemma that arises only in the what-if is answered with its first
choice. The same seed gives the same random stream, but once the stories
differ, chance events can fall differently too.

By default fork uses the shipped scenario with the record's id; -scenario
names a file instead.

Exit status is 0 when both outcomes are printed, 1 when the record cannot
be replayed or the changed decision cannot be played on that turn, 2 for
usage.
`,
		run: runFork,
	})
}

func runFork(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["fork"]
	fs := newFlags(c, stderr)
	file := fs.String("scenario", "", "scenario file the record was made with")
	turn := fs.Int("turn", 0, "the turn whose decision changes")
	set := fs.String("set", "", "LEVER=OPTION,... choice levers to set")
	spend := fs.String("spend", "", "LEVER=AMOUNT,... budget lines to set")
	answer := fs.String("answer", "", "EVENT=CHOICE,... dilemma answers")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "kh fork: "+format+"\n", a...)
		fs.Usage()
		return exitUsage
	}
	if *turn < 1 {
		return usage("-turn N is required, with N 1 or more")
	}
	var change sim.Decision
	var err error
	if change.Options, err = pairs(*set); err != nil {
		return usage("-set: %v", err)
	}
	if change.Answers, err = pairs(*answer); err != nil {
		return usage("-answer: %v", err)
	}
	amounts, err := pairs(*spend)
	if err != nil {
		return usage("-spend: %v", err)
	}
	for k, v := range amounts {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return usage("-spend: %q is not an amount", v)
		}
		if change.Spend == nil {
			change.Spend = map[string]float64{}
		}
		change.Spend[k] = x
	}
	if len(change.Options)+len(change.Spend)+len(change.Answers) == 0 {
		return usage("nothing to change: give -set, -spend or -answer")
	}
	rec, sc, code := loadForReplay("fork", fs.Arg(0), *file, stderr)
	if code >= 0 {
		return code
	}
	res, err := fork.Fork(sc, rec, *turn, change)
	if err != nil {
		return replayFailed("fork", sc, err, stderr)
	}
	printFork(stdout, sc, rec, res)
	return exitOK
}

// pairs parses "a=b,c=d"; an empty string is no pairs.
func pairs(s string) (map[string]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("%q is not NAME=VALUE", part)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("%s is given twice", k)
		}
		out[k] = v
	}
	return out, nil
}

func printFork(w io.Writer, sc *scenario.Scenario, rec sim.Record, res *fork.Result) {
	fmt.Fprintf(w, "%s, seed %d: what if turn %d had gone differently?\n", sc.Meta.Title, rec.Seed, res.Turn)
	for _, line := range describeChange(sc, rec, res) {
		fmt.Fprintf(w, "  changed: %s\n", line)
	}
	fmt.Fprintf(w, "Only turn %d changes: the student's later decisions are replayed as-is.\n\n", res.Turn)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\tOriginal\tWhat-if\tDifference\n")
	fmt.Fprintf(tw, "Ending\t%s\t%s\t%s\n", endingText(res.Original), endingText(res.WhatIf), sameOr(endingID(res.Original) == endingID(res.WhatIf), "different"))
	a, b := len(res.Original.Reports()), len(res.WhatIf.Reports())
	fmt.Fprintf(tw, "Turns played\t%d\t%d\t%s\n", a, b, sameOr(a == b, report.Signed(float64(b-a))))
	for _, ind := range sc.Indicators {
		if ind.Hidden {
			continue
		}
		x, y := res.Original.Value(ind.ID), res.WhatIf.Value(ind.ID)
		name := ind.Name
		if ind.Good == "down" {
			name += " (lower is better)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, analysis.Num(x), analysis.Num(y), report.Signed(y-x))
	}
	tw.Flush()

	fmt.Fprintln(w)
	if res.Diverged == 0 {
		fmt.Fprintf(w, "The stories never diverged: the change made no difference to news, indicators or ending.\n")
	} else {
		fmt.Fprintf(w, "The stories diverged in turn %d: %s.\n", res.Diverged, res.DivergedWhy)
	}
	newsList(w, "News only in the original", res.OnlyOriginal)
	newsList(w, "News only in the what-if", res.OnlyWhatIf)
	if len(res.Adjusted) > 0 {
		fmt.Fprintf(w, "\nLater decisions trimmed to fit the what-if:\n")
		for _, a := range res.Adjusted {
			fmt.Fprintf(w, "  turn %d: %s\n", a.Turn, a.Why)
		}
	}
}

func newsList(w io.Writer, title string, ns []sim.News) {
	if len(ns) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, n := range ns {
		tag := ""
		if n.Fiction {
			tag = " (scenario event)"
		}
		fmt.Fprintf(w, "  turn %d: %s%s\n", n.Turn, n.Title, tag)
	}
}

func endingID(r *sim.Run) string {
	if e := r.Ending(); e != nil {
		return e.ID
	}
	return ""
}

func endingText(r *sim.Run) string {
	if e := r.Ending(); e != nil {
		return fmt.Sprintf("%s (%d of 5)", e.Title, e.Rating)
	}
	return "not finished"
}

func sameOr(same bool, diff string) string {
	if same {
		return "same"
	}
	return diff
}

// describeChange says what the fork changed, next to what the student had.
func describeChange(sc *scenario.Scenario, rec sim.Record, res *fork.Result) []string {
	option, amount := map[string]string{}, map[string]float64{}
	for _, l := range sc.Levers {
		option[l.ID], amount[l.ID] = l.StartOption(), l.Initial
	}
	for _, d := range rec.Decisions[:res.Turn] {
		for k, v := range d.Options {
			option[k] = v
		}
		for k, v := range d.Spend {
			amount[k] = v
		}
	}
	var out []string
	for _, l := range sc.Levers {
		if o, ok := res.Change.Options[l.ID]; ok {
			out = append(out, fmt.Sprintf("%s: %s (the student had %s)", l.Name, optLabel(&l, o), optLabel(&l, option[l.ID])))
		}
		if v, ok := res.Change.Spend[l.ID]; ok {
			out = append(out, fmt.Sprintf("%s: %s (the student had %s)", l.Name, analysis.Money(v, sc.Budget.Unit),
				analysis.Money(amount[l.ID], sc.Budget.Unit)))
		}
	}
	student := rec.Decisions[res.Turn-1].Answers
	for _, e := range sc.Events {
		if a, ok := res.Change.Answers[e.ID]; ok {
			had := "no answer"
			if s, ok := student[e.ID]; ok {
				had = s
			}
			out = append(out, fmt.Sprintf("answer to %s: %s (the student had %s)", e.Title, a, had))
		}
	}
	return out
}

func optLabel(l *scenario.Lever, id string) string {
	if i := l.OptionIndex(id); i >= 0 {
		return l.Options[i].Label
	}
	return id
}
