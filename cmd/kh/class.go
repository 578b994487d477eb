package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/keyholder-game/keyholder/game/class"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/scenarios"
)

func init() {
	register(&command{
		name:  "class",
		short: "sum up a class's run records: how your class chose",
		usage: "[-format md|html|json] [-o FILE] [-scenario FILE]... RECORD|FOLDER...",
		long: `Class sums up a class's run records offline, without accounts. Collect the
record files (from "kh play -record" or the game's save folder) into one
folder and name it, or name the files:

	kh class -format html -o class.html records/

It reports how many students there are and how many played the same
scenario version, the distribution of endings, for each lever the share of
turns each option was held (the average spend for budget lines), dilemma
answers, where each visible indicator finished (mean and range), the reasons
students typed grouped by decision, and the turns on which the class
decided most differently.

A FOLDER stands for the *.json files directly inside it. Each record is
replayed against the scenario it names, by id and content hash: the shipped
scenario with that id, or a file given with -scenario (repeat the flag for
several). Records of different versions of a scenario are summarised
separately; records of a version no available file matches are left out,
with a message naming the files. Damaged, cut-short or foreign files are
left out and named too; they never stop the summary.

The -format flag picks Markdown (md, the default), HTML (html: one
self-contained printable page) or JSON (json, for spreadsheets and scripts).
The -o flag writes to FILE instead of standard output.

Exit status is 0 when every record was summarised, 1 when some were left
out (the summary of the rest is still written) or none could be read,
2 for usage.
`,
		run: runClass,
	})
}

// scenarioFiles collects repeated -scenario flags.
type scenarioFiles []string

func (s *scenarioFiles) String() string     { return strings.Join(*s, ",") }
func (s *scenarioFiles) Set(v string) error { *s = append(*s, v); return nil }

func runClass(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["class"]
	fs := newFlags(c, stderr)
	format := fs.String("format", "md", "md, html or json")
	out := fs.String("o", "", "write the summary to this file")
	var files scenarioFiles
	fs.Var(&files, "scenario", "scenario file the records were made with (repeatable)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "md" && *format != "html" && *format != "json" {
		fmt.Fprintf(stderr, "kh class: -format must be md, html or json, not %q\n", *format)
		fs.Usage()
		return exitUsage
	}
	var lib []*scenario.Scenario
	for _, f := range files {
		sc := openScenario(f, stderr)
		if sc == nil {
			return exitProblems
		}
		lib = append(lib, sc)
	}
	for _, name := range scenarios.List() {
		if sc, _ := scenarios.Open(name); sc != nil {
			lib = append(lib, sc)
		}
	}
	sum := class.Summarize(fs.Args(), lib)
	for _, k := range sum.Skipped {
		fmt.Fprintf(stderr, "kh class: left out %s: %s\n", k.File, k.Why)
	}
	render := sum.Markdown
	switch *format {
	case "html":
		render = sum.HTML
	case "json":
		render = sum.JSON
	}
	if err := writeOutput(*out, stdout, render); err != nil {
		fmt.Fprintf(stderr, "kh class: %v\n", err)
		return exitProblems
	}
	if *out != "" {
		fmt.Fprintf(stdout, "Summary of %d record(s) written to %s\n", sum.Counted, *out)
	}
	if len(sum.Skipped) > 0 || sum.Counted == 0 {
		return exitProblems
	}
	return exitOK
}
