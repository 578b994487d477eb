package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/input"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/scenarios"
)

// TestWholeGame plays the main scenario from the title screen to the
// debrief through the real screens, checking what each one shows.
func TestWholeGame(t *testing.T) {
	d := newDriver(t, 1280, 720, 1, false)
	sc := entriesCache[0].SC
	if entriesCache[0].Name != scenarios.Main {
		t.Fatalf("first scenario is %s", entriesCache[0].Name)
	}
	// Title.
	d.screen("title")
	d.shows("Keyholder", "New game: "+sc.Meta.Title, "Continue saved game", "Settings", "Quit", "Your role:")
	// Keyboard: Enter on the focused first item starts a new game.
	d.key(input.KeyEnter)
	d.screen("briefing")
	d.shows("Briefing 1 of", sc.Meta.Title, "Your role:", "What you will learn:")
	for i, p := range sc.Briefing {
		if i == 0 {
			d.key(input.KeyEnter)
		} else {
			d.press("brief:next")
		}
		d.shows(p.Title)
		if i == 0 && len(p.Sources) > 0 {
			// A source tag opens its card; Esc closes it.
			d.press("src:brief1:" + p.Sources[0] + "0")
			d.shows("Source "+p.Sources[0], "Evidence:")
			d.key(input.KeyEscape)
			if d.app.source != "" {
				t.Fatal("Esc did not close the source card")
			}
		}
	}
	d.press("brief:next")
	d.shows("Controls and panels")
	d.key(input.KeyEnter)
	d.screen("room")

	// Policy room: header, meters, levers, map, debate.
	d.shows("Turn 1 of", "Budget:", "left of", "Levers", "Meters", "Debate", "News (0)")
	for _, ind := range visibleIndicators(sc) {
		d.shows(ind.Name)
	}
	for _, lv := range sc.Levers[:4] {
		d.shows(lv.Name)
	}
	// The first lever's option is focused: the debate shows its arguments.
	lv := sc.Levers[0]
	if !strings.HasPrefix(d.app.c.Focus, "opt:"+lv.ID+":") {
		t.Fatalf("focus %q, want the first lever", d.app.c.Focus)
	}
	d.shows(lv.Name + ": ")
	if args := sc.ArgumentsAbout(lv.ID, d.app.draft.Options[lv.ID]); len(args) > 0 {
		d.shows("FOR", "AGAINST")
	}
	// Arrow keys move the focus; a number key picks an option.
	d.key(input.KeyRight)
	d.key(input.Key2)
	if d.app.draft.Options[lv.ID] != lv.Options[1].ID && d.app.run.Allowed(lv.ID, lv.Options[1].ID) == nil {
		t.Fatalf("number key 2 did not choose %s (draft %v)", lv.Options[1].ID, d.app.draft.Options)
	}
	// A spend lever: + shows the cost before committing.
	var spend string
	for _, l := range sc.Levers {
		if l.Kind == "spend" && l.Location != "" {
			spend = l.ID
			break
		}
	}
	before := d.app.run.Cost(d.app.decision()).Money
	d.press("inc:" + spend)
	after := d.app.run.Cost(d.app.decision()).Money
	if after <= before {
		t.Fatalf("spending more on %s did not raise the cost preview: %v -> %v", spend, before, after)
	}
	d.shows("(was")
	// Why? on a meter.
	ind := visibleIndicators(sc)[0]
	d.press("meter:" + ind.ID)
	d.shows("Why? "+ind.Name, "Last turn (0)", "Whole game", "Nothing has changed this meter yet")
	d.key(input.KeyEscape)
	// Hovering shows a tooltip after a moment.
	for _, it := range d.app.c.items {
		if it.ID == "endturn" {
			x, y := it.Rect.X+it.Rect.W/2, it.Rect.Y+it.Rect.H/2
			d.in.Push(input.Frame{X: x, Y: y, Moved: true})
			d.frames(40)
			d.shows("Commit this turn's decisions")
			if d.app.c.tipRect.Empty() {
				t.Fatal("no tooltip box")
			}
		}
	}
	// End turn with a reason.
	d.press("endturn")
	d.shows("End turn 1?", "Why did you decide this?", "This turn costs")
	d.typeText("Protect the bridge first")
	d.key(input.KeyEnter) // Enter in the reason field commits
	d.screen("turn")
	d.shows("Turn 1: what happened", "Changes this turn")
	rep := d.app.last
	if rep == nil || rep.Decision.Reason != "Protect the bridge first" {
		t.Fatalf("reason not recorded: %+v", rep)
	}
	for _, n := range rep.News {
		_ = n
	}
	if len(rep.News) > 0 {
		d.shows("1. " + rep.News[0].Title)
	}
	// Autosaved atomically after the turn.
	rec, err := sim.LoadRecord(d.app.o.Store.Path)
	if err != nil || len(rec.Decisions) != 1 || rec.Decisions[0].Reason != "Protect the bridge first" {
		t.Fatalf("autosave: %v %+v", err, rec)
	}
	d.press("turn:next")
	if d.app.Screen() == "turn" {
		d.press("turn:next")
	}
	d.screen("room")
	d.shows("Turn 2 of")
	// Why? now lists last turn's contributions with causes.
	d.press("meter:" + ind.ID)
	if len(d.app.run.Why(ind.ID, 1)) > 0 {
		d.shows("Cause: ")
	}
	d.press("why:all")
	d.key(input.KeyEscape)
	// News tab.
	d.press("tab:news")
	d.shows("LAST TURN (1)")
	d.press("tab:debate")

	// Play to the end.
	for guard := 0; !d.app.run.Over(); guard++ {
		if guard > sc.Meta.Turns+1 {
			t.Fatal("game does not end")
		}
		d.screen("room")
		d.playTurn("")
	}
	d.screen("debrief")
	end := d.app.run.Ending()
	d.shows("Ending: "+end.Title, "rated", end.Text[:20])
	want := []string{"Assessment", "Indicators over the game", "Your decisions", "Protect the bridge first",
		"Largest causes of the outcome", "1. ", "Questions to discuss", "Sources used"}
	if len(sc.Debrief.Questions) > 0 {
		want = append(want, "1. "+firstWords(sc.Debrief.Questions[0].Text))
	}
	d.showsScrolling(640, 360, want...)
	d.press("debrief:save")
	runs, _ := filepath.Glob(filepath.Join(d.dir, "runs", "*.json"))
	if len(runs) != 1 {
		t.Fatalf("run record not saved: %v", runs)
	}
	saved, err := sim.LoadRecord(runs[0])
	if err != nil || saved.Ending != end.ID {
		t.Fatalf("saved record: %v %+v", err, saved)
	}
	if _, err := sim.Replay(sc, saved); err != nil {
		t.Fatalf("saved record does not replay: %v", err)
	}
	d.shows("Saved: ")
	d.press("debrief:title")
	d.screen("title")
	// The finished game can be reopened from the title.
	d.shows("Continue (finished game)")
	d.press("continue")
	d.screen("debrief")
}

