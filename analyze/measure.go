package analyze

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"runtime"
	"sync"
)

// A Size is what one package's non-test Go files hold.
type Size struct {
	Files int
	// Lines counts lines of code: lines holding at least one token that is
	// not a comment.
	Lines int
	// Types counts the named types the package declares (aliases are not
	// new types), and Abstract those of them that are interfaces.
	Types, Abstract int
	// Clause is the package clause of the package's first file.
	Clause token.Position
}

// Sizes measures every loaded package, once per graph, reading the files in
// parallel. Only commands that report sizes pay for it.
func (g *Graph) Sizes() map[string]Size {
	g.sizesOnce.Do(func() {
		g.sizes = make(map[string]Size, len(g.Packages))
		var mu sync.Mutex
		work := make(chan *Package)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range work {
					s := measure(p)
					mu.Lock()
					g.sizes[p.Path] = s
					mu.Unlock()
				}
			}()
		}
		for _, p := range g.Packages {
			work <- p
		}
		close(work)
		wg.Wait()
	})
	return g.sizes
}

func measure(p *Package) Size {
	var s Size
	fset := token.NewFileSet()
	for i, name := range p.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			continue // Load has reported it
		}
		s.Files++
		s.Lines += codeLines(fset, name, src)
		f, _ := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if f == nil {
			continue
		}
		if i == 0 {
			s.Clause = fset.Position(f.Package)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if ts.Assign.IsValid() {
					continue
				}
				s.Types++
				if _, ok := ts.Type.(*ast.InterfaceType); ok {
					s.Abstract++
				}
			}
		}
	}
	return s
}

// codeLines counts the lines of src that hold a token other than a
// comment; a multi-line string counts every line it spans.
func codeLines(fset *token.FileSet, name string, src []byte) int {
	file := fset.AddFile(name, -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, nil, 0)
	n, last := 0, 0
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return n
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted at a line end, not written
		}
		from := file.Line(pos)
		to := from
		if tok == token.STRING {
			to = file.Line(pos + token.Pos(len(lit)) - 1)
		}
		if from <= last {
			from = last + 1
		}
		if to >= from {
			n += to - from + 1
			last = to
		}
	}
}
