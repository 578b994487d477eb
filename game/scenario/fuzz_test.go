package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzLoad feeds the loader and checker arbitrary files. Whatever the input,
// Load must return quickly, never panic, and give either a scenario or at
// least one error, each at a position inside the file.
//
// Short run for CI:
//
//	go test -run='^$' -fuzz=FuzzLoad -fuzztime=20s ./game/scenario/
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/valid/*.toml")
	broken, _ := filepath.Glob("testdata/broken/*.toml")
	seeds = append(append(seeds, broken...), "../../scenarios/westminster-2017.toml")
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		sc, probs := Load("fuzz.toml", data)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Load took %v", d)
		}
		checkProblems(t, data, sc, probs)
		if len(data) < 1<<16 {
			checkDecodeMatchesLibrary(t, data)
		}
	})
}

// checkProblems asserts what every Load result must satisfy.
func checkProblems(t *testing.T, data []byte, sc *Scenario, probs Problems) {
	t.Helper()
	if sc == nil && !probs.HasErrors() {
		t.Fatalf("no scenario and no error: %v", probs)
	}
	if sc != nil && probs.HasErrors() {
		t.Fatalf("a scenario and errors: %v", probs)
	}
	if len(probs) > MaxProblems {
		t.Errorf("%d problems; at most %d should be reported", len(probs), MaxProblems)
	}
	lines := strings.Split(string(data), "\n")
	for _, p := range probs {
		if p.Line < 1 || p.Col < 1 || p.Msg == "" || p.File != "fuzz.toml" {
			t.Errorf("bad problem %+v", p)
			continue
		}
		if p.Line > len(lines)+1 {
			t.Errorf("problem on line %d of a %d-line file: %v", p.Line, len(lines), p)
			continue
		}
		if p.Line <= len(lines) {
			if n := utf8.RuneCountInString(lines[p.Line-1]); p.Col > n+1 {
				t.Errorf("problem at column %d of a %d-character line: %v", p.Col, n, p)
			}
		}
		if p.Severity != Error && p.Severity != Warning {
			t.Errorf("bad severity %+v", p)
		}
	}
}
