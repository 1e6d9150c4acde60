//go:build !linux

package sitedir

import (
	"errors"
	"io/fs"
	"os"
)

// readFile reads the file at path through an *os.File. Errors name
// the file name.
func readFile(path, name string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, rename(err, name)
	}
	defer f.Close()
	data, err := readFrom(f, limit)
	if err != nil && !errors.Is(err, ErrTooLarge) {
		return nil, rename(err, name)
	}
	return data, err
}

// rename gives an *fs.PathError the name under the root, as os.DirFS
// does.
func rename(err error, name string) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		pe.Path = name
	}
	return err
}
