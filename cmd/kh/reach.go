package main

import (
	"fmt"

	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/stats"
)

// reachSeed fixes the search's seeds so that kh check gives the same
// warnings every time it runs on the same file.
const reachSeed = 1

// reachChanges are the random bots' chances of re-rolling a lever: a mix of
// restless and patient players, since some events need a lever held for
// many turns and others need frequent changes.
var reachChanges = []float64{1, 0.5, 0.2, 0.05}

// reachSpec plays each game with one of the reachChanges random bots.
func reachSpec() bot.Spec {
	return bot.Spec{Name: "random (mixed patience)", New: func(sc *scenario.Scenario, seed uint64) bot.Strategy {
		return bot.Random(reachChanges[seed%uint64(len(reachChanges))]).New(sc, seed)
	}}
}

// reachWarnings plays games random-bot games of sc on every core and warns
// about every event and ending that none of them reached.
func reachWarnings(sc *scenario.Scenario, games int) scenario.Problems {
	if games <= 0 {
		return nil
	}
	defer lessGC()()
	res := stats.Play(sc, reachSpec(), stats.Config{Games: games, Seed: reachSeed})
	var out scenario.Problems
	warn := func(path, format string, args ...any) {
		pos := sc.Where(path)
		out = append(out, scenario.Problem{File: sc.File, Line: pos.Line, Col: pos.Col, Severity: scenario.Warning,
			Msg: fmt.Sprintf(format, args...)})
	}
	for _, e := range res.Events {
		if e.Games == 0 {
			warn(sc.PathOf("event", e.ID), "event %q was not reached in %d random games; check its when and chance "+
				"(can they both hold, on a turn the game still runs, with flags that something sets?)", e.ID, games)
		}
	}
	for _, e := range res.Endings {
		if e.Games == 0 {
			warn(sc.PathOf("ending", e.ID), "ending %q was not reached in %d random games; check its when, and whether "+
				"an ending listed before it already catches the same games", e.ID, games)
		}
	}
	if res.Stuck > 0 {
		warn("budget", "%d of %d random games got stuck: %s; make sure the player can always afford to hold or "+
			"cut back", res.Stuck, games, res.StuckError)
	}
	return out
}
