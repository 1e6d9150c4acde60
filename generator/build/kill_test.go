package build

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"moteplass/generator/corpus"
)

// TestMain lets the kill test run a build in a child process: the test
// binary itself, told by the environment what to build.
func TestMain(m *testing.M) {
	if site := os.Getenv("MOTEPLASS_TEST_CHILD_SITE"); site != "" {
		_, err := Build(context.Background(), Options{Site: site, Out: os.Getenv("MOTEPLASS_TEST_CHILD_OUT"), Now: now})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	var err error
	if tempRoot, err = os.MkdirTemp("", "moteplass-build-test-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(tempRoot)
	os.Exit(code)
}

// TestKilledBuildLeavesOldSite kills a build while it writes, then checks
// that the previous site is intact and the next build leaves no staging
// folder behind.
func TestKilledBuildLeavesOldSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,500-activity site twice")
	}
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, 1500, 1); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MOTEPLASS_TEST_CHILD_SITE="+site, "MOTEPLASS_TEST_CHILD_OUT="+out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has written part of the new site.
	staging := ""
	deadline := time.Now().Add(30 * time.Second)
	for staging == "" && time.Now().Before(deadline) {
		matches, _ := filepath.Glob(filepath.Join(parent, ".moteplass-public-new-*", "aktiviteter", "*"))
		if len(matches) > 20 {
			staging = matches[0]
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if staging == "" {
		t.Fatal("the child never started writing")
	}
	if d := diffTrees(before, tree(t, out)); len(d) > 0 {
		t.Fatalf("a killed build changed the output:\n%s", strings.Join(d[:min(10, len(d))], "\n"))
	}

	if _, err := Build(context.Background(), Options{Site: site, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if name := e.Name(); name != "public" && !strings.HasSuffix(name, ".lock") {
			t.Errorf("left behind: %s", name)
		}
	}
}
