package ui

import (
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// The UI tests need a live Ebitengine (images, text, ReadPixels), so, as
// Ebitengine's own tests do, TestMain runs m.Run inside ebiten.RunGame.
// Run them under Xvfb: xvfb-run -a go test ./game/ui
type testLoop struct {
	m    *testing.M
	code int
	done chan struct{}
}

func (g *testLoop) Update() error {
	if g.done == nil {
		g.done = make(chan struct{})
		go func() {
			g.code = g.m.Run()
			close(g.done)
		}()
	}
	select {
	case <-g.done:
		return ebiten.Termination
	default:
		return nil
	}
}

func (*testLoop) Draw(*ebiten.Image)         {}
func (*testLoop) Layout(int, int) (int, int) { return 64, 64 }

func TestMain(m *testing.M) {
	ebiten.SetWindowSize(64, 64)
	ebiten.SetRunnableOnUnfocused(true)
	g := &testLoop{m: m}
	if err := ebiten.RunGame(g); err != nil {
		panic(err)
	}
	os.Exit(g.code)
}
