package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/scenarios"
)

// newFlags makes a flag set that prints the command's help on -h and
// reports bad flags as usage errors (exit 2), as the go tool does.
func newFlags(c *command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kh "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: kh %s %s\nRun 'kh help %s' for details.\n", c.name, c.usage, c.name)
	}
	return fs
}

// parse returns the exit code to stop with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	// Allow flags after positional arguments: kh check a.toml -json.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	_ = fs.Parse(append([]string{"--"}, pos...))
	return -1
}

// openScenario opens a scenario for a command (a path or a shipped name; ""
// is the main one), printing its problems to stderr; nil if it has errors.
func openScenario(name string, stderr io.Writer) *scenario.Scenario {
	sc, probs := scenarios.Open(name)
	for _, p := range probs {
		if sc == nil || p.Severity == scenario.Error {
			fmt.Fprintln(stderr, p)
		}
	}
	return sc
}
