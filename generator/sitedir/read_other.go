//go:build !linux

package sitedir

import (
	"errors"
	"io"
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
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if limit >= 0 && size > limit {
		return nil, ErrTooLarge
	}
	data := make([]byte, 0, initialSize(size))
	for {
		data = grow(data)
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if limit >= 0 && int64(len(data)) > limit {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, rename(err, name)
		}
	}
}

// rename gives an *fs.PathError the name under the root, as os.DirFS
// does.
func rename(err error, name string) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		pe.Path = name
	}
	return err
}
