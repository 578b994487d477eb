// Package focus moves keyboard focus between the focusable items of a screen:
// in reading order with Tab and Shift+Tab, and spatially with the arrow keys.
package focus

import (
	"math"

	"github.com/keyholder-game/keyholder/game/layout"
)

// Item is one focusable thing on screen.
type Item struct {
	ID   string
	Rect layout.Rect
}

// Dir is an arrow direction.
type Dir int

const (
	Up Dir = iota
	Down
	Left
	Right
)

func index(items []Item, id string) int {
	for i, it := range items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// Step moves delta places in reading order (the order of items), wrapping
// around. With no current focus it goes to the first item (or the last for a
// negative delta). It returns "" when there are no items.
func Step(items []Item, cur string, delta int) string {
	if len(items) == 0 {
		return ""
	}
	i := index(items, cur)
	if i < 0 {
		if delta < 0 {
			return items[len(items)-1].ID
		}
		return items[0].ID
	}
	n := len(items)
	return items[((i+delta)%n+n)%n].ID
}

// Valid returns cur if it is still one of the items, else the first item's id.
func Valid(items []Item, cur string) string {
	if index(items, cur) >= 0 {
		return cur
	}
	if len(items) == 0 {
		return ""
	}
	return items[0].ID
}

// Move goes to the nearest item in direction d from the current one: the item
// whose centre lies that way and is closest, weighing sideways distance
// twice as much. With no item that way the focus stays.
func Move(items []Item, cur string, d Dir) string {
	i := index(items, cur)
	if i < 0 {
		return Step(items, cur, 1)
	}
	c := items[i].Rect
	cx, cy := c.X+c.W/2, c.Y+c.H/2
	best, bestScore := cur, math.Inf(1)
	for j, it := range items {
		if j == i {
			continue
		}
		r := it.Rect
		x, y := r.X+r.W/2, r.Y+r.H/2
		var along, side float64
		switch d {
		case Up:
			along, side = cy-y, gapAcross(c.X, c.Right(), r.X, r.Right(), cx, x)
			if r.Bottom() > c.Y+1 && y >= cy {
				continue
			}
		case Down:
			along, side = y-cy, gapAcross(c.X, c.Right(), r.X, r.Right(), cx, x)
			if r.Y < c.Bottom()-1 && y <= cy {
				continue
			}
		case Left:
			along, side = cx-x, gapAcross(c.Y, c.Bottom(), r.Y, r.Bottom(), cy, y)
			if r.Right() > c.X+1 && x >= cx {
				continue
			}
		case Right:
			along, side = x-cx, gapAcross(c.Y, c.Bottom(), r.Y, r.Bottom(), cy, y)
			if r.X < c.Right()-1 && x <= cx {
				continue
			}
		}
		if along <= 0 {
			continue
		}
		if s := along + 2*side; s < bestScore {
			best, bestScore = it.ID, s
		}
	}
	return best
}

// gapAcross is 0 when the spans [a0,a1] and [b0,b1] overlap, else the
// distance between their centres on that axis.
func gapAcross(a0, a1, b0, b1, ac, bc float64) float64 {
	if a0 < b1 && b0 < a1 {
		return 0
	}
	return math.Abs(ac - bc)
}
