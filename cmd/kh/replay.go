package main

import (
	"fmt"
	"io"
	"math"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
)

func init() {
	register(&command{
		name:  "replay",
		short: "re-run a run record and print its outcome",
		usage: "[-scenario FILE] [-turns] RECORD",
		long: `Replay re-runs a run record (written by "kh play -record" or saved by the
game) and prints the outcome: the ending and the final meters.

The record names its scenario by id and content hash. By default replay uses
the shipped scenario with that id; -scenario names a file instead.
If the scenario has changed since the record was made, replay refuses, since
the same decisions would no longer mean the same game.

The -turns flag also prints each turn's decisions, reasons and news.

Exit status is 0 when the record replays, 1 when it cannot (a changed
scenario, a damaged record, a decision that no longer fits), 2 for usage.
`,
		run: runReplay,
	})
}

func runReplay(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["replay"]
	fs := newFlags(c, stderr)
	file := fs.String("scenario", "", "scenario file the record was made with")
	turns := fs.Bool("turns", false, "print every turn")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	rec, sc, code := loadForReplay("replay", fs.Arg(0), *file, stderr)
	if sc == nil {
		return code
	}
	r, err := sim.Replay(sc, rec)
	if err != nil {
		return replayFailed("replay", sc, err, stderr)
	}
	fmt.Fprintf(stdout, "%s, seed %d: %d turns replayed\n", sc.Meta.Title, rec.Seed, len(r.Reports()))
	if *turns {
		for _, rep := range r.Reports() {
			fmt.Fprintf(stdout, "\nTurn %d: %s\n", rep.Turn, describeDecision(sc, rep.Decision))
			if rep.Decision.Reason != "" {
				fmt.Fprintf(stdout, "  reason: %s\n", rep.Decision.Reason)
			}
			for _, n := range rep.News {
				fmt.Fprintf(stdout, "  news: %s\n", n.Title)
			}
		}
	}
	if e := r.Ending(); e != nil {
		fmt.Fprintf(stdout, "Ending: %s (%s, rated %d of 5)\n", e.Title, e.ID, e.Rating)
	} else {
		fmt.Fprintf(stdout, "Not finished: the record stops at turn %d of %d\n", r.Turn(), r.Turns())
	}
	for _, ind := range sc.Indicators {
		if !ind.Hidden {
			fmt.Fprintf(stdout, "  %-24s %6.1f\n", ind.Name, math.Round(r.Value(ind.ID)*10)/10)
		}
	}
	return exitOK
}

// describeDecision lists what changed in a decision, in scenario order.
func describeDecision(sc *scenario.Scenario, d sim.Decision) string {
	s := ""
	add := func(part string) {
		if s != "" {
			s += "; "
		}
		s += part
	}
	for _, l := range sc.Levers {
		if o, ok := d.Options[l.ID]; ok {
			add(fmt.Sprintf("%s = %s", l.ID, o))
		}
		if v, ok := d.Spend[l.ID]; ok {
			add(fmt.Sprintf("%s = %g", l.ID, v))
		}
	}
	for _, e := range sc.Events {
		if a, ok := d.Answers[e.ID]; ok {
			add(fmt.Sprintf("answered %s: %s", e.ID, a))
		}
	}
	if s == "" {
		return "no changes"
	}
	return s
}
