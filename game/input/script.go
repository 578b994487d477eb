package input

import (
	"fmt"
	"strconv"
	"strings"
)

// Scripted plays back a list of frames, then idles (empty frames, the cursor
// where it was left). It is used by tests and by the -script flag.
type Scripted struct {
	frames []Frame
	pos    int
	x, y   float64
}

// NewScripted returns a source that plays frames in order.
func NewScripted(frames ...Frame) *Scripted { return &Scripted{frames: frames} }

// Push appends frames to play.
func (s *Scripted) Push(frames ...Frame) { s.frames = append(s.frames, frames...) }

// Key queues a key press followed by an idle tick.
func (s *Scripted) Key(k Key) { s.Push(Frame{Keys: []Press{{Key: k}}}, Frame{}) }

// ShiftKey queues a key press with Shift held.
func (s *Scripted) ShiftKey(k Key) { s.Push(Frame{Keys: []Press{{Key: k, Shift: true}}}, Frame{}) }

// Type queues typed text.
func (s *Scripted) Type(text string) { s.Push(Frame{Runes: []rune(text)}, Frame{}) }

// Click queues a move to (x, y), a click there and an idle tick.
func (s *Scripted) Click(x, y float64) {
	s.Push(Frame{X: x, Y: y, Moved: true}, Frame{X: x, Y: y, Click: true}, Frame{X: x, Y: y})
}

// Done reports whether every queued frame has been played.
func (s *Scripted) Done() bool { return s.pos >= len(s.frames) }

// Len is the number of frames queued in total.
func (s *Scripted) Len() int { return len(s.frames) }

// Next implements Source.
func (s *Scripted) Next() Frame {
	if s.pos >= len(s.frames) {
		return Frame{X: s.x, Y: s.y}
	}
	f := s.frames[s.pos]
	s.pos++
	if f.Moved || f.Click || f.Right {
		s.x, s.y = f.X, f.Y
	} else {
		f.X, f.Y = s.x, s.y
	}
	return f
}

// ParseScript reads a script, one command a line:
//
//	# a comment
//	wait 30            idle for 30 ticks
//	key tab            press a key (names: tab enter esc space backspace up
//	key shift+tab      down left right pageup pagedown home end f1 0-9)
//	key enter x3       press it three times
//	type some words    type text
//	click 640 360      click at a point (screen pixels)
//	move 100 200       move the cursor
//	wheel -3           scroll
//	press endturn      focus and activate the widget with this id (the game's
//	                   own, e.g. endturn, menu, brief:next, meter:public_trust)
//
// Errors name the script and line.
func ParseScript(name, src string) (*Scripted, error) {
	s := &Scripted{}
	for i, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cmd, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		fail := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %s", name, i+1, fmt.Sprintf(format, a...))
		}
		switch strings.ToLower(cmd) {
		case "wait":
			n, err := strconv.Atoi(rest)
			if err != nil || n < 0 || n > 100000 {
				return nil, fail("wait needs a number of ticks 0..100000, got %q", rest)
			}
			for j := 0; j < n; j++ {
				s.Push(Frame{})
			}
		case "key":
			fields := strings.Fields(rest)
			if len(fields) == 0 || len(fields) > 2 {
				return nil, fail("key needs a key name, e.g. \"key enter\" or \"key tab x3\"")
			}
			times := 1
			if len(fields) == 2 {
				n, err := strconv.Atoi(strings.TrimPrefix(fields[1], "x"))
				if err != nil || !strings.HasPrefix(fields[1], "x") || n < 1 || n > 1000 {
					return nil, fail("repeat count must look like x3 (1..1000), got %q", fields[1])
				}
				times = n
			}
			name := strings.ToLower(fields[0])
			shift := strings.HasPrefix(name, "shift+")
			k, ok := ParseKey(strings.TrimPrefix(name, "shift+"))
			if !ok {
				return nil, fail("unknown key %q", fields[0])
			}
			for j := 0; j < times; j++ {
				s.Push(Frame{Keys: []Press{{Key: k, Shift: shift}}}, Frame{})
			}
		case "type":
			if rest == "" {
				return nil, fail("type needs text")
			}
			s.Type(rest)
		case "click", "move":
			x, y, err := twoNumbers(rest)
			if err != nil {
				return nil, fail("%s needs two numbers x y: %v", cmd, err)
			}
			if strings.ToLower(cmd) == "click" {
				s.Click(x, y)
			} else {
				s.Push(Frame{X: x, Y: y, Moved: true})
			}
		case "press":
			if rest == "" || strings.ContainsAny(rest, " \t") {
				return nil, fail("press needs one widget id, e.g. \"press endturn\"")
			}
			s.Push(Frame{Target: rest}, Frame{})
		case "wheel":
			v, err := strconv.ParseFloat(rest, 64)
			if err != nil || v != v || v < -100 || v > 100 {
				return nil, fail("wheel needs a number -100..100, got %q", rest)
			}
			s.Push(Frame{WheelY: v}, Frame{})
		default:
			return nil, fail("unknown command %q (use wait, key, type, click, move, wheel or press)", cmd)
		}
		if len(s.frames) > 1_000_000 {
			return nil, fail("script too long (more than 1,000,000 ticks)")
		}
	}
	return s, nil
}

func twoNumbers(s string) (float64, float64, error) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return 0, 0, fmt.Errorf("got %q", s)
	}
	x, err1 := strconv.ParseFloat(f[0], 64)
	y, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || x != x || y != y || x < -10000 || x > 100000 || y < -10000 || y > 100000 {
		return 0, 0, fmt.Errorf("got %q", s)
	}
	return x, y, nil
}
