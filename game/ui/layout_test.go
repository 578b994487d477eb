package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/keyholder-game/keyholder/game/input"
)

// shot writes the current picture to $KH_SHOTS/name.png when KH_SHOTS is
// set (to look at the screens by eye).
func (d *driver) shot(name string) {
	dir := os.Getenv("KH_SHOTS")
	if dir == "" {
		return
	}
	d.app.Draw(d.img)
	d.app.dirty = true
	d.app.Draw(d.img)
	img := image.NewRGBA(image.Rect(0, 0, d.w, d.h))
	d.img.ReadPixels(img.Pix)
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		d.t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		d.t.Fatal(err)
	}
}

// TestLayoutEveryScreen visits every screen and modal at the smallest
// supported window with the largest text, at the default size, and at
// full HD with small text, and checks that no text overflows its area or
// overlaps another.
func TestLayoutEveryScreen(t *testing.T) {
	configs := []struct {
		w, h, size int
		contrast   bool
	}{{960, 540, 3, false}, {1280, 720, 1, false}, {960, 540, 3, true}, {1920, 1080, 0, false}}
	for _, cf := range configs {
		name := fmt.Sprintf("%dx%d-%s", cf.w, cf.h, TextSizes[cf.size])
		if cf.contrast {
			name += "-contrast"
		}
		t.Run(name, func(t *testing.T) {
			d := newDriver(t, cf.w, cf.h, cf.size, cf.contrast)
			d.draw = os.Getenv("KH_SHOTS") != "" // the check reads the display list, not pixels
			sc := entriesCache[0].SC
			check := func(what string) {
				t.Helper()
				d.checkLayout(what)
				d.shot(name + "-" + what)
			}
			check("title")
			d.press("settings")
			check("settings")
			d.press("settings:back")
			d.press("new:" + entriesCache[0].Name)
			for i := 0; i < len(sc.Briefing)+2; i++ {
				check(fmt.Sprintf("briefing%d", i+1))
				d.press("brief:next")
			}
			d.screen("room")
			check("room")
			d.key(input.KeyTab)
			d.key(input.KeyTab)
			check("room-debate2")
			d.press("tab:news")
			check("room-news")
			d.press("tab:debate")
			ind := visibleIndicators(sc)[0]
			d.press("meter:" + ind.ID)
			check("why-empty")
			d.key(input.KeyEscape)
			d.press("inc:barriers")
			d.press("inc:gates")
			d.press("endturn")
			d.typeText("A reason that is long enough to need the field to scroll sideways as the player keeps typing more words")
			check("confirm")
			d.key(input.KeyEnter)
			d.screen("turn")
			check("turn-start")
			d.press("turn:next")
			check("turn-all")
			d.press("chg:" + ind.ID)
			check("turn-why")
			d.key(input.KeyEscape)
			d.press("turn:next")
			d.screen("room")
			check("room-turn2")
			d.press("meter:" + ind.ID)
			check("why-turn")
			d.press("why:all")
			check("why-all")
			d.key(input.KeyEscape)
			d.press("tab:news")
			check("room-news2")
			for _, it := range d.app.c.items {
				if len(it.ID) > 4 && it.ID[:4] == "src:" {
					d.press(it.ID)
					check("source-card")
					d.key(input.KeyEscape)
					break
				}
			}
			d.key(input.KeyEscape)
			check("menu")
			d.key(input.KeyEscape)
			for !d.app.run.Over() {
				d.playTurn("")
			}
			d.screen("debrief")
			check("debrief")
			for i := 0; i < 6; i++ {
				d.in.Push(input.Frame{X: float64(cf.w) / 2, Y: float64(cf.h) / 2, Moved: true, WheelY: -6}, input.Frame{})
				d.frames(2)
				d.settle()
				check(fmt.Sprintf("debrief-scroll%d", i+1))
			}
		})
	}
}
