//go:build !unix

package publish

import (
	"io"
	"os"
)

// createFile creates (or truncates) the file at path for writing.
func createFile(path string) (io.WriteCloser, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}
