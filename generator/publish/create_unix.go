//go:build unix

package publish

import (
	"io"
	"io/fs"
	"syscall"
)

// createFile creates (or truncates) the file at path for writing. It
// calls open, write and close and nothing else: os.Create also tries to
// register every file with the runtime's poller (two fcntl and an
// epoll_ctl that fails for a regular file), which is most of the system
// calls of a build that writes three hundred thousand small files.
func createFile(path string) (io.WriteCloser, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return &rawFile{fd: fd, path: path}, nil
}

// A rawFile is a file descriptor opened for writing, blocking.
type rawFile struct {
	fd   int
	path string
}

func (f *rawFile) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		n, err := syscall.Write(f.fd, p)
		if err == syscall.EINTR {
			continue
		}
		if n > 0 {
			written += n
			p = p[n:]
		}
		if err != nil {
			return written, &fs.PathError{Op: "write", Path: f.path, Err: err}
		}
		if n == 0 {
			return written, &fs.PathError{Op: "write", Path: f.path, Err: io.ErrShortWrite}
		}
	}
	return written, nil
}

// Name returns the path the file was created at.
func (f *rawFile) Name() string { return f.path }

// Close closes the descriptor; a second Close is an error, not a
// close of whatever file has the number by then.
func (f *rawFile) Close() error {
	if f.fd < 0 {
		return &fs.PathError{Op: "close", Path: f.path, Err: fs.ErrClosed}
	}
	err := syscall.Close(f.fd)
	f.fd = -1
	if err != nil {
		return &fs.PathError{Op: "close", Path: f.path, Err: err}
	}
	return nil
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
