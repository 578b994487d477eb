package westmap

import (
	"math"
	"testing"
)

var places = []Place{
	{ID: "westminster_bridge", Name: "Westminster Bridge", Kind: "bridge", X: 700, Y: 300},
	{ID: "lambeth_bridge", Name: "Lambeth Bridge", Kind: "bridge", X: 680, Y: 800},
	{ID: "palace", Name: "Palace of Westminster", Kind: "building", X: 560, Y: 520},
	{ID: "carriage_gates", Name: "Carriage Gates", Kind: "gate", X: 520, Y: 420},
	{ID: "downing_street", Name: "Downing Street", Kind: "street", X: 420, Y: 120},
}

func TestRiverThroughBridges(t *testing.T) {
	m := Build(places)
	for _, b := range places[:2] {
		if x := RiverX(m.RiverMid, b.Y); math.Abs(x-b.X) > 1 {
			t.Errorf("river at %v is %v, bridge at %v", b.Y, x, b.X)
		}
		if !m.InWater(Pt{b.X, b.Y}) {
			t.Errorf("bridge %s not over water", b.ID)
		}
	}
	if len(m.Bridges) != 2 || m.Bridges[0].Place.ID != "westminster_bridge" {
		t.Fatal(m.Bridges)
	}
	for _, br := range m.Bridges {
		if m.InWater(br.A) || m.InWater(br.B) {
			t.Errorf("bridge %s does not reach both banks", br.Place.ID)
		}
	}
	if m.RiverMid[0].Y > 0 || m.RiverMid[len(m.RiverMid)-1].Y < 1000 {
		t.Error("river does not cross the whole map")
	}
}

func TestPalaceOnWestBank(t *testing.T) {
	m := Build(places)
	if m.Palace == nil {
		t.Fatal("no palace")
	}
	b := m.Palace.Block
	for _, y := range []float64{b.Y, b.Y + b.H/2, b.Y + b.H} {
		if m.InWater(Pt{b.X + b.W, y}) {
			t.Fatalf("palace in the river at y=%v", y)
		}
		if b.X+b.W > RiverX(m.RiverMid, y) {
			t.Fatalf("palace not on the west bank")
		}
	}
}

func TestNoBridgesDefaultRiver(t *testing.T) {
	m := Build(nil)
	if !m.InWater(Pt{720, 500}) || m.Palace != nil {
		t.Fatal("default river")
	}
}

func TestMarkersInside(t *testing.T) {
	for _, p := range []Place{{X: 0, Y: 0}, {X: 1000, Y: 1000}, {X: 500, Y: 500}} {
		pts := Markers(p, 5, 30)
		if len(pts) != 5 {
			t.Fatal(len(pts))
		}
		for _, q := range pts {
			if q.X < 0 || q.X > 1000 || q.Y < 0 || q.Y > 1000 {
				t.Fatalf("marker %v outside for %v", q, p)
			}
		}
	}
	if Markers(places[0], 0, 10) != nil {
		t.Fatal("zero markers")
	}
}

func TestLabelsAvoidEachOther(t *testing.T) {
	pts := []Pt{{500, 500}, {505, 500}, {990, 10}}
	sizes := [][2]float64{{100, 20}, {100, 20}, {100, 20}}
	got, ok := Labels(pts, sizes, nil, 14)
	if !ok[0] || !ok[1] || !ok[2] {
		t.Fatal(ok)
	}
	if _, ok := Labels([]Pt{{500, 500}}, [][2]float64{{100, 20}}, []Box{{0, 0, 1000, 1000}}, 14); ok[0] {
		t.Fatal("placed a label over a box to avoid")
	}
	a := Box{got[0].X, got[0].Y, 100, 20}
	b := Box{got[1].X, got[1].Y, 100, 20}
	if overlapsAny(a, []Box{b}) {
		t.Fatalf("labels overlap: %v %v", a, b)
	}
	if got[2].X+100 > 1000 || got[2].Y < 0 {
		t.Fatalf("label off map: %v", got[2])
	}
}
