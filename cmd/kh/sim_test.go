package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/stats"
)

const miniPath = "../../game/sim/simtest/mini.toml"

func runKh(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSimUsageErrorsExitTwo(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sim", miniPath, "-n", "0"}, "-n must be 1..1000000, not 0"},
		{[]string{"sim", miniPath, "-n", "2000000"}, "-n must be 1..1000000"},
		{[]string{"sim", miniPath, "-strategy", "clever"}, `unknown strategy "clever"`},
		{[]string{"sim", miniPath, "-strategy", "fixed"}, "-strategy fixed needs -fixed"},
		{[]string{"sim", miniPath, "-fixed", "nosuch=1"}, `no lever or dilemma "nosuch"`},
		{[]string{"sim", miniPath, "-fixed", "mandate=nope"}, `mandate has no option "nope"`},
		{[]string{"sim", miniPath, "-change", "0"}, "-change must be more than 0"},
		{[]string{"sim", miniPath, "-bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"sim", miniPath, miniPath}, "one scenario at a time"},
	} {
		code, _, stderr := runKh(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("kh %s: exit %d, stderr %q; want 2 and %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
	if code, _, _ := runKh(t, "sim", "no-such-file.toml"); code != exitProblems {
		t.Errorf("missing scenario: exit %d, want 1", code)
	}
	if code, out, _ := runKh(t, "help", "sim"); code != 0 || !strings.Contains(out, "usage: kh sim") ||
		!strings.Contains(out, "-sweep") {
		t.Errorf("kh help sim: exit %d, %q", code, out)
	}
}

func TestSimPrintsTablesAndJSON(t *testing.T) {
	code, out, stderr := runKh(t, "sim", miniPath, "-n", "300", "-seed", "5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"300 games, strategy random, seeds 5..304", "Endings", "safe", "Best-rated ending (rating 5)",
		"Events", "Final indicators", "safety", "Lever options", "mandate=ban"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`(?m)^  summit +300 +100\.0% +1\.00$`).MatchString(out) {
		t.Errorf("summit row missing or wrong (it happens once in every game):\n%s", out)
	}
	if stderr != "" {
		t.Errorf("stderr is not a terminal, yet got %q", stderr)
	}

	code, out, _ = runKh(t, "sim", miniPath, "-n", "300", "-seed", "5", "-json")
	var res stats.Result
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if res.Games != 300 || res.Strategy != "random" || len(res.Endings) != 3 {
		t.Errorf("JSON: %+v", res)
	}
	// Same flags, same figures.
	_, again, _ := runKh(t, "sim", miniPath, "-n", "300", "-seed", "5", "-json", "-cpu", "1")
	if again != out {
		t.Error("-cpu 1 gives different figures from all cores")
	}

	code, out, _ = runKh(t, "sim", miniPath, "-n", "100", "-fixed", "mandate=max,barriers=max", "-sweep")
	if code != 0 || !strings.Contains(out, "strategy fixed mandate=ban,barriers=20") || !strings.Contains(out, "Sweep:") ||
		!strings.Contains(out, "barriers=0") {
		t.Errorf("fixed sweep: exit %d:\n%s", code, out)
	}
}

// A scenario with an event and an ending that no game can reach: kh check
// warns at their ids (and still exits 0), and kh sim shows them at 0.
func TestReachWarnings(t *testing.T) {
	data, err := os.ReadFile(miniPath)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data) + `
[[events]]
id = "never"
title = "Never"
text = "Cannot happen."
when = "turn > 100"
sources = ["D1"]
`
	// An early ending no game meets, before the catch-all "plain".
	src = strings.Replace(src, "[[endings]]\nid = \"plain\"", `[[endings]]
id = "impossible"
title = "Impossible"
text = "No."
assessment = "No."
when = "safety > 1000"
rating = 4
sources = ["D1"]

[[endings]]
id = "plain"`, 1)
	path := filepath.Join(t.TempDir(), "unreachable.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lineOf := func(s string) int {
		i := strings.Index(src, s)
		if i < 0 {
			t.Fatalf("%q not in test scenario", s)
		}
		return strings.Count(src[:i], "\n") + 1
	}
	code, out, stderr := runKh(t, "check", path, "-games", "300")
	if code != 0 {
		t.Fatalf("kh check: exit %d (warnings only should exit 0):\n%s%s", code, out, stderr)
	}
	for _, want := range []string{
		fmt.Sprintf("%s:%d:6: warning: event \"never\" was not reached in 300 random games; check its when and chance",
			path, lineOf(`id = "never"`)),
		fmt.Sprintf("%s:%d:6: warning: ending \"impossible\" was not reached in 300 random games", path,
			lineOf(`id = "impossible"`)),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("kh check output lacks\n%s\ngot:\n%s", want, out)
		}
	}
	if strings.Contains(out, `"plot"`) || strings.Contains(out, `"safe"`) {
		t.Errorf("warned about reachable events or endings:\n%s", out)
	}
	if _, out, _ := runKh(t, "check", path, "-games", "0"); strings.Contains(out, "not reached") {
		t.Errorf("-games 0 still searched:\n%s", out)
	}

	_, out, _ = runKh(t, "sim", path, "-n", "200")
	if !regexp.MustCompile(`(?m)^  never +0 +0\.0% +0\.00$`).MatchString(out) {
		t.Errorf("kh sim does not show never at 0:\n%s", out)
	}
}
