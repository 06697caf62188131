//go:build !unix

package extract

import "os/exec"

// ownGroup leaves cmd as it is: outside Unix, cancelling kills soffice only.
func ownGroup(cmd *exec.Cmd) {}
