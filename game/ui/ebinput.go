package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/keyholder-game/keyholder/game/input"
)

// EbitenInput reads the real keyboard and mouse once per tick.
type EbitenInput struct {
	x, y  int
	keys  []ebiten.Key
	runes []rune
	init  bool
}

var keyMap = map[ebiten.Key]input.Key{
	ebiten.KeyTab: input.KeyTab, ebiten.KeyEnter: input.KeyEnter, ebiten.KeyNumpadEnter: input.KeyEnter,
	ebiten.KeyEscape: input.KeyEscape, ebiten.KeySpace: input.KeySpace, ebiten.KeyBackspace: input.KeyBackspace,
	ebiten.KeyArrowUp: input.KeyUp, ebiten.KeyArrowDown: input.KeyDown, ebiten.KeyArrowLeft: input.KeyLeft,
	ebiten.KeyArrowRight: input.KeyRight, ebiten.KeyPageUp: input.KeyPageUp, ebiten.KeyPageDown: input.KeyPageDown,
	ebiten.KeyHome: input.KeyHome, ebiten.KeyEnd: input.KeyEnd, ebiten.KeyF1: input.KeyF1,
	ebiten.KeyDigit0: input.Key0, ebiten.KeyDigit1: input.Key1, ebiten.KeyDigit2: input.Key2, ebiten.KeyDigit3: input.Key3,
	ebiten.KeyDigit4: input.Key4, ebiten.KeyDigit5: input.Key5, ebiten.KeyDigit6: input.Key6, ebiten.KeyDigit7: input.Key7,
	ebiten.KeyDigit8: input.Key8, ebiten.KeyDigit9: input.Key9,
	ebiten.KeyNumpad0: input.Key0, ebiten.KeyNumpad1: input.Key1, ebiten.KeyNumpad2: input.Key2, ebiten.KeyNumpad3: input.Key3,
	ebiten.KeyNumpad4: input.Key4, ebiten.KeyNumpad5: input.Key5, ebiten.KeyNumpad6: input.Key6, ebiten.KeyNumpad7: input.Key7,
	ebiten.KeyNumpad8: input.Key8, ebiten.KeyNumpad9: input.Key9,
}

var repeatKeys = []ebiten.Key{ebiten.KeyArrowUp, ebiten.KeyArrowDown, ebiten.KeyArrowLeft, ebiten.KeyArrowRight,
	ebiten.KeyBackspace, ebiten.KeyTab, ebiten.KeyPageUp, ebiten.KeyPageDown}

// Next implements input.Source.
func (e *EbitenInput) Next() input.Frame {
	var f input.Frame
	x, y := ebiten.CursorPosition()
	f.X, f.Y = float64(x), float64(y)
	if e.init && (x != e.x || y != e.y) {
		f.Moved = true
	}
	e.x, e.y, e.init = x, y, true
	f.Click = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	f.Right = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonRight)
	_, f.WheelY = ebiten.Wheel()
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	e.keys = inpututil.AppendJustPressedKeys(e.keys[:0])
	for _, k := range e.keys {
		if ik, ok := keyMap[k]; ok {
			f.Keys = append(f.Keys, input.Press{Key: ik, Shift: shift})
		}
	}
	for _, k := range repeatKeys {
		if d := inpututil.KeyPressDuration(k); d > 30 && (d-30)%4 == 0 {
			f.Keys = append(f.Keys, input.Press{Key: keyMap[k], Shift: shift})
		}
	}
	e.runes = ebiten.AppendInputChars(e.runes[:0])
	if len(e.runes) > 0 {
		f.Runes = append([]rune(nil), e.runes...)
	}
	return f
}
