package sitedir

import (
	"io/fs"
	"syscall"
)

// readFile reads the file at path with raw system calls: it is opened
// blocking, and never handed to the runtime's poller. Errors name the
// file name.
func readFile(path, name string, limit int64) ([]byte, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if limit >= 0 && st.Size > limit {
		return nil, ErrTooLarge
	}
	data := make([]byte, 0, initialSize(st.Size))
	for {
		data = grow(data)
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Read(fd, data[len(data):cap(data)])
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if limit >= 0 && int64(len(data)) > limit {
			return nil, ErrTooLarge
		}
	}
}

// retry calls f again while it is interrupted by a signal (the runtime
// sends them to preempt goroutines).
func retry(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
