package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/google/renameio/v2"
	"github.com/keyholder-game/keyholder/game/balance"
)

func init() {
	register(&command{
		name:  "balance",
		short: "measure whether a scenario is balanced and write BALANCE.md",
		usage: "[-o FILE] [-json] [-quick] [FILE]",
		long: `Balance plays a scenario with bots and judges it by four criteria:

	1. every ending happens in 1% to 50% of random games;
	2. no fixed strategy (one setting per lever held all game, and one answer
	   per dilemma) reaches the best-rated ending in more than 60% of seeds;
	   it tries every lever pushed to an extreme, random full strategies, and
	   improves the strongest one setting at a time, looking for a dominant
	   answer;
	3. forcing any lever option all game moves some indicator's final mean by
	   at least 3% of its range;
	4. the same strategy tells different stories under different seeds, and a
	   replayed record tells the identical story.

It prints Markdown (the format of scenarios/BALANCE.md) with every figure.
With no FILE it measures the main shipped scenario. It takes a few minutes on
two cores; -quick uses smaller samples for a first look.

	kh balance -o scenarios/BALANCE.md

The -o flag writes the report to FILE (atomically) instead of standard output.
The -json flag prints the figures as JSON.

Exit status is 0 when every criterion holds, 1 when any fails, 2 for usage.
`,
		run: runBalance,
	})
}

func runBalance(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["balance"]
	fs := newFlags(c, stderr)
	out := fs.String("o", "", "write the report to this file")
	asJSON := fs.Bool("json", false, "print JSON")
	quick := fs.Bool("quick", false, "smaller samples")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}
	sc := openScenario(fs.Arg(0), stderr)
	if sc == nil {
		return exitProblems
	}
	cfg := balance.Full
	if *quick {
		cfg = balance.Config{Games: 2000, SweepGames: 300, FixedGames: 100, Samples: 30, Climbs: 1, Seed: 1}
	}
	restoreGC := lessGC()
	rep := balance.Measure(sc, cfg, balance.Standard)
	restoreGC()
	var text []byte
	if *asJSON {
		text, _ = json.MarshalIndent(rep, "", "  ")
		text = append(text, '\n')
	} else {
		cmd := "go run ./cmd/kh balance"
		if fs.Arg(0) != "" {
			cmd += " " + fs.Arg(0)
		}
		if *quick {
			cmd += " -quick"
		}
		if *out != "" {
			cmd += " -o " + *out
		}
		text = []byte(rep.Markdown(cmd))
	}
	if *out != "" {
		if err := renameio.WriteFile(*out, text, 0o644); err != nil {
			fmt.Fprintf(stderr, "kh balance: %v\n", err)
			return exitProblems
		}
	} else {
		stdout.Write(text)
	}
	if !rep.OK() {
		fmt.Fprintf(stderr, "kh balance: %d criteria fail:\n  %s\n", len(rep.Failures), strings.Join(rep.Failures, "\n  "))
		return exitProblems
	}
	return exitOK
}
