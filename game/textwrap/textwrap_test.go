package textwrap

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mono measures every rune as 1 unit.
func mono(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestWrapGreedy(t *testing.T) {
	got := Wrap("the quick brown fox jumps over the lazy dog", 10, mono)
	want := []string{"the quick", "brown fox", "jumps over", "the lazy", "dog"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q want %q", got, want)
	}
	for _, l := range got {
		if mono(l) > 10 {
			t.Errorf("line %q too wide", l)
		}
	}
}

func TestWrapNewlinesAndSpaces(t *testing.T) {
	got := Wrap("a  b\n\nc", 10, mono)
	if strings.Join(got, "|") != "a b||c" {
		t.Fatalf("got %q", got)
	}
	if got := Wrap("", 5, mono); len(got) != 1 || got[0] != "" {
		t.Fatalf("empty: %q", got)
	}
}

func TestWrapLongWord(t *testing.T) {
	got := Wrap("ab supercalifragilistic cd", 6, mono)
	joined := strings.Join(got, "")
	if strings.ReplaceAll(joined, " ", "") != "absupercalifragilisticcd" {
		t.Fatalf("text lost: %q", got)
	}
	for _, l := range got {
		if mono(l) > 6 {
			t.Errorf("line %q too wide", l)
		}
	}
}

func TestWrapTinyWidthTerminates(t *testing.T) {
	got := Wrap("héllo", 0, mono)
	if len(got) != 5 {
		t.Fatalf("got %q", got)
	}
}

func TestWrapNoTextLost(t *testing.T) {
	s := "Encryption protects everyone’s messages — including £5m transfers, passwords and a minister’s texts."
	for w := 1.0; w < 60; w++ {
		lines := Wrap(s, w, mono)
		if strings.Join(strings.Fields(strings.Join(lines, " ")), "") != strings.Join(strings.Fields(s), "") {
			t.Fatalf("width %v lost text: %q", w, lines)
		}
	}
}

func TestEllipsis(t *testing.T) {
	if got := Ellipsis("short", 10, mono); got != "short" {
		t.Fatal(got)
	}
	if got := Ellipsis("a much longer label", 8, mono); got != "a much…" || mono(got) > 8 {
		t.Fatalf("got %q", got)
	}
	if got := Ellipsis("abc", 0, mono); got != "…" {
		t.Fatalf("got %q", got)
	}
}
