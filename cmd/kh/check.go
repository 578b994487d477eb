package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/scenarios"
)

func init() {
	register(&command{
		name:  "check",
		short: "check scenario files and report every problem",
		usage: "[-json] [-games N] FILE...",
		long: `Check reads each scenario file and reports every problem it finds, one a line,
as file:line:col: message. It catches TOML syntax errors, unknown keys, wrong
types, missing fields, duplicate ids, references to ids that do not exist,
formula errors, values out of range, and effects, arguments and events that
cite no source. Then it plays the scenario with random bots and warns about
events and endings that no game reached.

FILE may also name a shipped scenario, such as westminster-2017.

The -json flag prints the problems as a JSON array instead.
The -games flag sets how many bot games look for unreachable events and
endings (default 2000; 0 skips the search).

Exit status is 0 when every file is valid (warnings allowed), 1 when any
file has an error, and 2 for a usage error.
`,
		run: runCheck,
	})
}

func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["check"]
	fs := newFlags(c, stderr)
	asJSON := fs.Bool("json", false, "print problems as JSON")
	games := fs.Int("games", 2000, "bot games that look for unreachable events and endings")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if *games < 0 || *games > 1_000_000 {
		fmt.Fprintf(stderr, "kh check: -games must be 0..1000000, not %d\n", *games)
		return exitUsage
	}
	all := scenario.Problems{}
	failed := false
	for _, file := range fs.Args() {
		sc, probs := scenarios.Open(file)
		if sc != nil && *games > 0 {
			probs = append(probs, reachWarnings(sc, *games)...)
		}
		if probs.HasErrors() {
			failed = true
		}
		all = append(all, probs...)
		if !*asJSON {
			for _, p := range probs {
				fmt.Fprintln(stdout, p)
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(all)
	}
	if failed {
		return exitProblems
	}
	return exitOK
}
