package chart

import "testing"

func TestScale(t *testing.T) {
	s := Scale{0, 10, 100, 0} // y axis: up is smaller pixels
	if s.At(0) != 100 || s.At(10) != 0 || s.At(5) != 50 {
		t.Fatal(s.At(5))
	}
	if (Scale{3, 3, 0, 10}).At(7) != 5 {
		t.Fatal("flat domain")
	}
}

func TestTicks(t *testing.T) {
	got := Ticks(0, 100, 5)
	if len(got) != 6 || got[0] != 0 || got[5] != 100 {
		t.Fatal(got)
	}
	got = Ticks(1, 12, 6)
	if got[0] != 2 || got[len(got)-1] != 12 {
		t.Fatal(got)
	}
	if len(Ticks(5, 5, 3)) != 1 || Ticks(0, 1, 0) != nil {
		t.Fatal("edge")
	}
}

func TestNorm(t *testing.T) {
	if Norm(50, 0, 100) != 0.5 || Norm(-5, 0, 100) != 0 || Norm(500, 0, 100) != 1 || Norm(1, 2, 2) != 0.5 {
		t.Fatal("norm")
	}
}

func TestSpread(t *testing.T) {
	got := Spread([]float64{50, 10, 52, 51}, 10, 0, 100)
	// sorted order: 10, 50, 51, 52 -> 10, 50, 60, 70 in input order 50->50, 10->10, 52->70, 51->60
	if got[0] != 50 || got[1] != 10 || got[3] != 60 || got[2] != 70 {
		t.Fatal(got)
	}
	got = Spread([]float64{95, 96, 97}, 10, 0, 100)
	if got[2] != 100 || got[1] != 90 || got[0] != 80 {
		t.Fatal(got)
	}
}
