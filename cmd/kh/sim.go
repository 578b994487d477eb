package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/stats"
)

func init() {
	register(&command{
		name:  "sim",
		short: "play many bot games and show what happens how often",
		usage: "[-n N] [-seed S] [-strategy random|hold|fixed] [-fixed LEVER=OPTION,...] [-change P] [-sweep] [-json] [-cpu N] [FILE]",
		long: `Sim plays N games of a scenario with a bot strategy, on every core, and
prints how often each ending and event happens, the mean and spread of each
indicator's final value, and how much each lever option moves the outcome.

With no FILE it simulates the main shipped scenario. FILE may be a path or a
shipped scenario's name, such as tutorial.

Game i is played with seed S+i, so any single game can be watched again with
"kh play -seed S+i". The same flags always print the same figures, whatever
the number of cores.

The strategies:

	random  each turn, each lever is re-rolled with probability -change
	        (default 0.5): a random allowed option, or a random amount on the
	        lever's steps. Dilemmas get random answers.
	hold    never touches a lever; answers every dilemma with its first choice.
	fixed   aims at the settings given by -fixed all game; other levers keep
	        their starting settings. A lever that cannot jump to its target
	        (max_step, cooldown, requires, capital) gets as close as it may.
	        Budget lines ask for their amount every turn; when money is short
	        the largest lines are cut first. Dilemmas not named get random
	        answers.

The -fixed flag names targets as LEVER=OPTION pairs separated by commas:
an option id (or min/max for the first/last grade) for a choice lever, an
amount (or min/max) for a budget line, a choice id for an event's dilemma:

	kh sim -strategy fixed -fixed mandate=max
	kh sim -strategy fixed -fixed barriers=max,gates=max,patrols=max
	kh sim -fixed mandate=max          (mandate held at max, the rest random)

With -strategy random or hold, -fixed forces those levers and leaves the
rest to the strategy.

"How much each lever option moves the outcome" is measured two ways:

	By default, from the games played: for each option, the games in which it
	was held for more than half the turns are compared with the rest (for a
	budget line: games spending in the upper half of its range). This shows
	association, not cause: options that tend to go with others share credit.

	With -sweep, by experiment: for every lever option (and the minimum,
	middle and maximum of every budget line) the same N seeds are played
	again with that one lever forced to that setting and the rest left to the
	strategy, and the final means are compared with the strategy's own. The
	sweep plays N games per setting, so use a smaller -n.

Shifts are in percent of the indicator's range. The best-rated ending share
(the ending with the highest rating) is given for every run and every sweep
setting, for balance checks.

The -json flag prints the figures as JSON instead of tables.
The -cpu flag sets how many games run at once (default: all cores).
A progress bar is drawn on standard error when it is a terminal.

Exit status is 0 on success, 1 when the scenario has errors, and 2 for a
usage error.
`,
		run: runSim,
	})
}

// Bounds on -n: a million games is minutes of work; more is a typo.
const maxSimGames = 1_000_000

