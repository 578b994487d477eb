package scenario

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// checkDecodeMatchesLibrary: where toml.Decode into the struct succeeds and
// uses every key, our decoder must report nothing and give the same values.
// (It is stricter in two places, on purpose: keys must match in case, and a
// date must be a TOML date rather than text.)
func checkDecodeMatchesLibrary(t *testing.T, data []byte) {
	t.Helper()
	var lib Scenario
	md, err := toml.Decode(string(data), &lib)
	if err != nil || len(md.Undecoded()) > 0 {
		return
	}
	var tree map[string]any
	if _, err := toml.Decode(string(data), &tree); err != nil {
		t.Fatalf("the library decodes into the struct but not into a map: %v", err)
	}
	var ours Scenario
	r := &reporter{file: "x", loc: locate(string(data)), max: MaxProblems, quiet: map[Pos]bool{}, renamed: map[string]bool{}}
	decodeTree(r, tree, &ours)
	for _, p := range r.probs {
		if strings.HasPrefix(p.Msg, "unknown key") || strings.Contains(p.Msg, "should be a date") ||
			strings.Contains(p.Msg, "must be a finite number") || strings.Contains(p.Msg, "are allowed") {
			return
		}
	}
	if len(r.probs) > 0 {
		t.Fatalf("toml.Decode accepts the file but our decoder reports:\n%v", r.probs.Error())
	}
	if path, ok := sameValue(reflect.ValueOf(lib), reflect.ValueOf(ours), ""); !ok {
		t.Fatalf("our decoder differs from toml.Decode at %s", path)
	}
}

// sameValue compares decoded scenarios; formulas compare by number when
// both are numbers (the library writes 0.5 as "0.500000").
func sameValue(a, b reflect.Value, path string) (string, bool) {
	if a.Type() == reflect.TypeOf(Formula{}) {
		fa, fb := a.Interface().(Formula), b.Interface().(Formula)
		if fa.Src == fb.Src {
			return "", true
		}
		x, errA := strconv.ParseFloat(fa.Src, 64)
		y, errB := strconv.ParseFloat(fb.Src, 64)
		return path, errA == nil && errB == nil && (x == y || strconv.FormatFloat(y, 'f', 6, 64) == fa.Src)
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if p, ok := sameValue(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); !ok {
				return p, false
			}
		}
		return "", true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path, false
		}
		for i := 0; i < a.Len(); i++ {
			if p, ok := sameValue(a.Index(i), b.Index(i), path+"["+strconv.Itoa(i)+"]"); !ok {
				return p, false
			}
		}
		return "", true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return path, a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem(), path)
	}
	if a.Kind() == reflect.Float64 && a.Float() != a.Float() { // NaN
		return path, b.Float() != b.Float()
	}
	return path, reflect.DeepEqual(a.Interface(), b.Interface())
}

// The decoder must agree with toml.Decode on every valid file.
func TestDecodeMatchesLibrary(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.toml")
	files = append(files, "../../scenarios/westminster-2017.toml")
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var lib Scenario
		if _, err := toml.Decode(string(data), &lib); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		checkDecodeMatchesLibrary(t, data)
		sc, probs := Load(path, data)
		if sc == nil {
			t.Fatalf("%s does not load:\n%v", path, probs.Error())
		}
		lib.File, lib.Src, lib.Hash = sc.File, sc.Src, sc.Hash
		if p, ok := sameValue(reflect.ValueOf(lib), reflect.ValueOf(*sc), ""); !ok {
			t.Errorf("%s: Load differs from toml.Decode at %s", path, p)
		}
	}
}

func TestValidFilesLoadCleanly(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.toml")
	if len(files) < 2 {
		t.Fatal("testdata/valid should hold the FORMAT.md example and a richer base")
	}
	for _, path := range files {
		data, _ := os.ReadFile(path)
		if sc, probs := Load(path, data); sc == nil || len(probs) > 0 {
			t.Errorf("%s:\n%v", path, probs.Error())
		}
	}
}

// testdata/valid/format-example.toml is the FORMAT.md example, so that the
// broken files derived from it stay close to what authors copy.
func TestFormatExampleFileIsCurrent(t *testing.T) {
	doc, err := os.ReadFile("../../scenarios/FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile("testdata/valid/format-example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```toml\n"+string(file)+"```") {
		t.Error("testdata/valid/format-example.toml is not the example in FORMAT.md; copy it again")
	}
}