func firstWords(s string) string {
	f := strings.Fields(s)
	if len(f) > 3 {
		f = f[:3]
	}
	return strings.Join(f, " ")
}

// TestCorruptSave: a corrupt autosave is reported and set aside, never
// crashes, and the game goes on.
func TestCorruptSave(t *testing.T) {
	d := newDriver(t, 1280, 720, 1, false)
	path := d.app.o.Store.Path
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.frames(1)
	d.key(input.KeyTab) // rebuild the title with the save present
	d.press("continue")
	d.screen("title")
	d.shows("could not be used")
	bad, _ := filepath.Glob(path + ".bad-*")
	if len(bad) != 1 {
		t.Fatalf("corrupt save not set aside: %v", bad)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("corrupt save still in place")
	}
	// A save for another version of the scenario (hash differs) too.
	rec := sim.Record{Format: 1, Scenario: entriesCache[0].SC.Meta.ID, Hash: "0000", Seed: 1, Decisions: []sim.Decision{{}}}
	if err := sim.SaveRecord(path, rec); err != nil {
		t.Fatal(err)
	}
	d.key(input.KeyTab)
	d.press("continue")
	d.screen("title")
	bad, _ = filepath.Glob(path + ".bad-*")
	if len(bad) < 1 {
		t.Fatal("old save not set aside")
	}
	d.toRoom()
}

// TestContinue: quitting to the title after a turn and continuing brings
// the same game back.
func TestContinue(t *testing.T) {
	d := newDriver(t, 1280, 720, 1, false)
	d.toRoom()
	d.press("inc:barriers")
	d.playTurn("first")
	d.screen("room")
	want := d.app.run.Value(d.app.run.Scenario().Indicators[0].ID)
	d.key(input.KeyEscape)
	d.press("menu:title")
	d.screen("title")
	d.shows("Continue (turn 2)")
	d.press("continue")
	d.screen("room")
	if d.app.run.Turn() != 2 || d.app.run.Value(d.app.run.Scenario().Indicators[0].ID) != want {
		t.Fatalf("continued at turn %d", d.app.run.Turn())
	}
}
