package services

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/types"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A dependency the build cache has no export data for is type-checked
// from source on every run: on a developer's machine that is most of a
// large tree, since the go command's cache holds export data built with
// cgo, and archie lists without it. So what typeCheck type-checks of a
// dependency is kept in archie's cache as export data, under a key of
// everything the types depend on: the package's files (their content's
// hashes, remembered by size and times in a memo of the build, so that a
// fresh checkout or a restored module cache keeps the keys), its imports'
// keys, the Go release and export format archie was built with, and the
// target's word size. A re-run reads it there instead, unless a package
// below it changed.
//
// Writing it costs the run that does 16-40 % more on loki (each
// package's export data holds the declarations it refers to in other
// packages too, 200 MB in all), which a run that is never repeated, as
// on a CI runner that keeps no cache, would pay for nothing. So the first
// run of a build only saves an empty memo, which says that it ran; a
// later one hashes the files and keeps what it type-checks.

// typesKind names the cache's entries of export data, memoKind the memo
// of each build's files.
const (
	typesKind = "types"
	memoKind  = "types-files"
)

// typesKeyBase is what every key of export data starts with: what makes
// archie write and read it differently.
var typesKeyBase = sync.OnceValue(func() string {
	tools := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "golang.org/x/tools" {
				tools = m.Version + " " + m.Sum
			}
		}
	}
	// GODEBUG's gotypesalias changes what go/types makes of an alias.
	return "archie types v1\n" + runtime.Version() + "\nx/tools " + tools + "\nGODEBUG " + os.Getenv("GODEBUG") + "\n"
})

// reuse reads from the cache the export data of the dependencies all
// packages list to type-check from source, where an earlier run kept it,
// and takes them off the list. It returns how many it read. build names
// the build's memo (see memoKind).
func (l *typeLoader) reuse(all []*packages.Package, build string) int {
	if l.cache == nil {
		return 0
	}
	memo, ran := l.cache.Memo(memoKind, build)
	l.memo = memo
	if !ran {
		return 0
	}
	l.keepTypes = true
	var todo []*packages.Package
	for _, p := range all {
		// One read with a fake "C" is not kept: checked again each run.
		if l.source[p] != nil && !l.roots[p] && len(p.Errors) == 0 && !l.fakeC[p] {
			todo = append(todo, p)
		}
	}
	l.files = l.stampFiles(todo)
	l.keys = make(map[*packages.Package]string, len(todo))
	hits := 0
	for _, p := range todo { // dependencies first
		key := l.typesKey(p, l.files[p])
		if key == "" {
			continue
		}
		l.keys[p] = key
		if !l.readsReady(p) {
			continue
		}
		data := l.cache.Get(typesKind, key)
		if data == nil {
			continue
		}
		// Decoded where it is imported (see imported and lookedUp):
		// most dependencies are only below another, whose export data
		// holds what of them it refers to.
		if l.cached == nil {
			l.cached = make(map[*packages.Package][]byte)
		}
		l.cached[p] = data
		delete(l.source, p)
		hits++
	}
	return hits
}

// lookedUp reports whether the facts look names up in a dependency's
// scope, where no type of the code leads them: the libraries a program's
// interface stands in for (standInFor) and Redis clients (redisBus), by
// name; the code generated for RPC, whose constants and constructors name
// services (protoName, servedTaking, kitexService). A package read from
// export data, archie's or the build cache's, holds only what the
// packages read from it refer to until its own is read: typeCheck reads
// these whole, as from source, so that a run finds the same names
// whichever cache gave their types.
func lookedUp(p *packages.Package) bool {
	path := normPath(p.PkgPath)
	if redisClient(path) {
		return true
	}
	for _, r := range libraryStandIns {
		if r.pkg == path {
			return true
		}
	}
	for imp := range p.Imports {
		for _, rpc := range rpcRuntimes {
			if within(imp, rpc) {
				return true
			}
		}
	}
	return false
}

// rpcRuntimes are the packages that code generated for RPC imports.
var rpcRuntimes = []string{
	"google.golang.org/grpc",
	"google.golang.org/protobuf",
	"github.com/golang/protobuf",
	"github.com/gogo/protobuf",
	"github.com/cloudwego/kitex",
	"connectrpc.com/connect",
	"github.com/bufbuild/connect-go",
}

