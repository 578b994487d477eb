package ui

import (
	"image"
	"syscall"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/keyholder-game/keyholder/game/input"
)

// BenchmarkRoomFrame is the cost of one frame of the busiest screen, the
// policy room at 1280x720 in turn 2 (news, dilemma, map markers), when
// something changed: a full build (layout, widgets, display list) and a
// full redraw, flushed to the GPU every frame. Run with -benchtime=Nx:
//
//	xvfb-run -a go test ./game/ui -run '^$' -bench RoomFrame -benchtime=300x
//
// The test goroutine hands its drawing to Ebitengine's 60 Hz loop, so the
// wall time per op includes waiting for that loop; cpu-ms/frame (the
// process's user+system CPU, render thread included, per frame) is the
// frame's real cost.
func BenchmarkRoomFrame(b *testing.B) {
	d := benchRoom(b)
	px := make([]byte, 4)
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// The cursor moves a little every frame: the screen is rebuilt and redrawn.
		d.app.Build(input.Frame{X: float64(600 + i%40), Y: 300, Moved: true})
		d.app.Draw(d.img)
	}
	d.img.SubImage(image.Rect(0, 0, 1, 1)).(*ebiten.Image).ReadPixels(px) // wait for the GPU work
	b.StopTimer()
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano()-ru0.Utime.Nano()+ru1.Stime.Nano()-ru0.Stime.Nano()) * time.Nanosecond
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/frame")
}

// BenchmarkRoomBuild is the CPU side alone: laying out the policy room and
// building its display list, without drawing.
func BenchmarkRoomBuild(b *testing.B) {
	d := benchRoom(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.app.Build(input.Frame{X: float64(600 + i%40), Y: 300, Moved: true})
	}
}

// BenchmarkRoomIdle is the cost of one idle frame in the policy room: no
// input, nothing changed, so Update reads input and returns and Draw does
// not draw.
func BenchmarkRoomIdle(b *testing.B) {
	d := benchRoom(b)
	for d.app.c.again || d.app.fade > 0 {
		d.frames(1)
	}
	d.app.Draw(d.img)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = d.app.Update()
		d.app.Draw(d.img)
	}
	if d.app.Dirty() {
		b.Fatal("idle room kept redrawing")
	}
}

func benchRoom(b *testing.B) *driver {
	d := newDriver(b, 1280, 720, 1, false)
	d.toRoom()
	d.press("inc:barriers")
	d.playTurn("bench")
	d.screen("room")
	return d
}
