package publish

import (
	"hash/maphash"
	"sync"
)

// A stringSet is a set of strings, each with the spelling it was added
// with, safe for concurrent use. A build adds hundreds of thousands of
// names: a few locked maps keep them in far fewer objects than a
// sync.Map (less for the collector to scan), and writers seldom wait on
// each other. The zero value is an empty set.
type stringSet struct {
	once   sync.Once
	seed   maphash.Seed
	shards [16]shard
}

type shard struct {
	mu    sync.Mutex
	keys  map[string]struct{}
	spelt map[string]string // key → as added, where the two differ (most names are lower case)
}

// add adds key, spelt as, and reports the spelling key was first added
// with if it was there already.
func (s *stringSet) add(key, as string) (prev string, dup bool) {
	sh := s.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if _, dup = sh.keys[key]; dup {
		if prev, ok := sh.spelt[key]; ok {
			return prev, true
		}
		return key, true
	}
	if sh.keys == nil {
		sh.keys = map[string]struct{}{}
	}
	sh.keys[key] = struct{}{}
	if as != key {
		if sh.spelt == nil {
			sh.spelt = map[string]string{}
		}
		sh.spelt[key] = as
	}
	return "", false
}

// has reports whether key was added.
func (s *stringSet) has(key string) bool {
	sh := s.shard(key)
	sh.mu.Lock()
	_, ok := sh.keys[key]
	sh.mu.Unlock()
	return ok
}

func (s *stringSet) shard(key string) *shard {
	s.once.Do(func() { s.seed = maphash.MakeSeed() })
	return &s.shards[maphash.String(s.seed, key)%uint64(len(s.shards))]
}
