package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/google/renameio/v2"
	"github.com/keyholder-game/keyholder/game/report"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/scenarios"
)

func init() {
	register(&command{
		name:  "report",
		short: "write the after-action report of a run record",
		usage: "[-format md|html] [-o FILE] [-scenario FILE] RECORD",
		long: `Report replays a run record (written by "kh play -record" or saved by the game)
and writes its after-action report for the debrief:

	- the title, seed, and the ending with its assessment and rating;
	- a timeline, turn by turn: the date, the decisions with the reason the
	  student typed, the news (fictional events marked), and the largest
	  changes to the indicators;
	- a chart of every visible indicator over the turns, with the turns in
	  which a decision was changed marked;
	- the largest causes of the outcome, from the consequence ledger, summed
	  by effect and cause, with their source ids;
	- the scenario's discussion questions and facilitator notes;
	- every source cited in the run, with its evidence label.

The -format flag picks Markdown (md, the default) or HTML (html). The HTML
page is self-contained and printable: inline CSS and SVG charts, no scripts,
no external files. In Markdown the charts are a compact table of values.

The -o flag writes the report to FILE instead of standard output.

The record names its scenario by id and content hash. By default report uses
the shipped scenario with that id; -scenario names a file instead. A record
made with another version of the scenario is refused, since the same
decisions would tell a different story.

Exit status is 0 when the report is written, 1 when the record cannot be
replayed or the file cannot be written, 2 for usage.
`,
		run: runReport,
	})
}

func runReport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["report"]
	fs := newFlags(c, stderr)
	format := fs.String("format", "md", "md or html")
	out := fs.String("o", "", "write the report to this file")
	file := fs.String("scenario", "", "scenario file the record was made with")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	if *format != "md" && *format != "html" {
		fmt.Fprintf(stderr, "kh report: -format must be md or html, not %q\n", *format)
		fs.Usage()
		return exitUsage
	}
	rec, sc, code := loadForReplay("report", fs.Arg(0), *file, stderr)
	if code >= 0 {
		return code
	}
	rep, _, err := report.FromRecord(sc, rec)
	if err != nil {
		return replayFailed("report", sc, err, stderr)
	}
	render := rep.Markdown
	if *format == "html" {
		render = rep.HTML
	}
	if err := writeOutput(*out, stdout, render); err != nil {
		fmt.Fprintf(stderr, "kh report: %v\n", err)
		return exitProblems
	}
	if *out != "" {
		fmt.Fprintf(stdout, "Report written to %s\n", *out)
	}
	return exitOK
}

// loadForReplay reads a record and finds its scenario: the file named by
// -scenario, or the shipped scenario with the record's id. It returns an
// exit code >= 0 on failure, having said why.
func loadForReplay(cmd, path, file string, stderr io.Writer) (sim.Record, *scenario.Scenario, int) {
	rec, err := sim.LoadRecord(path)
	if err != nil {
		fmt.Fprintf(stderr, "kh %s: %v\n", cmd, err)
		return rec, nil, exitProblems
	}
	sc, code := scenarioForRecord(cmd, file, rec.Scenario, stderr)
	return rec, sc, code
}

// scenarioForRecord opens file if given, else the shipped scenario with id.
func scenarioForRecord(cmd, file, id string, stderr io.Writer) (*scenario.Scenario, int) {
	if file != "" {
		sc := openScenario(file, stderr)
		if sc == nil {
			return nil, exitProblems
		}
		return sc, -1
	}
	if sc := scenarios.ByID(id); sc != nil {
		return sc, -1
	}
	fmt.Fprintf(stderr, "kh %s: no shipped scenario has id %q; name its file with -scenario FILE\n", cmd, id)
	return nil, exitProblems
}

func replayFailed(cmd string, sc *scenario.Scenario, err error, stderr io.Writer) int {
	fmt.Fprintf(stderr, "kh %s: %v\n", cmd, err)
	if errors.Is(err, sim.ErrScenarioChanged) {
		fmt.Fprintf(stderr, "The record was made with a different version of %s.\n", sc.File)
	}
	return exitProblems
}

// writeOutput renders to path (atomically, so a failed render leaves no
// half-written file) or, with no path, to stdout.
func writeOutput(path string, stdout io.Writer, render func(io.Writer) error) error {
	if path == "" {
		return render(stdout)
	}
	var b bytes.Buffer
	if err := render(&b); err != nil {
		return err
	}
	return renameio.WriteFile(path, b.Bytes(), 0o644)
}
