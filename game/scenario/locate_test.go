package scenario

import (
	"strings"
	"testing"
)

func TestLocatorKeysAndValues(t *testing.T) {
	src := strings.Join([]string{
		`top = 1`,              // 1
		`[scenario]`,           // 2
		`id = "x" # comment`,   // 3
		`  "quoted key" = 'v'`, // 4
		`dotted.part = 2`,      // 5
		`[[levers]]`,           // 6
		`id = "a"`,             // 7
		`  [[levers.options]]`, // 8
		`  id = "o1"`,          // 9
		`  [[levers.options]]`, // 10
		`  id = "o2"`,          // 11
		`[[levers]]`,           // 12
		`id = "b"`,             // 13
		`sources = ["S1",`,     // 14
		`   "S2", 'S3']`,       // 15
		`  [[levers.options]]`, // 16
		`  label = """`,        // 17
		`two "lines" ]`,        // 18
		`"""`,                  // 19
		`  after = 3`,          // 20
		`inline = { a = 1, b = "é", c = [7, 8] }`, // 21
		`arr = [{ id = "p" }, { id = "q" }]`,      // 22
		`"dot.ted" = 4`,                           // 23
	}, "\n")
	l := locate(src)
	cases := []struct {
		path     string
		key, val Pos
		noValue  bool
	}{
		{path: "top", key: Pos{1, 1}, val: Pos{1, 7}},
		{path: "scenario", key: Pos{2, 1}, noValue: true},
		{path: "scenario.id", key: Pos{3, 1}, val: Pos{3, 6}},
		{path: "scenario.quoted key", key: Pos{4, 3}, val: Pos{4, 18}},
		{path: "scenario.dotted.part", key: Pos{5, 1}, val: Pos{5, 15}},
		{path: "levers[0]", key: Pos{6, 1}, noValue: true},
		{path: "levers[0].id", key: Pos{7, 1}, val: Pos{7, 6}},
		{path: "levers[0].options[0].id", key: Pos{9, 3}, val: Pos{9, 8}},
		{path: "levers[0].options[1]", key: Pos{10, 3}, noValue: true},
		{path: "levers[0].options[1].id", key: Pos{11, 3}, val: Pos{11, 8}},
		{path: "levers[1].id", key: Pos{13, 1}, val: Pos{13, 6}},
		{path: "levers[1].sources", key: Pos{14, 1}, val: Pos{14, 11}},
		{path: "levers[1].sources[0]", val: Pos{14, 12}},
		{path: "levers[1].sources[1]", val: Pos{15, 4}},
		{path: "levers[1].sources[2]", val: Pos{15, 10}},
		{path: "levers[1].options[0]", key: Pos{16, 3}, noValue: true},
		{path: "levers[1].options[0].label", key: Pos{17, 3}, val: Pos{17, 11}},
		// The ] and " inside the multi-line string end nothing.
		{path: "levers[1].options[0].after", key: Pos{20, 3}, val: Pos{20, 11}},
		{path: "levers[1].options[0].inline.a", key: Pos{21, 12}, val: Pos{21, 16}},
		{path: "levers[1].options[0].inline.b", key: Pos{21, 19}, val: Pos{21, 23}},
		{path: "levers[1].options[0].inline.c[1]", val: Pos{21, 36}},
		{path: "levers[1].options[0].arr[0].id", key: Pos{22, 10}, val: Pos{22, 15}},
		{path: "levers[1].options[0].arr[1].id", key: Pos{22, 24}, val: Pos{22, 29}},
		{path: "levers[1].options[0].dot.ted", key: Pos{23, 1}, val: Pos{23, 13}},
	}
	for _, c := range cases {
		if c.key != (Pos{}) {
			if got, ok := l.keys[c.path]; !ok || got != c.key {
				t.Errorf("key %s at %v, want %v", c.path, got, c.key)
			}
		}
		got, ok := l.vals[c.path]
		if c.noValue {
			if ok {
				t.Errorf("table %s has a value position %v", c.path, got)
			}
		} else if !ok || got != c.val {
			t.Errorf("value %s at %v, want %v", c.path, got, c.val)
		}
	}
	if got := l.byBare["levers.options.id"]; strings.Join(got, " ") != "levers[0].options[0].id levers[0].options[1].id" {
		t.Errorf("byBare levers.options.id = %v", got)
	}
	// at falls back to the nearest enclosing place written down.
	if got := l.at("levers[1].options[0].missing"); got != (Pos{16, 3}) {
		t.Errorf("at missing key = %v, want the [[levers.options]] header", got)
	}
	if got := l.at("nothing.here"); got != (Pos{1, 1}) {
		t.Errorf("at unknown path = %v", got)
	}
}

// Hostile text must neither hang the scanner nor make it read past the end.
func TestLocatorOnGarbage(t *testing.T) {
	for _, src := range []string{"", "[", "[[", "a = [", "a = {", `a = "`, `a = """`, "a = '''\n", `"`, "= = =",
		strings.Repeat("[", 10000), strings.Repeat("a = [", 1000), "a.b.c.\n", `a = "\`, "\x00\xff"} {
		locate(src)
	}
}

func TestFormulaPositions(t *testing.T) {
	base := readValid(t, "format-example.toml")
	cases := []struct {
		name, old, new string
		want           string // line:col: message
	}{
		{"single line", `value = "barriers"`, `value = "barriers + nope"`, "71:21: value: unknown name nope"},
		{"bare number kept", `value = "1"`, `value = 1`, ""},
		{"literal string", `value = "barriers"`, `value = 'barriers + nope'`, "71:21: value: unknown name nope"},
		{"escaped quote before", `value = "barriers"`, `value = "opt.signs == \"x\" ? 1 : nope"`, "71:35: value: unknown name nope"},
		{"unicode escape before", `value = "barriers"`, `value = "opt.signs == \"\u00e9\" ? 1 : nope"`, "71:40: value: unknown name nope"},
		{"non-ASCII before", `value = "barriers"`, `value = "opt.signs == 'é' ? 1 : nope"`, "71:33: value: unknown name nope"},
		{"multi-line basic", `value = "barriers"`, "value = \"\"\"\n  barriers *\n    nope\n\"\"\"", "73:5: value: unknown name nope"},
		{"multi-line literal", `value = "barriers"`, "value = '''barriers *\n nope'''", "72:2: value: unknown name nope"},
		{"line-ending backslash", `value = "barriers"`, "value = \"\"\"barriers * \\\n      nope\"\"\"", "72:7: value: unknown name nope"},
		{"leading spaces", `value = "barriers"`, `value = "    nope"`, "71:14: value: unknown name nope"},
		{"in an event effect", `value = "-5"`, `value = "-5 * nope"`, "111:17: value: unknown name nope"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("base lacks %q", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			_, probs := Load("f.toml", []byte(src))
			if c.want == "" {
				if len(probs) > 0 {
					t.Errorf("unexpected: %v", probs.Error())
				}
				return
			}
			if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "f.toml:"+c.want) {
				t.Errorf("got %v, want f.toml:%s...", probs.Error(), c.want)
			}
		})
	}
}
