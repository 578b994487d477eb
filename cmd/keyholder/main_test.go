package main

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/savefile"
)

// Flags are untrusted input: each bad one is refused with a clear message
// and exit status 2, before any window opens.
func TestBadFlagsExit2(t *testing.T) {
	dir := t.TempDir()
	badScript := filepath.Join(dir, "bad.txt")
	os.WriteFile(badScript, []byte("key nosuchkey\n"), 0o644)
	badScenario := filepath.Join(dir, "bad.toml")
	os.WriteFile(badScenario, []byte("[scenario]\nid = 3\n"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-seed", "minus"}, "-seed"},
		{[]string{"-seed", "-5"}, "-seed"},
		{[]string{"-frames", "-1", "-screenshot", filepath.Join(dir, "a.png")}, "-frames"},
		{[]string{"-frames", "10"}, "-frames needs -screenshot"},
		{[]string{"-textsize", "huge"}, "-textsize"},
		{[]string{"-size", "100x100"}, "-size"},
		{[]string{"-size", "wide"}, "-size"},
		{[]string{"-screenshot", filepath.Join(dir, "nodir", "a.png")}, "does not exist"},
		{[]string{"-screenshot", filepath.Join(dir, "a.jpg")}, ".png"},
		{[]string{"-script", filepath.Join(dir, "missing.txt")}, "-script"},
		{[]string{"-script", badScript}, "unknown key"},
		{[]string{"-scenario", badScenario}, "cannot use scenario"},
		{[]string{"-nosuchflag"}, "not defined"},
		{[]string{"extra"}, "unexpected argument"},
	}
	for _, c := range cases {
		var errb bytes.Buffer
		if code := run(c.args, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", c.args, code, errb.String())
		}
		if !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: message %q does not mention %q", c.args, errb.String(), c.want)
		}
	}
}

// TestScreenshotSmoke builds the game and runs it as a player's command
// line would, under the test's X display (run the tests with xvfb-run -a):
// -screenshot with -frames writes a PNG of the window and exits 0, both
// on the title screen and after a script reaches the policy room.
func TestScreenshotSmoke(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("needs an X display: run under xvfb-run -a")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "keyholder")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, c := range []struct {
		name string
		args []string
		w, h int
	}{
		{"title", []string{"-frames", "20"}, 1280, 720},
		{"room", []string{"-script", "scripts/room.txt", "-size", "960x540", "-textsize", "largest"}, 960, 540},
	} {
		png := filepath.Join(dir, c.name+".png")
		args := append([]string{"-save", "off", "-seed", "3", "-screenshot", png}, c.args...)
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		f, err := os.Open(png)
		if err != nil {
			t.Fatal(err)
		}
		img, err := pngDecode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%s: picture is %dx%d, want %dx%d", c.name, b.Dx(), b.Dy(), c.w, c.h)
		}
	}
}

var pngDecode = png.Decode

// Only the settings flags actually given override the saved settings.
func TestSettingsFlags(t *testing.T) {
	c, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.over.TextSize != nil || c.over.HighContrast != nil || c.over.Fullscreen != nil {
		t.Fatalf("no flags, but overrides %+v", c.over)
	}
	c, err = parseFlags([]string{"-textsize", "Large", "-contrast=false"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.over.TextSize == nil || *c.over.TextSize != 2 || c.over.HighContrast == nil || *c.over.HighContrast || c.over.Fullscreen != nil {
		t.Fatalf("overrides %+v", c.over)
	}
	got := savefile.Settings{TextSize: 0, HighContrast: true, Fullscreen: true}.Apply(c.over)
	if got != (savefile.Settings{TextSize: 2, Fullscreen: true}) {
		t.Fatalf("applied: %+v", got)
	}
}

// TestSettingsFileAtStartup runs the game with its config folder in a
// temporary directory: a damaged settings.json is set aside at start-up
// (the game still runs), and with -save off it is not touched at all.
func TestSettingsFileAtStartup(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("needs an X display: run under xvfb-run -a")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "keyholder")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cfg := filepath.Join(dir, "config")
	settings := filepath.Join(cfg, "keyholder", "settings.json")
	os.MkdirAll(filepath.Dir(settings), 0o755)
	for _, save := range []string{"off", ""} {
		os.WriteFile(settings, []byte("{not json"), 0o644)
		args := []string{"-seed", "3", "-screenshot", filepath.Join(dir, "t.png"), "-frames", "5"}
		if save != "" {
			args = append(args, "-save", save)
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("-save %q: %v\n%s", save, err, out)
		}
		bad, _ := filepath.Glob(settings + ".bad-*")
		_, err := os.Stat(settings)
		if save == "off" && (len(bad) != 0 || err != nil) {
			t.Fatalf("-save off touched the settings file (%v, %v)", bad, err)
		}
		if save == "" && (len(bad) != 1 || err == nil) {
			t.Fatalf("damaged settings not set aside: %v, %v", bad, err)
		}
	}
}
