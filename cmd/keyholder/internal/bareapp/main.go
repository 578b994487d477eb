// Command bareapp is the yardstick for cmd/keyholder/perf.sh: the plainest
// Ebitengine app, a 1280x720 window that draws one static image every frame
// (with -once: draws it once and leaves the screen uncleared).
package main

import (
	"flag"
	"fmt"
	"image/color"
	"os"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

var start = time.Now()

type bare struct {
	img       *ebiten.Image
	once      bool // draw only the first frame (screen not cleared)
	drawn     bool
	first     bool
	report    bool
	quitAfter time.Duration
}

func (b *bare) Update() error {
	if b.quitAfter > 0 && time.Since(start) > b.quitAfter {
		return ebiten.Termination
	}
	return nil
}

func (b *bare) Draw(screen *ebiten.Image) {
	if !b.once || !b.drawn {
		screen.DrawImage(b.img, nil)
		b.drawn = true
	}
	if !b.first {
		b.first = true
		if b.report {
			fmt.Fprintf(os.Stderr, "first-frame-unixns %d\nfirst-frame-ms %.1f\n", time.Now().UnixNano(), float64(time.Since(start).Microseconds())/1000)
		}
	}
}

func (b *bare) Layout(w, h int) (int, int) { return 1280, 720 }

func main() {
	report := flag.Bool("report-first-frame", false, "print the time of the first frame to stderr")
	quit := flag.Duration("quit-after", 0, "exit after this long")
	once := flag.Bool("once", false, "draw the image once and keep the screen (SetScreenClearedEveryFrame(false))")
	flag.Parse()
	img := ebiten.NewImage(1280, 720)
	img.Fill(color.RGBA{0xF3, 0xF0, 0xE8, 0xff})
	sub := ebiten.NewImage(400, 200)
	sub.Fill(color.RGBA{0x0B, 0x5C, 0x8E, 0xff})
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(440, 260)
	img.DrawImage(sub, op)
	ebiten.SetWindowSize(1280, 720)
	ebiten.SetWindowTitle("bare")
	if *once {
		ebiten.SetScreenClearedEveryFrame(false)
	}
	if err := ebiten.RunGame(&bare{img: img, once: *once, report: *report, quitAfter: *quit}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