// Every wrong type in a file is reported, each at its own place, and the
// rest of the file is still checked.
func TestEveryTypeErrorIsReported(t *testing.T) {
	src := readValid(t, "rich.toml")
	src = strings.Replace(src, "turns = 6", `turns = "6"`, 1)
	src = strings.Replace(src, `  id = "none"`, "  id = \"none\"\n  cost = true", 1) // first of three options
	src = strings.Replace(src, "x = 500", "x = [500]", 1)
	src = strings.Replace(src, `target = "privacy"`, `target = "privcy"`, 1) // a checker error, still found
	_, probs := Load("t.toml", []byte(src))
	want := []string{
		`t.toml:9:9: "turns" should be a whole number, not text; remove the quotes`,
		`t.toml:77:5: "x" should be a number, not a list`,
		`t.toml:103:10: "cost" should be a number, not true`,
		`t.toml:131:10: target "privcy" is not an indicator; did you mean "privacy"?`,
	}
	if got := strings.Split(probs.Error(), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func readValid(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/valid", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestTooLargeAndEmpty(t *testing.T) {
	big := make([]byte, MaxFileSize+1)
	for i := range big {
		big[i] = '#'
	}
	_, probs := Load("big.toml", big)
	if len(probs) != 1 || probs[0].String() != "big.toml:1:1: file is 2097153 bytes; a scenario may be at most 2097152 bytes" {
		t.Errorf("too large: %v", probs)
	}
	path := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, probs := LoadFile(path); len(probs) != 1 || !strings.Contains(probs[0].Msg, "at most 2097152 bytes") {
		t.Errorf("LoadFile too large: %v", probs)
	}
	for _, empty := range []string{"", "\n\n", "# nothing\n"} {
		sc, probs := Load("e.toml", []byte(empty))
		if sc != nil || len(probs) != 1 || probs[0].String() != "e.toml:1:1: the file holds no scenario: start from the example in scenarios/FORMAT.md" {
			t.Errorf("%q: %v", empty, probs)
		}
	}
}

// Formula number literals keep their value: the library's %f would turn
// 0.0000001 into 0.
func TestBareNumberFormulas(t *testing.T) {
	src := readValid(t, "rich.toml")
	src = strings.Replace(src, `value = "3"`, "value = 0.0000001", 1)
	src = strings.Replace(src, `chance = "0.5"`, "chance = 1e-3", 1)
	sc, probs := Load("t.toml", []byte(src))
	if sc == nil {
		t.Fatal(probs.Error())
	}
	ev := sc.Events[0]
	if ev.Effects[0].Value.Src != "1e-07" || ev.Chance.Src != "0.001" {
		t.Errorf("value %q, chance %q", ev.Effects[0].Value.Src, ev.Chance.Src)
	}
	if ev.Effects[0].Value.Program() == nil || ev.Chance.Program() == nil {
		t.Error("not compiled")
	}
}

// Hostile shapes are refused quickly with one clear message.
func TestHostileShapes(t *testing.T) {
	n := MaxFileSize/2 - 10
	cases := []struct{ src, want string }{
		{"a = " + strings.Repeat("[", n) + strings.Repeat("]", n), "h.toml:1:55: lists and tables are nested more than 50 deep here; a scenario needs only a few levels"},
		{"a = " + strings.Repeat("{b=", n/3), "h.toml:1:155: lists and tables are nested more than 50 deep here; a scenario needs only a few levels"},
		{"[scenario]\nobjectives = [" + strings.Repeat(`"x",`, 2001) + "]\n", `h.toml:2:14: 2001 entries in "objectives"; at most 2000 are allowed`},
		{strings.Repeat("[[sources]]\n", 2001), "h.toml:1:1: 2001 entries in [[sources]]; at most 2000 are allowed"},
	}
	for _, c := range cases {
		start := time.Now()
		sc, probs := Load("h.toml", []byte(c.src))
		if sc != nil || len(probs) != 1 || probs[0].String() != c.want {
			t.Errorf("got %v, want %s", probs.Error(), c.want)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
	}
	// Brackets inside strings and comments are not nesting.
	src := readValid(t, "format-example.toml") + "# " + strings.Repeat("[", 100) + "\n"
	src = strings.Replace(src, `text = "People cross without fear."`, `text = "`+strings.Repeat("[{", 100)+`"`, 1)
	if sc, probs := Load("ok.toml", []byte(src)); sc == nil {
		t.Errorf("brackets in text count as nesting: %v", probs.Error())
	}
}