func runSim(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := commands["sim"]
	fs := newFlags(c, stderr)
	n := fs.Int("n", 1000, "number of games")
	seed := fs.Uint64("seed", 1, "seed of the first game")
	strategy := fs.String("strategy", "", "bot strategy: random, hold or fixed (default random, or fixed with -fixed)")
	fixedSpec := fs.String("fixed", "", "settings held all game: LEVER=OPTION,...")
	change := fs.Float64("change", bot.DefaultChange, "random strategy: chance each turn that a lever is re-rolled")
	sweep := fs.Bool("sweep", false, "also play every single-lever setting and compare")
	asJSON := fs.Bool("json", false, "print figures as JSON")
	cpu := fs.Int("cpu", 0, "games run at once (0 = all cores)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "kh sim: "+format+"\n", a...)
		fmt.Fprintf(stderr, "Run 'kh help sim' for usage.\n")
		return exitUsage
	}
	if fs.NArg() > 1 {
		return usageErr("one scenario at a time, not %d", fs.NArg())
	}
	if *n < 1 || *n > maxSimGames {
		return usageErr("-n must be 1..%d, not %d", maxSimGames, *n)
	}
	if *seed > math.MaxUint64-uint64(*n) {
		return usageErr("-seed %d is too large for %d games", *seed, *n)
	}
	if !(*change > 0 && *change <= 1) {
		return usageErr("-change must be more than 0 and at most 1, not %g", *change)
	}
	if *cpu < 0 || *cpu > 1024 {
		return usageErr("-cpu must be 0..1024, not %d", *cpu)
	}
	if *strategy == "" {
		*strategy = "random"
		if *fixedSpec != "" {
			*strategy = "fixed"
		}
	}
	switch *strategy {
	case "random", "hold", "fixed":
	default:
		return usageErr("unknown strategy %q (random, hold or fixed)", *strategy)
	}
	if *strategy == "fixed" && *fixedSpec == "" {
		return usageErr("-strategy fixed needs -fixed LEVER=OPTION,..., e.g. -fixed mandate=max")
	}

	sc := openScenario(fs.Arg(0), stderr)
	if sc == nil {
		return exitProblems
	}
	settings, err := bot.ParseSettings(sc, *fixedSpec)
	if err != nil {
		return usageErr("-fixed: %v", err)
	}

	var spec bot.Spec
	switch *strategy {
	case "random":
		spec = bot.Random(*change)
	case "hold", "fixed":
		spec = bot.Hold()
	}
	if len(settings) > 0 {
		name := *strategy + " " + bot.FormatSettings(settings)
		if *strategy == "fixed" {
			spec = bot.Fixed(name, settings, nil)
		} else {
			spec = bot.Fixed(name, settings, &spec)
		}
	}

	total := *n
	if *sweep {
		total *= 1 + len(bot.Variants(sc))
	}
	defer lessGC()()
	cfg := stats.Config{Games: *n, Seed: *seed, Workers: *cpu, Done: new(atomic.Int64)}
	stop := progress(stderr, cfg.Done, total)
	start := time.Now()
	var res stats.Result
	var sw stats.Sweep
	if *sweep {
		sw = stats.SweepAll(sc, spec, nil, cfg)
		res = sw.Base
	} else {
		res = stats.Play(sc, spec, cfg)
	}
	elapsed := time.Since(start)
	stop()

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		var v any = res
		if *sweep {
			v = sw
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "kh sim: %v\n", err)
			return exitProblems
		}
		return exitOK
	}
	workers := *cpu
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	printResult(stdout, sc, res, elapsed, min(workers, *n))
	if *sweep {
		printSweep(stdout, sc, sw)
	}
	return exitOK
}

