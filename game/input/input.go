// Package input is how the player's actions reach Keyholder's screens: one
// Frame per tick, from a Source. The game reads Ebitengine through a real
// Source (in game/ui); tests and the -script flag use a Scripted one. The
// package is pure Go, so scripts are parsed and checked without a display.
package input

import (
	"fmt"
	"strconv"
	"strings"
)

// Key is a logical key the game reacts to.
type Key int

// The keys the game uses.
const (
	KeyNone Key = iota
	KeyTab
	KeyEnter
	KeyEscape
	KeySpace
	KeyBackspace
	KeyUp
	KeyDown
	KeyLeft
	KeyRight
	KeyPageUp
	KeyPageDown
	KeyHome
	KeyEnd
	Key0
	Key1
	Key2
	Key3
	Key4
	Key5
	Key6
	Key7
	Key8
	Key9
	KeyF1
	keyCount
)

var keyNames = map[Key]string{
	KeyTab: "tab", KeyEnter: "enter", KeyEscape: "esc", KeySpace: "space", KeyBackspace: "backspace",
	KeyUp: "up", KeyDown: "down", KeyLeft: "left", KeyRight: "right", KeyPageUp: "pageup",
	KeyPageDown: "pagedown", KeyHome: "home", KeyEnd: "end", KeyF1: "f1",
}

func init() {
	for k := Key0; k <= Key9; k++ {
		keyNames[k] = strconv.Itoa(int(k - Key0))
	}
}

// AllKeys lists every key (for monkey tests).
func AllKeys() []Key {
	out := make([]Key, 0, keyCount-1)
	for k := KeyTab; k < keyCount; k++ {
		out = append(out, k)
	}
	return out
}

func (k Key) String() string {
	if n, ok := keyNames[k]; ok {
		return n
	}
	return fmt.Sprintf("key(%d)", int(k))
}

// Digit returns 0..9 for the number keys and -1 for others.
func (k Key) Digit() int {
	if k >= Key0 && k <= Key9 {
		return int(k - Key0)
	}
	return -1
}

// ParseKey reads a key name as written in scripts ("tab", "enter", "3", ...).
func ParseKey(s string) (Key, bool) {
	s = strings.ToLower(s)
	if s == "escape" {
		s = "esc"
	}
	if s == "return" {
		s = "enter"
	}
	for k, n := range keyNames {
		if n == s {
			return k, true
		}
	}
	return KeyNone, false
}

// Press is a key press, with Shift held or not.
type Press struct {
	Key   Key
	Shift bool
}

// Frame is everything that happened in one tick.
type Frame struct {
	X, Y    float64 // cursor, in screen pixels
	Moved   bool    // cursor moved since last tick
	Click   bool    // left button went down this tick
	Right   bool    // right button went down this tick
	WheelY  float64 // scroll wheel, positive = up
	Keys    []Press // keys that went down (or auto-repeated) this tick
	Runes   []rune  // text typed this tick
	Resized bool    // the window changed size
	Target  string  // scripts only: click the centre of the widget with this id
}

// Active reports whether anything happened in the frame.
func (f Frame) Active() bool {
	return f.Moved || f.Click || f.Right || f.WheelY != 0 || len(f.Keys) > 0 || len(f.Runes) > 0 || f.Resized || f.Target != ""
}

// Source yields one Frame per tick.
type Source interface {
	Next() Frame
}
