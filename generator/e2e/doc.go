// Package e2e holds end-to-end tests that build sites and look at them in
// a real headless Chromium, as a visitor would: hostile content that must
// not run, accessibility (axe-core), keyboard use, and search.
//
// The tests need Chromium (Debian's chromium package). Without it they
// skip, unless the environment variable CI is set: in CI they must run.
// axe-core comes from the npm registry; .ci/run installs it and points
// MOTEPLASS_AXE at axe.min.js.
package e2e
