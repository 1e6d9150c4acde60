package parallel

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {7, 1}, {1000, 3}, {5, 0}} {
		seen := make([]atomic.Int32, tc.n)
		err := Each(context.Background(), tc.n, tc.workers, func(_ context.Context, i int) error {
			seen[i].Add(1)
			return nil
		})
		if err != nil {
			t.Fatalf("n=%d workers=%d: %v", tc.n, tc.workers, err)
		}
		want := int32(1)
		if tc.workers == 0 {
			want = 0 // no workers, nothing runs
		}
		for i := range seen {
			if got := seen[i].Load(); got != want {
				t.Errorf("n=%d workers=%d: index %d called %d times, want %d", tc.n, tc.workers, i, got, want)
			}
		}
	}
}

func TestEachAtMostWorkers(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	Each(context.Background(), 200, 3, func(context.Context, int) error {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		time.Sleep(time.Millisecond) // long enough for the others to start
		mu.Lock()
		running--
		mu.Unlock()
		return nil
	})
	if most > 3 {
		t.Errorf("%d calls at once, want at most 3", most)
	}
}

func TestEachStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int32
	err := Each(context.Background(), 10000, 2, func(_ context.Context, i int) error {
		calls.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	// The other worker may finish a call or two after the error, but
	// starts no more.
	if c := calls.Load(); c > 100 {
		t.Errorf("%d calls after an error at the 11th", c)
	}
}

func TestEachReturnsContextError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	err := Each(ctx, 100, 2, func(context.Context, int) error {
		calls.Add(1)
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if calls.Load() != 0 {
		t.Errorf("%d calls with a cancelled context", calls.Load())
	}
}
