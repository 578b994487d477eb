package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
	"github.com/keyholder-game/keyholder/game/scenario"
)

// RecordFormat is the version of the run-record file format.
const RecordFormat = 1

// MaxRecordSize caps a record file; a long game is a few kilobytes.
const MaxRecordSize = 4 << 20

// Record is a replayable run, and the save-game format: seed, scenario
// identity and every decision.
type Record struct {
	Format    int        `json:"format"`
	Scenario  string     `json:"scenario"`
	Title     string     `json:"title,omitempty"`
	Hash      string     `json:"hash"`
	Seed      uint64     `json:"seed"`
	Decisions []Decision `json:"decisions"`
	Ending    string     `json:"ending,omitempty"`
}

// Record returns the run so far as a record.
func (r *Run) Record() Record {
	rec := Record{Format: RecordFormat, Scenario: r.sc.Meta.ID, Title: r.sc.Meta.Title, Hash: r.sc.Hash,
		Seed: r.seed, Decisions: append([]Decision{}, r.decisions...)}
	if r.ending != nil {
		rec.Ending = r.ending.ID
	}
	return rec
}

// ErrScenarioChanged means a record was made with another version of the
// scenario, so replaying it would tell a different story.
var ErrScenarioChanged = errors.New("the scenario has changed since this record was made")

// Replay re-runs a record against sc. It refuses a record made with a
// different scenario or version, and names the turn of a decision that no
// longer fits.
func Replay(sc *scenario.Scenario, rec Record) (*Run, error) {
	if rec.Format != RecordFormat {
		return nil, fmt.Errorf("record format %d is not supported (this version reads format %d)", rec.Format, RecordFormat)
	}
	if rec.Scenario != sc.Meta.ID {
		return nil, fmt.Errorf("this record is for scenario %q, not %q", rec.Scenario, sc.Meta.ID)
	}
	if rec.Hash != sc.Hash {
		return nil, fmt.Errorf("%w (record %.12s…, scenario file %.12s…): replay it with the scenario file it was made with",
			ErrScenarioChanged, rec.Hash, sc.Hash)
	}
	r := New(sc, rec.Seed)
	for i, d := range rec.Decisions {
		if r.Over() {
			return nil, fmt.Errorf("the record has %d decisions but the game ended after %d", len(rec.Decisions), i)
		}
		if _, err := r.Resolve(d); err != nil {
			return nil, fmt.Errorf("turn %d of the record: %w", i+1, err)
		}
	}
	if rec.Ending != "" && (r.ending == nil || r.ending.ID != rec.Ending) {
		got := "no ending yet"
		if r.ending != nil {
			got = r.ending.ID
		}
		return nil, fmt.Errorf("the record says it ended in %q but replaying gives %s", rec.Ending, got)
	}
	return r, nil
}

// SaveRecord writes rec atomically: a crash mid-write leaves the old file.
func SaveRecord(path string, rec Record) error {
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return renameio.WriteFile(path, append(data, '\n'), 0o644)
}

// LoadRecord reads a record file, with messages that say what is wrong.
func LoadRecord(path string) (Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return Record{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxRecordSize+1))
	if err != nil {
		return Record{}, err
	}
	return ParseRecord(path, data)
}

// ParseRecord decodes a record, refusing unknown fields and old formats.
func ParseRecord(name string, data []byte) (Record, error) {
	if len(data) > MaxRecordSize {
		return Record{}, fmt.Errorf("%s: more than %d bytes; not a Keyholder record", name, MaxRecordSize)
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(data, int(se.Offset))
			return Record{}, fmt.Errorf("%s:%d:%d: not valid JSON: %v (the file may be damaged)", name, line, col, err)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return Record{}, fmt.Errorf("%s: not valid JSON: the file ends too early (it may be damaged or cut short)", name)
		}
		return Record{}, fmt.Errorf("%s: not a Keyholder record: %v", name, err)
	}
	switch {
	case rec.Format == 0:
		return Record{}, fmt.Errorf("%s: no \"format\" field; not a Keyholder record", name)
	case rec.Format != RecordFormat:
		return Record{}, fmt.Errorf("%s: record format %d; this version reads format %d", name, rec.Format, RecordFormat)
	case rec.Scenario == "" || rec.Hash == "":
		return Record{}, fmt.Errorf("%s: the record does not say which scenario it belongs to", name)
	}
	return rec, nil
}

func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, off - bytes.LastIndexByte(before, '\n')
}