// lessGC makes the collector run less often while bots play (unless GOGC
// is set): games allocate fast but keep little alive, so a larger heap
// target saves a quarter of the CPU time. It returns the undo.
func lessGC() func() {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(400)
	return func() { debug.SetGCPercent(old) }
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

func printResult(w io.Writer, sc *scenario.Scenario, res stats.Result, elapsed time.Duration, workers int) {
	fmt.Fprintf(w, "%s (%s): %d games, strategy %s, seeds %d..%d, %s on %d cores\n",
		sc.Meta.Title, sc.File, res.Games, res.Strategy, res.Seed, res.Seed+uint64(res.Games)-1,
		elapsed.Round(time.Millisecond), workers)
	fmt.Fprintf(w, "Turns played: %.1f of %d on average. Distinct stories (events and ending): %d.\n",
		res.MeanTurns, sc.Meta.Turns, res.Stories)
	if res.Stuck > 0 {
		fmt.Fprintf(w, "Stuck: %d games could not go on, e.g. %s\n", res.Stuck, res.StuckError)
	}

	fmt.Fprintf(w, "\nEndings\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  ending\trating\tgames\tshare\tended on turn\n")
	for _, e := range res.Endings {
		turn := "-"
		if e.Games > 0 {
			turn = fmt.Sprintf("%.1f", e.MeanTurn)
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%s\n", e.ID, e.Rating, e.Games, pct(e.Share), turn)
	}
	tw.Flush()
	var ratings []string
	for _, r := range res.Ratings {
		if r.Games > 0 {
			ratings = append(ratings, fmt.Sprintf("%d: %s", r.Rating, pct(r.Share)))
		}
	}
	fmt.Fprintf(w, "Ratings (1 worst .. 5 best): %s. Best-rated ending (rating %d): %s of games.\n",
		strings.Join(ratings, ", "), res.BestRating, pct(res.BestShare))

	fmt.Fprintf(w, "\nEvents (games in which each happened at least once)\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  event\tgames\tshare\ttimes a game\n")
	for _, e := range res.Events {
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%.2f\n", e.ID, e.Games, pct(e.Share), e.MeanTimes)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nFinal indicators\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "  indicator\tgood\trange\tstart\tmean\tstddev\tp10\tp50\tp90\t\n")
	for _, s := range res.Indicators {
		fmt.Fprintf(tw, "  %s\t%s\t%g..%g\t%g\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n",
			s.ID, s.Good, s.Min, s.Max, s.Start, s.Mean, s.Stddev, s.P10, s.P50, s.P90)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nLever options: games holding the option for most turns against the rest.\n")
	fmt.Fprintf(w, "Shifts are in %% of range; this is association, not cause (use -sweep for cause).\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  option\tgames\tbest ending with / without\tlargest shifts\n")
	for _, o := range res.Options {
		shifts := "-"
		if o.Diff != nil {
			shifts = topShifts(sc, o.Diff, 3)
		}
		fmt.Fprintf(tw, "  %s=%s\t%d\t%s / %s\t%s\n", o.Lever, o.Option, o.Games, pct(o.BestWith), pct(o.BestWithout), shifts)
	}
	tw.Flush()
}

// topShifts names the k largest shifts, e.g. "trust -9.1, safety +1.4".
func topShifts(sc *scenario.Scenario, diff []float64, k int) string {
	idx := make([]int, len(diff))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(diff[idx[a]]) > math.Abs(diff[idx[b]]) })
	var parts []string
	for _, i := range idx[:min(k, len(idx))] {
		parts = append(parts, fmt.Sprintf("%s %+.1f", sc.Indicators[i].ID, diff[i]))
	}
	return strings.Join(parts, ", ")
}

func printSweep(w io.Writer, sc *scenario.Scenario, sw stats.Sweep) {
	fmt.Fprintf(w, "\nSweep: each setting forced all game, other levers left to %s, on the same %d seeds.\n",
		sw.Base.Strategy, sw.Base.Games)
	fmt.Fprintf(w, "Shifts are final means minus the strategy's own, in %% of range. Best-rated ending alone: %s.\n",
		pct(sw.Base.BestShare))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  setting\tbest ending\tmost common ending\tlargest shifts\n")
	for _, v := range sw.Variants {
		top := "-"
		if v.TopEnding != "" {
			top = fmt.Sprintf("%s %s", v.TopEnding, pct(v.TopShare))
		}
		stuck := ""
		if v.Stuck > 0 {
			stuck = fmt.Sprintf(" (%d stuck)", v.Stuck)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s%s\n", v.Setting, pct(v.BestShare), top, topShifts(sc, v.Shift, 3), stuck)
	}
	tw.Flush()
}

// progress draws a bar on stderr while games run, only when stderr is a
// terminal, so piped output and logs stay clean. The returned func stops it
// and clears the line.
func progress(stderr io.Writer, done *atomic.Int64, total int) func() {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	quit, finished := make(chan struct{}), make(chan struct{})
	draw := func() {
		d := int(done.Load())
		const width = 30
		fill := width * d / max(total, 1)
		fmt.Fprintf(f, "\r[%s%s] %3d%% %d/%d games", strings.Repeat("#", fill), strings.Repeat(" ", width-fill),
			100*d/max(total, 1), d, total)
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprintf(f, "\r%s\r", strings.Repeat(" ", 60))
				return
			case <-t.C:
				draw()
			}
		}
	}()
	return func() { close(quit); <-finished }
}
