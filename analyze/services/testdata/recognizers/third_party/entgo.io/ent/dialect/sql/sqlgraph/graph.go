// Package sqlgraph stands in for entgo.io/ent/dialect/sql/sqlgraph: the
// specs ent's generated code fills with its tables.
package sqlgraph

import "context"

type FieldSpec struct {
	Column string
	Type   int
}

type NodeSpec struct {
	Table   string
	Columns []string
	ID      *FieldSpec
}

type QuerySpec struct{ Node *NodeSpec }

type CreateSpec struct {
	Table string
	ID    *FieldSpec
}

type UpdateSpec struct{ Node *NodeSpec }

type DeleteSpec struct{ Node *NodeSpec }

func NewQuerySpec(table string, columns []string, id *FieldSpec) *QuerySpec {
	return &QuerySpec{Node: &NodeSpec{Table: table, Columns: columns, ID: id}}
}

func NewCreateSpec(table string, id *FieldSpec) *CreateSpec { return &CreateSpec{Table: table, ID: id} }

func NewUpdateSpec(table string, columns []string, id ...*FieldSpec) *UpdateSpec {
	return &UpdateSpec{Node: &NodeSpec{Table: table, Columns: columns}}
}

func NewDeleteSpec(table string, id *FieldSpec) *DeleteSpec {
	return &DeleteSpec{Node: &NodeSpec{Table: table, ID: id}}
}

func QueryNodes(ctx context.Context, drv any, spec *QuerySpec) error   { return nil }
func CreateNode(ctx context.Context, drv any, spec *CreateSpec) error  { return nil }
func UpdateNodes(ctx context.Context, drv any, spec *UpdateSpec) error { return nil }
