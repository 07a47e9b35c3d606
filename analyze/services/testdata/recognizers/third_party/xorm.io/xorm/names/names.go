// Package names stands in for xorm's names: the mappers archie tells apart.
package names

type Mapper interface {
	Obj2Table(string) string
	Table2Obj(string) string
}

type SnakeMapper struct{}

func (SnakeMapper) Obj2Table(name string) string { return name }
func (SnakeMapper) Table2Obj(name string) string { return name }

type GonicMapper map[string]bool

func (GonicMapper) Obj2Table(name string) string { return name }
func (GonicMapper) Table2Obj(name string) string { return name }

var LintGonicMapper = GonicMapper{}

type SameMapper struct{}

func (SameMapper) Obj2Table(name string) string { return name }
func (SameMapper) Table2Obj(name string) string { return name }

type PrefixMapper struct {
	Mapper Mapper
	Prefix string
}

func NewPrefixMapper(mapper Mapper, prefix string) PrefixMapper { return PrefixMapper{mapper, prefix} }
func (m PrefixMapper) Obj2Table(name string) string             { return m.Prefix + name }
func (m PrefixMapper) Table2Obj(name string) string             { return name }
