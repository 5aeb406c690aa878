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
//
// A file over limit bytes (DefaultMaxBytes when limit is 0 or less) is
// refused with ErrTooLarge before it is read: read whole, only for the
// publisher to refuse it then, a 2 GB file took 4.6 GB of memory, and an
// archive with a few recordings or disk images in it ran a backfill out of
// memory.
func ReadIn(root *os.Root, rel string, limit int64) ([]byte, fs.FileInfo, error) {
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	st, err := root.Lstat(rel)
	if err != nil {
		return nil, nil, outside(root, err)
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		// as watched folders refuse one: what a link points to may lie
		// outside the folder, or change under it
		return nil, nil, errors.New("a symbolic link; name the file it points to")
	}
	if !st.Mode().IsRegular() {
		// opened, a named pipe waits for a writer that may never come
		return nil, nil, fmt.Errorf("%s, not a regular file", special(st.Mode()))
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
	if held.Size() > limit {
		return nil, nil, tooLarge(held.Size(), limit)
	}
	// bounded too: the file may grow while it is read
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > limit {
		return nil, nil, fmt.Errorf("more than %d bytes, over the limit (it grew while it was read): %w", limit, ErrTooLarge)
	}
	return data, held, nil
}

// tooLarge is the refusal of a file of size bytes, over limit.
func tooLarge(size, limit int64) error {
	return fmt.Errorf("%d bytes over the %d limit: %w", size, limit, ErrTooLarge)
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

// special names the kind of a file that is neither regular, a folder nor
// a link.
func special(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
