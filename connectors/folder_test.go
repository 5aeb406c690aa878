package connectors

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSkipName(t *testing.T) {
	for name, skip := range map[string]bool{
		"contract.docx": false, "~$ntract.docx": true, ".~lock.contract.docx#": true, ".DS_Store": true,
		"Thumbs.db": true, "desktop.ini": true, "report.pdf.part": true, "x.crdownload": true, "notes.txt~": true,
		"~draft.txt": false, "2026 budget.xlsx.tmp": true, "tmp.txt": false,
	} {
		if got := SkipFile(name); got != skip {
			t.Errorf("SkipFile(%q) = %v, want %v", name, got, skip)
		}
	}
}

// A backfill of a folder reads the same documents a watch of it would: not
// the files of hidden directories (a .git inside an archive), nor lock files.
func TestDirSourceSkipsWhatIsNoDocument(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "sub/b.txt", ".git/HEAD", ".git/objects/ab/cdef", "~$c.docx", ".hidden.txt", "sub/Thumbs.db"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	keys, err := DirSource{Dir: dir}.Keys(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "b.txt")}
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
}

func TestSkipObject(t *testing.T) {
	for name, skip := range map[string]bool{
		"contracts/msa.pdf": false, "msa.pdf": false, "synced/.git/HEAD": true, ".DS_Store": true,
		"inbox/~$ntract.docx": true, "a/b/Thumbs.db": true, "a.b/c.txt": false,
	} {
		if got := SkipObject(name); got != skip {
			t.Errorf("SkipObject(%q) = %v, want %v", name, got, skip)
		}
	}
}
