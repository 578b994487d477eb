package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/textwrap"
)

func init() {
	register(&command{
		name:  "play",
		short: "play a scenario in the terminal",
		usage: "[-seed N] [-record FILE] [-quiet] [FILE]",
		long: `Play plays a scenario in the terminal: the briefing, then each turn the meters,
the levers with their options and costs, and a prompt. Type commands at the
prompt; "end" resolves the turn and shows what happened and why.

With no FILE it plays the main shipped scenario (westminster-2017). FILE may
be a path or a shipped scenario's name, such as tutorial.

Commands at the prompt:

	levers                  list the levers, their options and costs
	set LEVER OPTION        choose an option (LEVER and OPTION are ids or numbers)
	spend LEVER AMOUNT      set a budget line
	answer EVENT CHOICE     answer a dilemma (ids or numbers)
	args LEVER [OPTION]     what each stakeholder argues about it
	source ID               show a source card
	why INDICATOR [TURN]    every cause of a meter's changes (id, name or number)
	reason TEXT             your reason for this turn's decisions (kept in the record)
	status                  meters, money and capital
	end                     resolve the turn
	quit                    stop (the record so far is still written)

Commands are read from standard input, one a line, so a game can be scripted:
	printf 'spend barriers 10\nend\n...' | kh play -seed 3

The -seed flag sets the seed (default 1): the same seed, scenario and
decisions always give the same game.
The -record flag writes the run record (JSON) to FILE when the game stops;
"kh replay FILE" re-runs it.
The -quiet flag leaves out the briefing and the lever list each turn.
`,
		run: runPlay,
	})
}

func runPlay(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := commands["play"]
	fs := newFlags(c, stderr)
	seed := fs.Uint64("seed", 1, "seed for the run")
	record := fs.String("record", "", "write the run record to this file")
	quiet := fs.Bool("quiet", false, "leave out the briefing and lever lists")
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
	t := &terminal{run: sim.New(sc, *seed), in: bufio.NewScanner(stdin), out: stdout, quiet: *quiet}
	t.in.Buffer(make([]byte, 64*1024), 64*1024)
	t.play()
	if *record != "" {
		if err := sim.SaveRecord(*record, t.run.Record()); err != nil {
			fmt.Fprintf(stderr, "kh play: could not write the record: %v\n", err)
			return exitProblems
		}
		fmt.Fprintf(stdout, "\nRecord written to %s (replay it with: kh replay %s)\n", *record, *record)
	}
	return exitOK
}

// terminal plays one run over a line-based text interface.
type terminal struct {
	run   *sim.Run
	in    *bufio.Scanner
	out   io.Writer
	quiet bool
	d     sim.Decision
}

func (t *terminal) printf(format string, args ...any) { fmt.Fprintf(t.out, format, args...) }

func (t *terminal) play() {
	sc := t.run.Scenario()
	t.printf("%s\n%s\n\n%s\n", strings.ToUpper(sc.Meta.Title), strings.Repeat("=", len([]rune(sc.Meta.Title))), wrap(sc.Meta.Summary, 78))
	t.printf("\nYour role: %s\n", wrap(sc.Meta.Role, 78))
	if !t.quiet {
		for _, p := range sc.Briefing {
			t.printf("\n-- %s --\n%s\n%s", p.Title, wrap(p.Text, 78), t.cite(p.Sources))
		}
		t.printf("\nWhat you should learn:\n")
		for _, o := range sc.Meta.Objectives {
			t.printf("  * %s\n", wrap(o, 74))
		}
	}
	for !t.run.Over() {
		t.d = sim.Decision{}
		t.turnHeader()
		if !t.turn() {
			t.printf("\nStopped at turn %d of %d.\n", t.run.Turn(), t.run.Turns())
			return
		}
	}
	t.ending()
}

