package connectors

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ReadIn reads the regular file rel under root, as backfill and ingest
// read the files they listed. Checking a path for links and then reading
// it by name reads whatever the path leads to by then: a folder of the
// archive swapped for a link to another after the listing (the security
// review's finding 5) had a file outside the archive ingested. Through
// os.Root no link on the path leads out of root, and the file opened is
// the one checked (not a link itself, not replaced in between).
func ReadIn(root *os.Root, rel string) ([]byte, fs.FileInfo, error) {
	st, err := root.Lstat(rel)
	if err != nil {
		return nil, nil, outside(root, err)
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		// as watched folders refuse one: what a link points to may lie
		// outside the folder, or change under it
		return nil, nil, errors.New("a symbolic link; name the file it points to")
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, nil, outside(root, err)
	}
	defer f.Close()
	held, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !os.SameFile(st, held) {
		return nil, nil, errors.New("replaced while it was being read (by a link, or a folder on its path by one)")
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, err
	}
	return data, held, nil
}

// outside says so when err is os.Root's refusal of a path that leaves the
// root, which os does not export (Go 1.26: "path escapes from parent"):
// a link on the path points out of the folder, or is absolute.
func outside(root *os.Root, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent" {
		return fmt.Errorf("reached through a symbolic link that leads out of %s", root.Name())
	}
	return err
}
