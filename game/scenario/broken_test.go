package scenario

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the # want: lines of testdata/broken from what Load reports (then read every change)")

const wantPrefix = "# want: "

// splitWant separates a broken file's leading "# want:" lines from the rest.
func splitWant(data []byte) (want []string, body string) {
	body = string(data)
	for strings.HasPrefix(body, wantPrefix) {
		line, rest, _ := strings.Cut(body, "\n")
		want = append(want, strings.TrimPrefix(line, wantPrefix))
		body = rest
	}
	return want, body
}

// got lists the problems without the file name, as "line:col: message".
func got(name string, probs Problems) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = strings.TrimPrefix(p.String(), name+":")
	}
	return out
}

// Every file in testdata/broken states the exact problems it must produce,
// in order, with their positions (counted in the file as written, want
// lines included).
func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("only %d broken files; the corpus should hold at least 30", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(path)
			want, body := splitWant(data)
			if *update {
				data = updateWant(name, body)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				want, _ = splitWant(data)
			}
			if len(want) == 0 {
				t.Fatal("no # want: lines")
			}
			sc, probs := Load(name, data)
			g := got(name, probs)
			if strings.Join(g, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems differ\n got:\n\t%s\nwant:\n\t%s", strings.Join(g, "\n\t"), strings.Join(want, "\n\t"))
			}
			if probs.HasErrors() != (sc == nil) {
				t.Errorf("scenario returned = %v with errors = %v", sc != nil, probs.HasErrors())
			}
			if !probs.HasErrors() {
				t.Error("a broken file must have at least one error")
			}
		})
	}
}

// updateWant writes as many want lines as there are problems; the lines
// move the body down, so it repeats until the count is stable.
func updateWant(name, body string) []byte {
	n := 0
	for range 10 {
		data := strings.Repeat("# want: x\n", n) + body
		_, probs := Load(name, []byte(data))
		lines := got(name, probs)
		if len(lines) == n {
			out := ""
			for _, l := range lines {
				out += wantPrefix + l + "\n"
			}
			return []byte(out + body)
		}
		n = len(lines)
	}
	panic("want lines do not settle for " + name)
}
