package layout

import "testing"

func TestCuts(t *testing.T) {
	r := R(10, 20, 100, 50)
	top, rest := r.CutTop(10)
	if top != R(10, 20, 100, 10) || rest != R(10, 30, 100, 40) {
		t.Fatal(top, rest)
	}
	l, rest := r.CutLeft(200)
	if l != r || !rest.Empty() {
		t.Fatal(l, rest)
	}
	if r.Inset(60).W != 0 {
		t.Fatal("inset below zero")
	}
}

func TestColumnsFillExactly(t *testing.T) {
	for _, w := range []float64{960, 1280, 1281, 1999} {
		cols := R(0, 0, w, 10).Columns(7, 36, 30, 34)
		total := 0.0
		for i, c := range cols {
			total += c.W
			if i > 0 && c.Overlaps(cols[i-1]) {
				t.Fatalf("overlap at %v", w)
			}
		}
		if total+14 != w || cols[2].Right() != w {
			t.Fatalf("w=%v total %v right %v", w, total, cols[2].Right())
		}
	}
}

func TestFlow(t *testing.T) {
	rs, h := Flow([]float64{40, 40, 40, 200}, 100, 10, 5)
	if rs[0].Y != 0 || rs[1].Y != 0 || rs[2].Y != 15 || rs[3].Y != 30 || rs[3].W != 100 || h != 40 {
		t.Fatal(rs, h)
	}
	for _, r := range rs {
		if r.Right() > 100 {
			t.Fatal("overflow", r)
		}
	}
}

func TestScroll(t *testing.T) {
	if ClampScroll(50, 100, 80) != 20 || ClampScroll(-3, 100, 80) != 0 || ClampScroll(5, 50, 80) != 0 {
		t.Fatal("clamp")
	}
	if ScrollTo(0, 90, 20, 80) != 30 || ScrollTo(50, 10, 20, 80) != 10 || ScrollTo(10, 20, 20, 80) != 10 {
		t.Fatal("scrollto")
	}
}

// The policy room must fit and not overlap at every supported size and text size.
func TestPolicyRoomFits(t *testing.T) {
	for _, sz := range [][2]float64{{960, 540}, {1280, 720}, {1920, 1080}, {2560, 1440}} {
		for _, em := range []float64{18, 22, 26, 31} {
			room := PolicyRoom(sz[0], sz[1], em)
			screen := R(0, 0, sz[0], sz[1])
			all := room.All()
			for i, a := range all {
				if !a.Inside(screen) || a.Empty() {
					t.Fatalf("%v em %v: rect %d %v outside or empty", sz, em, i, a)
				}
				for j := i + 1; j < len(all); j++ {
					if a.Overlaps(all[j]) {
						t.Fatalf("%v em %v: rects %d %v and %d %v overlap", sz, em, i, a, j, all[j])
					}
				}
			}
			if room.Meters.H < em*3 {
				t.Fatalf("%v em %v: meters too short %v", sz, em, room.Meters)
			}
			if room.Side.W < em*8 || room.Levers.W < em*8 {
				t.Fatalf("%v em %v: columns too narrow", sz, em)
			}
		}
	}
}

func TestReadingPageAndTooltip(t *testing.T) {
	p := ReadingPage(960, 540, 36)
	if p.Header.Overlaps(p.Body) || p.Body.Overlaps(p.Footer) || !p.Footer.Inside(R(0, 0, 960, 540)) {
		t.Fatal(p)
	}
	s := R(0, 0, 960, 540)
	tt := Tooltip(950, 530, 200, 60, s)
	if !tt.Inside(s) {
		t.Fatal(tt)
	}
}
