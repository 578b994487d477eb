// Kh is the Keyholder command-line tool: it checks, plays, replays and
// simulates scenarios without a screen.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes, as the README documents them.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

type command struct {
	name, short, usage, long string
	run                      func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

const mainUsage = `Kh is the Keyholder command-line tool: it checks, plays, replays and
simulates encryption-policy scenarios without a screen.

Usage:

	kh <command> [arguments]

The commands are:

%s
Use "kh help <command>" for more information about a command.
`

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, mainUsage, commandList())
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprintf(stdout, "usage: kh %s %s\n\n%s", c.name, c.usage, c.long)
				return exitOK
			}
			fmt.Fprintf(stderr, "kh help %s: unknown command. Run 'kh help'.\n", args[1])
			return exitUsage
		}
		fmt.Fprintf(stdout, mainUsage, commandList())
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "kh %s: unknown command\nRun 'kh help' for usage.\n", name)
		return exitUsage
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func commandList() string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "\t%-8s %s\n", n, commands[n].short)
	}
	return b.String()
}
