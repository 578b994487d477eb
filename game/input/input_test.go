package input

import (
	"strings"
	"testing"
)

func TestParseScript(t *testing.T) {
	s, err := ParseScript("t.txt", "# go to the room\nwait 2\nkey tab x2\nkey shift+tab\ntype hello\nclick 10 20\nmove 5 6\nwheel -1\npress endturn\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for !s.Done() {
		f := s.Next()
		for _, k := range f.Keys {
			if k.Shift {
				got = append(got, "S-"+k.Key.String())
			} else {
				got = append(got, k.Key.String())
			}
		}
		if len(f.Runes) > 0 {
			got = append(got, string(f.Runes))
		}
		if f.Click {
			got = append(got, "click")
			if f.X != 10 || f.Y != 20 {
				t.Fatal("click pos", f.X, f.Y)
			}
		}
		if f.WheelY != 0 {
			got = append(got, "wheel")
		}
		if f.Target != "" {
			got = append(got, "press:"+f.Target)
		}
	}
	if strings.Join(got, ",") != "tab,tab,S-tab,hello,click,wheel,press:endturn" {
		t.Fatal(got)
	}
	// After the script the cursor stays where it was moved.
	if f := s.Next(); f.X != 5 || f.Y != 6 || f.Active() {
		t.Fatal("idle frame", f)
	}
}

func TestParseScriptErrors(t *testing.T) {
	for _, bad := range []string{"jump", "wait x", "wait -1", "key", "key nope", "key tab 3", "click 1", "click a b", "type", "wheel NaN", "wait 999999999", "press", "press a b"} {
		_, err := ParseScript("s", "wait 1\n"+bad)
		if err == nil || !strings.HasPrefix(err.Error(), "s:2: ") {
			t.Errorf("%q: got %v", bad, err)
		}
	}
}

func TestKeys(t *testing.T) {
	for _, k := range AllKeys() {
		back, ok := ParseKey(k.String())
		if !ok || back != k {
			t.Errorf("%v does not round-trip", k)
		}
	}
	if Key7.Digit() != 7 || KeyTab.Digit() != -1 {
		t.Fatal("digit")
	}
	if k, _ := ParseKey("Escape"); k != KeyEscape {
		t.Fatal("escape")
	}
}
