package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// playRecord plays mini with a script and returns the record's path.
func playRecord(t *testing.T, dir, name, script string) string {
	t.Helper()
	rec := filepath.Join(dir, name)
	if code, _, errs := kh(t, script, "play", "-quiet", "-seed", "5", "-record", rec, mini); code != 0 {
		t.Fatalf("play exit %d: %s", code, errs)
	}
	return rec
}

const classScript = "spend barriers 10\nset mandate 2\nreason protect the bridge <b>first</b>\nend\nanswer summit cooperate\nend\nend\nend\nend\nend\nend\n"

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	rec := playRecord(t, dir, "run.json", classScript)
	code, out, errs := kh(t, "", "report", "-scenario", mini, rec)
	if code != 0 {
		t.Fatalf("report exit %d: %s", code, errs)
	}
	for _, want := range []string{"# After-action report: Mini", `\<b\>first\</b\>`, "## Sources cited in this run", "**[D1]** *designer assumption*"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	html := filepath.Join(dir, "r.html")
	if code, out, errs = kh(t, "", "report", rec, "-format", "html", "-o", html, "-scenario", mini); code != 0 || !strings.Contains(out, html) {
		t.Fatalf("report -o: exit %d %s %s", code, out, errs)
	}
	data, _ := os.ReadFile(html)
	if !strings.Contains(string(data), "<svg ") || !strings.Contains(string(data), "&lt;b&gt;first&lt;/b&gt;") {
		t.Error("HTML report lacks charts or escaping")
	}
	// The record's scenario is not shipped: without -scenario it is refused.
	if code, _, errs = kh(t, "", "report", rec); code != exitProblems || !strings.Contains(errs, "-scenario FILE") {
		t.Errorf("report without scenario: exit %d %s", code, errs)
	}
}

func TestClassCommand(t *testing.T) {
	dir := t.TempDir()
	playRecord(t, dir, "a.json", classScript)
	playRecord(t, dir, "b.json", "answer summit demand\nend\nanswer summit demand\nend\nend\nend\nend\nend\nend\n")
	code, out, errs := kh(t, "", "class", "-scenario", mini, dir)
	if code != 0 || !strings.Contains(out, "2 student(s) played this same version") {
		t.Fatalf("class exit %d: %s\n%s", code, errs, out)
	}
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"format": 1,`), 0o644)
	code, out, errs = kh(t, "", "class", "-format", "json", dir, "-scenario", mini)
	if code != exitProblems || !strings.Contains(errs, "broken.json") || !strings.Contains(out, `"counted": 2`) {
		t.Errorf("damaged file: exit %d\n%s\n%s", code, errs, out)
	}
	if code, _, errs = kh(t, "", "class", dir); code != exitProblems || !strings.Contains(errs, "no scenario with id \"mini\"") {
		t.Errorf("unknown scenario: exit %d %s", code, errs)
	}
}

func TestForkCommand(t *testing.T) {
	dir := t.TempDir()
	rec := playRecord(t, dir, "run.json", classScript)
	code, out, errs := kh(t, "", "fork", rec, "-scenario", mini, "-turn", "1", "-spend", "barriers=0")
	if code != 0 {
		t.Fatalf("fork exit %d: %s", code, errs)
	}
	for _, want := range []string{"Original", "What-if", "Barriers: £0m (the student had £10m)", "diverged in turn 2", "replayed as-is"} {
		if !strings.Contains(out, want) {
			t.Errorf("fork output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errs = kh(t, "", "fork", rec, "-scenario", mini, "-turn", "1", "-set", "mandate=ban"); code != exitProblems ||
		!strings.Contains(errs, "cannot be played") {
		t.Errorf("impossible change: exit %d %s", code, errs)
	}
}

func TestClassroomUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"report"}, {"report", "a.json", "b.json"}, {"report", "-format", "pdf", "a.json"}, {"report", "-nope", "a.json"},
		{"class"}, {"class", "-format", "xml", "dir"},
		{"fork", "a.json"}, {"fork", "-turn", "1", "a.json"}, {"fork", "-turn", "0", "-set", "a=b", "a.json"},
		{"fork", "-turn", "1", "-set", "mandate", "a.json"}, {"fork", "-turn", "1", "-spend", "barriers=lots", "a.json"},
		{"fork", "-turn", "1", "-set", "a=b,a=c", "a.json"}, {"fork", "-turn", "1", "-set", "a=b"},
	} {
		if code, _, _ := kh(t, "", args...); code != exitUsage {
			t.Errorf("kh %v exited %d, want %d", args, code, exitUsage)
		}
	}
}