func (t *terminal) turnHeader() {
	r := t.run
	t.printf("\n==== Turn %d of %d: %s ====\n", r.Turn(), r.Turns(), r.Date().Format("2 January 2006"))
	t.status()
	for _, dl := range r.Pending() {
		t.printf("\nDILEMMA (%s): %s\n%s\n", dl.Event.ID, dl.Event.Title, wrap(dl.Event.Text, 78))
		for i, ch := range dl.Event.Choices {
			t.printf("  %d. %s [%s]%s\n", i+1, ch.Label, ch.ID, costText(ch.Cost, ch.Capital, r.Scenario()))
			if ch.Text != "" {
				t.printf("     %s\n", wrap(ch.Text, 72))
			}
		}
		t.printf("  Answer with: answer %s NUMBER\n", dl.Event.ID)
	}
	if !t.quiet {
		t.levers()
	}
	t.printf("\nType a command (help lists them; end resolves the turn).\n")
}

func costText(money, capital float64, sc *scenario.Scenario) string {
	var parts []string
	if money > 0 {
		parts = append(parts, fmt.Sprintf("%g %s", money, sc.Budget.Unit))
	}
	if capital > 0 {
		parts = append(parts, fmt.Sprintf("%g %s", capital, capitalWord(sc)))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func capitalWord(sc *scenario.Scenario) string {
	if sc.Budget.CapitalName != "" {
		return strings.ToLower(sc.Budget.CapitalName)
	}
	return "capital"
}

func (t *terminal) status() {
	r := t.run
	sc := r.Scenario()
	cost := r.Cost(t.d)
	t.printf("Money: %g of %g %s planned   %s: %g (this turn's changes need %g)\n",
		cost.Money, r.Money(), sc.Budget.Unit, orWord(sc.Budget.CapitalName, "Capital"), r.Capital(), cost.Capital)
	for n, ind := range visibleIndicators(sc) {
		h := r.History(ind.ID)
		trend := ""
		if len(h) > 1 {
			trend = signed(h[len(h)-1] - h[len(h)-2])
		}
		t.printf(" %2d. %-22s %s %6.1f %-7s %s\n", n+1, ind.Name, bar(ind, r.Value(ind.ID)), r.Value(ind.ID), trend, goodWord(ind))
	}
}

// visibleIndicators are the meters, numbered from 1 in "status" and "why".
func visibleIndicators(sc *scenario.Scenario) []scenario.Indicator {
	var out []scenario.Indicator
	for _, ind := range sc.Indicators {
		if !ind.Hidden {
			out = append(out, ind)
		}
	}
	return out
}

func orWord(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func goodWord(ind scenario.Indicator) string {
	if ind.Good == "down" {
		return "(lower is better)"
	}
	return ""
}

func signed(v float64) string {
	if math.Abs(v) < 0.05 {
		return "="
	}
	return fmt.Sprintf("%+.1f", v)
}

// bar draws a value as text, so no colour is needed to read it.
func bar(ind scenario.Indicator, v float64) string {
	const width = 20
	n := int(math.Round((v - ind.Min) / (ind.Max - ind.Min) * width))
	n = max(0, min(width, n))
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

func (t *terminal) levers() {
	r := t.run
	sc := r.Scenario()
	group := "\x00"
	for i, l := range sc.Levers {
		if l.Group != group {
			group = l.Group
			if group != "" {
				t.printf("\n%s\n", strings.ToUpper(group))
			} else {
				t.printf("\n")
			}
		}
		if l.Kind == scenario.LeverSpend {
			now := r.Spend(l.ID)
			if v, ok := t.d.Spend[l.ID]; ok {
				now = v
			}
			t.printf("  %d. %s [%s]: %g %s (from %g to %g in steps of %g)\n", i+1, l.Name, l.ID, now, sc.Budget.Unit, l.Min, l.Max, l.Step)
			continue
		}
		cur := r.Option(l.ID)
		if v, ok := t.d.Options[l.ID]; ok {
			cur = v
		}
		t.printf("  %d. %s [%s]\n", i+1, l.Name, l.ID)
		for j, o := range l.Options {
			mark := " "
			if o.ID == cur {
				mark = "*"
			}
			note := ""
			if err := r.Allowed(l.ID, o.ID); err != nil {
				note = " - " + err.Error()
			}
			per := ""
			if o.Cost > 0 {
				per = fmt.Sprintf(" (%g %s a turn)", o.Cost, sc.Budget.Unit)
			}
			capital := ""
			if o.Capital > 0 && o.ID != r.Option(l.ID) {
				capital = fmt.Sprintf(" (%g %s to switch)", o.Capital, capitalWord(sc))
			}
			t.printf("     %s %d) %s [%s]%s%s%s\n", mark, j+1, o.Label, o.ID, per, capital, note)
		}
	}
}

// turn reads commands until the turn is resolved; false when input ends or
// the player quits.
func (t *terminal) turn() bool {
	for {
		t.printf("> ")
		if !t.in.Scan() {
			t.printf("\n")
			return false
		}
		line := strings.TrimSpace(t.in.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		cmd, rest := strings.ToLower(fields[0]), fields[1:]
		switch cmd {
		case "help", "?":
			t.printf("%s", commands["play"].long[strings.Index(commands["play"].long, "Commands at the prompt:"):strings.Index(commands["play"].long, "Commands are read")])
		case "levers", "l":
			t.levers()
		case "status", "s":
			t.status()
		case "set":
			t.set(rest)
		case "spend":
			t.spend(rest)
		case "answer", "a":
			t.answer(rest)
		case "args", "debate":
			t.args(rest)
		case "source":
			t.source(rest)
		case "why":
			t.why(rest)
		case "reason":
			t.d.Reason = strings.TrimSpace(strings.TrimPrefix(line, fields[0]))
			t.printf("Reason noted.\n")
		case "end", "e":
			if t.end() {
				return true
			}
		case "quit", "q", "exit":
			return false
		default:
			t.printf("Unknown command %q. Type help for the list.\n", cmd)
		}
	}
}

// lever resolves a lever named by id or by its number in the list.
func (t *terminal) lever(name string) *scenario.Lever {
	sc := t.run.Scenario()
	if n, err := strconv.Atoi(name); err == nil && n >= 1 && n <= len(sc.Levers) {
		return &sc.Levers[n-1]
	}
	return sc.Lever(name)
}

func (t *terminal) set(args []string) {
	if len(args) != 2 {
		l, o := t.exampleChoice()
		t.printf("Usage: set LEVER OPTION, e.g. set %s %s\n", l, o)
		return
	}
	l := t.lever(args[0])
	if l == nil || l.Kind != scenario.LeverChoice {
		t.printf("No graded lever %q. Type levers to see them.\n", args[0])
		return
	}
	opt := args[1]
	if n, err := strconv.Atoi(opt); err == nil && n >= 1 && n <= len(l.Options) {
		opt = l.Options[n-1].ID
	}
	if err := t.run.Allowed(l.ID, opt); err != nil {
		t.printf("Not possible: %v\n", err)
		return
	}
	if t.d.Options == nil {
		t.d.Options = map[string]string{}
	}
	t.d.Options[l.ID] = opt
	t.printf("%s: %s.%s\n", l.Name, l.Options[l.OptionIndex(opt)].Label, t.budgetNote())
}

func (t *terminal) exampleChoice() (string, string) {
	for _, l := range t.run.Scenario().Levers {
		if l.Kind == scenario.LeverChoice {
			return l.ID, l.Options[len(l.Options)-1].ID
		}
	}
	return "LEVER", "OPTION"
}

func (t *terminal) budgetNote() string {
	c := t.run.Cost(t.d)
	return fmt.Sprintf(" Planned: %g of %g %s; %g of %g %s.", c.Money, t.run.Money(), t.run.Scenario().Budget.Unit,
		c.Capital, t.run.Capital(), capitalWord(t.run.Scenario()))
}

func (t *terminal) spend(args []string) {
	if len(args) != 2 {
		t.printf("Usage: spend LEVER AMOUNT\n")
		return
	}
	l := t.lever(args[0])
	if l == nil || l.Kind != scenario.LeverSpend {
		t.printf("No budget line %q. Type levers to see them.\n", args[0])
		return
	}
	v, err := strconv.ParseFloat(args[1], 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		t.printf("%q is not an amount.\n", args[1])
		return
	}
	if t.d.Spend == nil {
		t.d.Spend = map[string]float64{}
	}
	old, had := t.d.Spend[l.ID]
	t.d.Spend[l.ID] = v
	if err := t.run.Check(sim.Decision{Spend: map[string]float64{l.ID: v}}); err != nil && !strings.Contains(err.Error(), "dilemma") {
		if had {
			t.d.Spend[l.ID] = old
		} else {
			delete(t.d.Spend, l.ID)
		}
		t.printf("Not possible: %v\n", err)
		return
	}
	t.printf("%s: %g %s.%s\n", l.Name, v, t.run.Scenario().Budget.Unit, t.budgetNote())
}

func (t *terminal) answer(args []string) {
	pending := t.run.Pending()
	if len(pending) == 0 {
		t.printf("No dilemma is waiting for an answer.\n")
		return
	}
	if len(args) == 1 && len(pending) == 1 { // "answer 2" when only one dilemma waits
		args = []string{pending[0].Event.ID, args[0]}
	}
	if len(args) != 2 {
		t.printf("Usage: answer EVENT CHOICE\n")
		return
	}
	for _, dl := range pending {
		if dl.Event.ID != args[0] {
			continue
		}
		choice := args[1]
		if n, err := strconv.Atoi(choice); err == nil && n >= 1 && n <= len(dl.Event.Choices) {
			choice = dl.Event.Choices[n-1].ID
		}
		for _, ch := range dl.Event.Choices {
			if ch.ID == choice {
				if t.d.Answers == nil {
					t.d.Answers = map[string]string{}
				}
				t.d.Answers[dl.Event.ID] = ch.ID
				t.printf("Answered %q: %s.\n", dl.Event.Title, ch.Label)
				return
			}
		}
		t.printf("%q is not a choice of %s.\n", args[1], dl.Event.ID)
		return
	}
	t.printf("No dilemma %q is waiting.\n", args[0])
}

func (t *terminal) args(args []string) {
	if len(args) == 0 {
		t.printf("Usage: args LEVER [OPTION]\n")
		return
	}
	l := t.lever(args[0])
	if l == nil {
		t.printf("No lever %q.\n", args[0])
		return
	}
	opt := ""
	if len(args) > 1 {
		opt = args[1]
		if n, err := strconv.Atoi(opt); err == nil && n >= 1 && n <= len(l.Options) {
			opt = l.Options[n-1].ID
		}
	}
	sc := t.run.Scenario()
	list := sc.ArgumentsAbout(l.ID, opt)
	if opt == "" { // every option's arguments too
		list = nil
		for _, a := range sc.Arguments {
			if a.About == l.ID || strings.HasPrefix(a.About, l.ID+".") {
				list = append(list, a)
			}
		}
	}
	if len(list) == 0 {
		t.printf("Nobody argues about that yet.\n")
		return
	}
	for _, stance := range []string{"for", "against"} {
		t.printf("\n%s:\n", strings.ToUpper(stance))
		for _, a := range list {
			if a.Stance != stance {
				continue
			}
			who := a.By
			if s := sc.Stakeholder(a.By); s != nil {
				who = s.Name
			}
			about := ""
			if _, o, ok := strings.Cut(a.About, "."); ok && opt == "" {
				about = " on " + l.Options[l.OptionIndex(o)].Label
			}
			t.printf("  %s\n%s", wrap(who+about+": "+a.Text, 76), t.cite(a.Sources))
		}
	}
}

// cite prints source tags with their evidence labels.
func (t *terminal) cite(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	sc := t.run.Scenario()
	tags := make([]string, len(ids))
	for i, id := range ids {
		tags[i] = id
		if s := sc.Source(id); s != nil {
			tags[i] = fmt.Sprintf("%s: %s", id, s.Evidence)
		}
	}
	return "    [" + strings.Join(tags, "] [") + "]  (source ID shows a card)\n"
}

func (t *terminal) source(args []string) {
	if len(args) != 1 {
		t.printf("Usage: source ID\n")
		return
	}
	s := t.run.Scenario().Source(args[0])
	if s == nil {
		t.printf("No source %q.\n", args[0])
		return
	}
	t.printf("\n[%s] %s\n  %s", s.ID, s.Title, strings.ToUpper(s.Evidence))
	if s.Outlet != "" || s.Date != "" {
		t.printf(" - %s %s", s.Outlet, s.Date)
	}
	t.printf("\n")
	if s.Quote != "" {
		t.printf("  \"%s\"\n", wrap(s.Quote, 74))
	}
	if s.Note != "" {
		t.printf("  %s\n", wrap(s.Note, 76))
	}
	if s.URL != "" {
		t.printf("  %s\n", s.URL)
	}
}

func (t *terminal) why(args []string) {
	if len(args) == 0 || len(args) > 2 {
		t.printf("Usage: why INDICATOR [TURN]\n")
		return
	}
	sc := t.run.Scenario()
	ind := sc.Indicator(args[0])
	if n, err := strconv.Atoi(args[0]); err == nil && n >= 1 && n <= len(visibleIndicators(sc)) {
		ind = sc.Indicator(visibleIndicators(sc)[n-1].ID)
	}
	if ind == nil {
		for i := range sc.Indicators {
			if strings.EqualFold(sc.Indicators[i].Name, args[0]) {
				ind = &sc.Indicators[i]
			}
		}
	}
	if ind == nil {
		t.printf("No indicator %q.\n", args[0])
		return
	}
	turn := 0
	if len(args) == 2 {
		n, err := strconv.Atoi(args[1])
		if err != nil || n < 1 {
			t.printf("%q is not a turn number.\n", args[1])
			return
		}
		turn = n
	}
	entries := t.run.Why(ind.ID, turn)
	if len(entries) == 0 {
		t.printf("Nothing has changed %s yet.\n", ind.Name)
		return
	}
	t.printf("\nWhy %s changed:\n", ind.Name)
	for _, g := range groupEntries(entries) {
		when := ""
		if w := g.when(); w != "" {
			when = " [" + w + "]"
		}
		t.printf("  %+7.1f  %s%s\n           %s\n%s", g.amount, g.cause, when, wrap(g.explain, 66), t.cite(g.sources))
	}
}

type entryGroup struct {
	cause, explain string
	amount         float64
	sources        []string
	caused, landed []int // turns, in order, without repeats
}

// when says when a group's causes were made and landed, which is how a
// player sees a delay.
func (g entryGroup) when() string {
	if len(g.caused) == 0 {
		return ""
	}
	if reflect.DeepEqual(g.caused, g.landed) {
		return "turn " + turnList(g.landed)
	}
	return "decided turn " + turnList(g.caused) + ", landed turn " + turnList(g.landed)
}

func turnList(ts []int) string {
	if len(ts) > 3 {
		return fmt.Sprintf("%d to %d", ts[0], ts[len(ts)-1])
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = strconv.Itoa(t)
	}
	return strings.Join(parts, ", ")
}

func addTurn(ts []int, t int) []int {
	if i := sort.SearchInts(ts, t); i < len(ts) && ts[i] == t {
		return ts
	}
	ts = append(ts, t)
	sort.Ints(ts)
	return ts
}

// groupEntries sums entries by effect and cause, largest first, so that a
// policy held for ten turns reads as one line.
func groupEntries(entries []sim.Entry) []entryGroup {
	idx := map[string]int{}
	var out []entryGroup
	for _, e := range entries {
		key := e.Effect + "|" + e.Cause.Kind + "|" + e.Cause.ID + "|" + e.Cause.Option
		if e.Cause.Kind == "event" || e.Cause.Kind == "choice" {
			key += "|" + strconv.Itoa(e.Cause.Turn)
		}
		i, ok := idx[key]
		if !ok {
			label := e.Cause.Label
			if e.Cause.Kind == "lever" { // one line per policy, whatever turn it was set
				label = strings.SplitN(label, " (since", 2)[0]
				if i := strings.Index(label, " (turn "); i >= 0 {
					label = strings.SplitN(label, ":", 2)[0] + " (budget line, all turns)"
				}
			}
			i = len(out)
			idx[key] = i
			out = append(out, entryGroup{cause: label, explain: e.Explain, sources: e.Sources})
		}
		out[i].amount += e.Amount
		if e.Cause.Kind != "drift" && e.Cause.Kind != "limit" {
			out[i].caused = addTurn(out[i].caused, e.Cause.Turn)
			out[i].landed = addTurn(out[i].landed, e.Turn)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return math.Abs(out[a].amount) > math.Abs(out[b].amount) })
	return out
}

func (t *terminal) end() bool {
	r := t.run
	if err := r.Check(t.d); err != nil {
		t.printf("This turn's decisions don't work yet:\n")
		for _, line := range strings.Split(err.Error(), "\n") {
			t.printf("  - %s\n", line)
		}
		return false
	}
	rep, err := r.Resolve(t.d)
	if err != nil {
		t.printf("Could not resolve the turn: %v\n", err)
		return false
	}
	t.report(rep)
	return true
}

func (t *terminal) report(rep *sim.Report) {
	sc := t.run.Scenario()
	t.printf("\n---- What happened in turn %d ----\n", rep.Turn)
	if len(rep.News) == 0 {
		t.printf("A quiet few weeks: no headlines.\n")
	}
	for _, n := range rep.News {
		tag := ""
		if n.Fiction {
			tag = " (scenario event: did not really happen)"
		}
		if n.RealDate != "" {
			tag = " (real, but out of time: it happened " + n.RealDate + ")"
		}
		t.printf("\n* %s%s\n  %s\n%s", n.Title, tag, wrap(n.Text, 76), t.cite(n.Sources))
		if n.Dilemma {
			t.printf("  You must answer this next turn.\n")
		}
	}
	t.printf("\nChanges:\n")
	for _, ch := range rep.Changes {
		ind := sc.Indicator(ch.Indicator)
		if ind.Hidden || math.Abs(ch.After-ch.Before) < 0.05 {
			continue
		}
		var entries []sim.Entry
		for _, e := range rep.Entries {
			if e.Indicator == ch.Indicator {
				entries = append(entries, e)
			}
		}
		groups := groupEntries(entries)
		main := ""
		if len(groups) > 0 {
			main = "  largest cause: " + groups[0].cause
		}
		t.printf("  %-24s %6.1f -> %6.1f (%s)%s\n", ind.Name, ch.Before, ch.After, signed(ch.After-ch.Before), main)
	}
	for _, w := range rep.Warnings {
		t.printf("  warning: %s\n", w)
	}
	t.printf("(why INDICATOR shows every cause.)\n")
}

func (t *terminal) ending() {
	r := t.run
	sc := r.Scenario()
	e := r.Ending()
	t.printf("\n==== THE END: %s ====\n%s\n\nAssessment: %s\n", e.Title, wrap(e.Text, 78), wrap(e.Assessment, 78))
	t.printf("\nFinal meters:\n")
	t.status()
	t.printf("\nLargest causes over the whole game:\n")
	for _, ind := range sc.Indicators {
		if ind.Hidden {
			continue
		}
		groups := groupEntries(r.Why(ind.ID, 0))
		for k := 0; k < len(groups) && k < 2; k++ {
			if math.Abs(groups[k].amount) >= 0.5 {
				t.printf("  %-24s %+6.1f  %s\n", ind.Name, groups[k].amount, groups[k].cause)
			}
		}
	}
	if len(sc.Debrief.Questions) > 0 {
		t.printf("\nFor discussion:\n")
		for i, q := range sc.Debrief.Questions {
			t.printf("  %d. %s\n%s", i+1, wrap(q.Text, 74), t.cite(q.Sources))
		}
	}
}

// wrap breaks text into lines of at most width runes, indenting later
// lines by two spaces.
func wrap(s string, width int) string {
	runes := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	return strings.Join(textwrap.Wrap(strings.TrimSpace(s), float64(width), runes), "\n  ")
}
