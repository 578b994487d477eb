package focus

import (
	"testing"

	"github.com/keyholder-game/keyholder/game/layout"
)

// A 2x2 grid plus a wide button below.
var grid = []Item{
	{"a", layout.R(0, 0, 10, 10)}, {"b", layout.R(20, 0, 10, 10)},
	{"c", layout.R(0, 20, 10, 10)}, {"d", layout.R(20, 20, 10, 10)},
	{"ok", layout.R(0, 40, 30, 10)},
}

func TestStep(t *testing.T) {
	if Step(grid, "a", 1) != "b" || Step(grid, "ok", 1) != "a" || Step(grid, "a", -1) != "ok" {
		t.Fatal("step")
	}
	if Step(grid, "gone", 1) != "a" || Step(grid, "", -1) != "ok" || Step(nil, "a", 1) != "" {
		t.Fatal("step from nothing")
	}
	if Valid(grid, "d") != "d" || Valid(grid, "x") != "a" || Valid(nil, "x") != "" {
		t.Fatal("valid")
	}
}

func TestMove(t *testing.T) {
	cases := []struct {
		from string
		d    Dir
		want string
	}{
		{"a", Right, "b"}, {"a", Down, "c"}, {"b", Down, "d"}, {"d", Left, "c"},
		{"c", Up, "a"}, {"d", Down, "ok"}, {"ok", Up, "c"}, {"a", Up, "a"}, {"b", Right, "b"},
	}
	for _, c := range cases {
		if got := Move(grid, c.from, c.d); got != c.want {
			t.Errorf("%s %v: got %s want %s", c.from, c.d, got, c.want)
		}
	}
}
