package game_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// screenSide may import Ebitengine; nothing else may, so that the engine,
// the scenario format and kh build with CGO_ENABLED=0 and test without a
// display.
func screenSide(pkg string) bool {
	return strings.Contains(pkg, "/game/ui") || strings.HasSuffix(pkg, "/cmd/keyholder") ||
		strings.Contains(pkg, "/cmd/keyholder/")
}

func TestOnlyTheScreenSideImportsEbitengine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pure []string
	for _, pkg := range strings.Fields(string(out)) {
		if !screenSide(pkg) {
			pure = append(pure, pkg)
		}
	}
	if len(pure) < 4 {
		t.Fatalf("found only %d pure packages: %v", len(pure), pure)
	}
	for _, pkg := range pure {
		deps, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, d := range strings.Fields(string(deps)) {
			if strings.Contains(d, "hajimehoshi/ebiten") {
				t.Errorf("%s imports %s (directly or through a dependency); only game/ui/... and cmd/keyholder may", pkg, d)
				break
			}
		}
	}
	// And they build without cgo.
	cmd := exec.Command("go", append([]string{"build", "-o", os.DevNull}, pure...)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("CGO_ENABLED=0 go build of the pure packages failed: %v\n%s", err, msg)
	}
}
