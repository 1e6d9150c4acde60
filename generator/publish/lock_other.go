//go:build !unix

package publish

import "os"

// lockFile is a no-op where advisory locks are not available; the lock
// file's existence is all that guards the folder there.
func lockFile(f *os.File) error { return nil }
