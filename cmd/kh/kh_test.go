package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const mini = "../../game/sim/simtest/mini.toml"

func kh(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"check"}, {"check", "-nope", mini}, {"play", "a", "b"},
		{"replay"}, {"check", "-games", "-1", mini}, {"help", "nothing"}} {
		if code, _, _ := kh(t, "", args...); code != exitUsage {
			t.Errorf("kh %v exited %d, want %d", args, code, exitUsage)
		}
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for name := range commands {
		code, out, _ := kh(t, "", "help", name)
		if code != 0 || !strings.HasPrefix(out, "usage: kh "+name) || len(out) < 200 {
			t.Errorf("kh help %s: exit %d, output %q", name, code, out)
		}
	}
}

func TestCheckReportsPositionsAndExitCode(t *testing.T) {
	if code, out, _ := kh(t, "", "check", "-games", "0", mini); code != 0 {
		t.Fatalf("valid scenario: exit %d\n%s", code, out)
	}
	src, _ := os.ReadFile(mini)
	bad := strings.Replace(string(src), `target = "trust"`, `target = "trsut"`, 1)
	bad = strings.Replace(bad, "  label = \"Notices\"", "  labl = \"Notices\"", 1)
	path := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(path, []byte(bad), 0o644)
	code, out, _ := kh(t, "", "check", path)
	if code != exitProblems {
		t.Fatalf("broken scenario: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{path + ":", `target "trsut" is not an indicator; did you mean "trust"?`, `unknown key "labl"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n < 2 { // every problem, not just the first
		t.Errorf("only %d lines reported:\n%s", n, out)
	}
	code, out, _ = kh(t, "", "check", "-json", "-games", "0", path)
	if code != exitProblems || !strings.Contains(out, `"severity": "error"`) {
		t.Errorf("-json: exit %d\n%s", code, out)
	}
}

// A scripted game reaches an ending, writes a record, and the record
// replays to the same ending; an edited scenario is refused.
func TestPlayRecordReplay(t *testing.T) {
	dir := t.TempDir()
	rec := filepath.Join(dir, "run.json")
	script := strings.Join([]string{
		"spend barriers 10", "set mandate 2", "reason protect the bridge first", "end",
		"end", // the summit's dilemma is unanswered: must be refused
		"answer summit cooperate", "why trust", "args mandate", "source D1", "end",
		"end", "end", "end", "end", "end",
	}, "\n")
	code, out, errs := kh(t, script, "play", "-seed", "5", "-record", rec, mini)
	if code != 0 {
		t.Fatalf("play exit %d: %s", code, errs)
	}
	for _, want := range []string{"Turn 1 of 6", "answer the dilemma", "Why Trust changed", "THE END", "Record written"} {
		if !strings.Contains(out, want) {
			t.Errorf("play output lacks %q", want)
		}
	}
	code, rout, rerr := kh(t, "", "replay", "-scenario", mini, "-turns", rec)
	if code != 0 {
		t.Fatalf("replay exit %d: %s", code, rerr)
	}
	ending := out[strings.Index(out, "THE END: ")+len("THE END: "):]
	ending = ending[:strings.Index(ending, " ====")]
	if !strings.Contains(rout, "Ending: "+ending) || !strings.Contains(rout, "reason: protect the bridge first") {
		t.Errorf("replay does not match the game (ending %q):\n%s", ending, rout)
	}
	src, _ := os.ReadFile(mini)
	edited := filepath.Join(dir, "edited.toml")
	os.WriteFile(edited, bytes.Replace(src, []byte(`value = "-4"`), []byte(`value = "-3"`), 1), 0o644)
	code, _, rerr = kh(t, "", "replay", "-scenario", edited, rec)
	if code != exitProblems || !strings.Contains(rerr, "scenario has changed") {
		t.Errorf("replay against an edited scenario: exit %d, %s", code, rerr)
	}
}

func TestPlayRefusesImpossibleMoves(t *testing.T) {
	code, out, _ := kh(t, "set mandate ban\nspend barriers 7\nspend nothing 5\nfly\nquit\n", "play", "-quiet", mini)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Not possible: Mandate can move at most 1 step", "not a step of 5", `No budget line "nothing"`,
		`Unknown command "fly"`, "Stopped at turn 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestReplayRejectsDamagedRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	os.WriteFile(path, []byte(`{"format": 1, "scenario": "mini", "hash": "ab", "seed": 1, "decisions": [`), 0o644)
	if code, _, errs := kh(t, "", "replay", path); code != exitProblems || !strings.Contains(errs, "not valid JSON") {
		t.Errorf("damaged record: exit %d, %q", code, errs)
	}
}