// readsReady reports whether every package p imports has its types
// already, from export data: only then may p's be read from it.
func (l *typeLoader) readsReady(p *packages.Package) bool {
	for _, imp := range p.Imports {
		if l.source[imp] != nil {
			return false
		}
	}
	return true
}

// stampFiles returns the content hashes of each package's files, one
// line each, taken on every core; "" for a package with a file that
// cannot be read.
func (l *typeLoader) stampFiles(pkgs []*packages.Package) map[*packages.Package]string {
	out := make([]string, len(pkgs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var b strings.Builder
				for _, f := range pkgs[i].GoFiles {
					h, err := l.memo.Hash(f)
					if err != nil {
						b.Reset() // unreadable: type-checking says why
						break
					}
					fileLine(&b, f, h)
				}
				out[i] = b.String()
			}
		}()
	}
	for i := range pkgs {
		next <- i
	}
	close(next)
	wg.Wait()
	m := make(map[*packages.Package]string, len(pkgs))
	for i, p := range pkgs {
		m[p] = out[i]
	}
	return m
}

// typesKey returns the key of p's export data, or "" when p cannot be
// kept: a file could not be read, or an import is a package read with
// its function bodies (a service's own).
func (l *typeLoader) typesKey(p *packages.Package, files string) string {
	if files == "" && len(p.GoFiles) > 0 {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%spackage %s %s\n", typesKeyBase(), p.PkgPath, p.Name)
	if p.Module != nil {
		fmt.Fprintf(h, "go %s\n", p.Module.GoVersion)
	}
	if s := p.TypesSizes; s != nil {
		fmt.Fprintf(h, "sizes %d %d %d\n", s.Sizeof(types.Typ[types.Uintptr]), s.Alignof(types.Typ[types.Int64]), s.Alignof(types.Typ[types.Float64]))
	}
	h.Write([]byte(files))
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		imp := p.Imports[path]
		var k string
		switch {
		case imp.PkgPath == "unsafe":
			k = "unsafe"
		case l.source[imp] == nil && imp.ExportFile != "":
			k = "export " + imp.ExportFile // named by its content's hash in the build cache
		default:
			if k = l.keys[imp]; k == "" {
				return ""
			}
		}
		fmt.Fprintf(h, "import %s %s %s\n", path, imp.PkgPath, k)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// keep writes the export data of a dependency type-checked from source
// to the cache, when it type-checked without an error, its files were not
// edited since they were hashed for its key, and the build ran before.
func (l *typeLoader) keep(p *packages.Package) {
	key := l.keys[p]
	if !l.keepTypes || key == "" || p.IllTyped || len(p.Errors) > 0 {
		return
	}
	if _, edited := l.edited.Load(p); edited {
		return // its key says other contents than were type-checked
	}
	if _, older := l.older.Load(p); older {
		return // read as another release selects its files: said each run
	}
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, l.fset, p.Types); err != nil {
		return
	}
	l.cache.Put(typesKind, key, buf.Bytes())
}

// buildName names a build for memoKind: the folder it is listed in and
// its patterns.
func buildName(cfg *packages.Config, patterns []string) string {
	return typesKeyBase() + cfg.Dir + "\n" + strings.Join(patterns, "\n")
}

// sameFiles marks p edited when the contents parse read of its files are
// not those its key was made of (a file edited during the run): p is then
// not kept.
func (l *typeLoader) sameFiles(p *packages.Package, srcs [][]byte) {
	want, ok := l.files[p]
	if !ok || l.keys[p] == "" {
		return
	}
	var b strings.Builder
	for i, src := range srcs {
		sum := sha256.Sum256(src)
		fileLine(&b, p.GoFiles[i], sum[:])
	}
	if b.String() != want {
		l.edited.Store(p, true)
	}
}

// fileLine writes one file's line of a package's part of its key:
// stampFiles makes the key with it, sameFiles checks what parse read
// against it, so both must write alike.
func fileLine(b *strings.Builder, name string, hash []byte) {
	fmt.Fprintf(b, "%s\t%x\n", name, hash)
}
