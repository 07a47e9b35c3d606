package services

import (
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"
	"gopkg.in/yaml.v3"
)

// Run-time configuration files. A go-zero service reads its settings from
// a YAML file into a struct (conf.MustLoad(*configFile, &c)), so its Kafka
// topic, its DSN or its peers' addresses are fields of that struct, not
// strings in the code. archie reads the files the code names, relative to
// the folder of the package that loads them (go-zero services start from
// it, with etc/NAME.yaml as the -f flag's default), and a read of a field
// of the struct resolves to what the files give it.

// isConfigLoader reports whether fn fills its second argument from the
// file named by its first.
func isConfigLoader(fn *ssa.Function) bool {
	return (fn.Name() == "MustLoad" || fn.Name() == "Load") && fn.Pkg != nil &&
		normPath(fn.Pkg.Pkg.Path()) == "github.com/zeromicro/go-zero/core/conf"
}

// A configDoc is one configuration file, loaded into a struct type.
type configDoc struct {
	file string
	root *yaml.Node // the document's top mapping
}

// readConfigs reads the files of the config loads the resolver met. dirOf
// gives a package's folder; values name their file relative to root.
func (r *resolver) readConfigs(dirOf func(pkgPath string) string, root string) {
	for _, call := range r.configLoads {
		args := call.Common().Args
		if len(args) < 2 || call.Parent().Pkg == nil {
			continue
		}
		t := types.Type(nil)
		if mi, ok := args[1].(*ssa.MakeInterface); ok {
			if p, ok := mi.X.Type().Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
		}
		if t == nil {
			continue
		}
		dir := dirOf(call.Parent().Pkg.Pkg.Path())
		for _, v := range r.strings(args[0]) {
			if v.text == "" || strings.ContainsAny(v.text, "…$") {
				continue
			}
			file, ok := configPath(root, dir, v.text)
			if !ok {
				continue
			}
			data, ok := readSmall(file)
			if !ok {
				continue // a file archie cannot read tells it nothing
			}
			var doc yaml.Node
			if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
				continue
			}
			docs, _ := r.configs.At(t).([]*configDoc)
			r.configs.Set(t, append(docs, &configDoc{file: relTo(root, file), root: doc.Content[0]}))
		}
	}
}

// fromConfig resolves a value read from a loaded config struct, or a
// field below it (more): the values the config files give it.
func (r *resolver) fromConfig(v ssa.Value, more ...string) []value {
	if r.configs.Len() == 0 {
		return nil
	}
	root, keys := r.configPath(v)
	if root == nil {
		return nil
	}
	keys = append(keys, more...)
	var out []value
	docs, _ := r.configs.At(root).([]*configDoc)
	for _, d := range docs {
		if n := lookupKeys(d.root, keys); n != nil && n.Kind == yaml.ScalarNode {
			out = appendValues(out, []value{{text: n.Value, config: d.file}})
		}
	}
	return out
}

// configPath walks a field read back to the config struct it is read
// from: the struct's type and the keys from it down to the field.
func (r *resolver) configPath(v ssa.Value) (types.Type, []string) {
	var keys []string
	for range 12 {
		if t := r.configType(v.Type()); t != nil {
			for i, j := 0, len(keys)-1; i < j; i, j = i+1, j-1 {
				keys[i], keys[j] = keys[j], keys[i]
			}
			return t, keys
		}
		var st types.Type
		var field int
		switch w := v.(type) {
		case *ssa.Field:
			st, field, v = w.X.Type(), w.Field, w.X
		case *ssa.FieldAddr:
			st, field, v = w.X.Type(), w.Field, w.X
		case *ssa.UnOp:
			if w.Op != token.MUL {
				return nil, nil
			}
			v = w.X
			continue
		default:
			return nil, nil
		}
		if k, ok := configKey(st, field); ok {
			keys = append(keys, k)
		}
	}
	return nil, nil
}

// configType returns t, or what t points to, when config files are
// loaded into it.
func (r *resolver) configType(t types.Type) types.Type {
	if r.configs.At(t) != nil {
		return t
	}
	if p, ok := t.Underlying().(*types.Pointer); ok && r.configs.At(p.Elem()) != nil {
		return p.Elem()
	}
	return nil
}

// configKey returns the key a struct field is read from: its json tag's
// name, or its own. An embedded struct's fields sit at its parent's level.
func configKey(t types.Type, i int) (string, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return "", false
	}
	f := st.Field(i)
	name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
	if name == "" && f.Embedded() {
		return "", false
	}
	if name == "" || name == "-" {
		name = f.Name()
	}
	return name, true
}

// lookupKeys follows keys down a YAML mapping, matching them whatever
// their case, as go-zero does.
func lookupKeys(n *yaml.Node, keys []string) *yaml.Node {
	for _, k := range keys {
		if n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.EqualFold(n.Content[i].Value, k) {
				next = n.Content[i+1]
				break
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}

// configPath returns the file a config load names, relative to the
// loading package's folder dir, when it is in the repository at root: a
// path in the code may name /etc/app.yaml on the machine that runs the
// service, or a device, which tell nothing of this code.
func configPath(root, dir, name string) (string, bool) {
	file := name
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	file = filepath.Clean(file)
	return file, within(filepath.ToSlash(file), filepath.ToSlash(filepath.Clean(root)))
}
