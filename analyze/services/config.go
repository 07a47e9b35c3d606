package services

import (
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"
	"gopkg.in/yaml.v3"
)

// Run-time configuration. A service often reads its settings into a
// struct: from a YAML file (go-zero's conf.MustLoad(*configFile, &c),
// viper's Unmarshal after SetConfigFile, cleanenv's ReadConfig) or from
// environment variables its fields' tags name (cleanenv, envconfig,
// caarlos0/env). Its Kafka topic, its DSN or its peers' addresses are then
// fields of that struct, not strings in the code. archie reads the files
// the code names, relative to the folder of the package that loads them
// or, for a path built on the working directory, to the repository; a
// read of a field of the struct resolves to what the files give it, or to
// the environment variable its tag names, which the deployment sets.

// A configLoad is one call that fills a struct from configuration.
type configLoad struct {
	call ssa.CallInstruction
	file ssa.Value // the file's name, or nil: viper's are its SetConfigFile calls'
	into ssa.Value // the struct's address
	tag  string    // the struct tag that names a field's key in the file
	// env is the struct tag that names a field's environment variable,
	// when the loader reads one; prefix is envconfig's prefix argument,
	// options caarlos0/env's Options, whose Prefix is one.
	env     string
	prefix  ssa.Value
	options ssa.Value
	// typ is the struct filled, for a loader that returns it
	// (caarlos0/env's ParseAs[T]) rather than filling into.
	typ types.Type
	// kratos and koanf loads read the files their sources name in the
	// same package (sourceFiles).
	kratos, koanf bool
	// A load a loader of the program's own makes with what its callers
	// hand it (config.Load(path, &cfg)) stands at each call of the
	// loader, a few levels up (throughWrappers): origin is then the
	// library's call, and bind the arguments the loaders on the way are
	// given.
	origin ssa.CallInstruction
	bind   map[*ssa.Parameter]ssa.Value
	// targs are the type arguments of the generic loader's instance a
	// caller calls (Load[app.Config]) for its type parameters tparams,
	// one of which the struct filled may be.
	tparams *types.TypeParamList
	targs   []types.Type
}

// configLoadOf returns the config load a call of fn is, if it is one.
func configLoadOf(fn *ssa.Function, call ssa.CallInstruction) (configLoad, bool) {
	origin := fn
	if o := fn.Origin(); o != nil {
		origin = o // ParseAs, not ParseAs[app.Config], which has no package
	}
	if origin.Pkg == nil {
		return configLoad{}, false
	}
	args := call.Common().Args
	if fn.Signature.Recv() != nil {
		args = args[1:]
	}
	l := configLoad{call: call}
	switch normPath(origin.Pkg.Pkg.Path()) + "." + origin.Name() {
	case "github.com/zeromicro/go-zero/core/conf.MustLoad", "github.com/zeromicro/go-zero/core/conf.Load":
		l.tag = "json"
		if len(args) >= 2 {
			l.file, l.into = args[0], args[1]
		}
	case "github.com/spf13/viper.Unmarshal", "github.com/spf13/viper.UnmarshalExact":
		l.tag = "mapstructure"
		if len(args) >= 1 {
			l.into = args[0]
		}
	case "github.com/ilyakaznacheev/cleanenv.ReadConfig":
		l.tag, l.env = "yaml", "env"
		if len(args) >= 2 {
			l.file, l.into = args[0], args[1]
		}
	case "github.com/ilyakaznacheev/cleanenv.ReadEnv", "github.com/caarlos0/env.Parse":
		l.env = "env"
		if len(args) >= 1 {
			l.into = args[0]
		}
		if len(args) >= 2 {
			l.options = args[1] // caarlos0/env before v10: Parse(&cfg, opts...)
		}
	case "github.com/caarlos0/env.ParseWithOptions":
		l.env = "env"
		if len(args) >= 2 {
			l.into, l.options = args[0], args[1]
		}
	case "github.com/caarlos0/env.ParseAs", "github.com/caarlos0/env.ParseAsWithOptions":
		l.env = "env"
		if res := fn.Signature.Results(); res.Len() == 2 && call.Value() != nil {
			l.typ, l.into = res.At(0).Type(), call.Value()
		}
		if len(args) >= 1 {
			l.options = args[0]
		}
	case "github.com/go-kratos/kratos/config.Config.Scan":
		// kratos: the files its file.NewSource calls name (a file or a
		// folder of them), read with the json names protoc gives fields.
		l.tag, l.kratos = "json", true
		if len(args) >= 1 {
			l.into = args[0]
		}
	case "github.com/knadh/koanf.Unmarshal", "github.com/knadh/koanf.UnmarshalWithConf": // (*Koanf) methods
		// koanf: the files its file.Provider calls name.
		l.tag, l.koanf = "koanf", true
		if len(args) >= 2 {
			l.into = args[1]
		}
	case "gopkg.in/yaml.v3.Unmarshal", "gopkg.in/yaml.v2.Unmarshal", "sigs.k8s.io/yaml.Unmarshal", "github.com/goccy/go-yaml.Unmarshal", "encoding/json.Unmarshal":
		// A loader of the program's own: a file read whole, then
		// decoded into the config struct.
		l.tag = "yaml"
		if origin.Pkg.Pkg.Path() == "encoding/json" {
			l.tag = "json"
		}
		if len(args) >= 2 {
			if l.file = readFileName(args[0]); l.file != nil {
				l.into = args[1]
			}
		}
	case "gopkg.in/yaml.v3.Decode", "gopkg.in/yaml.v2.Decode", "github.com/goccy/go-yaml.Decode", "encoding/json.Decode": // (*Decoder) methods
		// The same, through a decoder of the opened file:
		// yaml.NewDecoder(f).Decode(&cfg).
		l.tag = "yaml"
		if origin.Pkg.Pkg.Path() == "encoding/json" {
			l.tag = "json"
		}
		if recv := call.Common().Args; fn.Signature.Recv() != nil && len(args) >= 1 {
			if l.file = decodedFileName(recv[0]); l.file != nil {
				l.into = args[0]
			}
		}
	case "github.com/BurntSushi/toml.DecodeFile":
		l.tag = "toml"
		if len(args) >= 2 {
			l.file, l.into = args[0], args[1]
		}
	case "github.com/BurntSushi/toml.Decode", "github.com/BurntSushi/toml.Unmarshal", "github.com/pelletier/go-toml.Unmarshal", "github.com/pelletier/go-toml.Decode":
		l.tag = "toml"
		if fn.Signature.Recv() != nil {
			// (*Decoder).Decode: toml.NewDecoder(f).Decode(&cfg).
			if recv := call.Common().Args; len(args) >= 1 {
				if l.file = decodedFileName(recv[0]); l.file != nil {
					l.into = args[0]
				}
			}
			break
		}
		// A TOML file read whole (toml.Decode(string(data), &cfg)).
		if len(args) >= 2 {
			if l.file = readFileName(args[0]); l.file != nil {
				l.into = args[1]
			}
		}
	case "github.com/BurntSushi/toml.DecodeReader":
		l.tag = "toml"
		if len(args) >= 2 {
			if l.file = openedName(args[0]); l.file != nil {
				l.into = args[1]
			}
		}
	case "github.com/kelseyhightower/envconfig.Process", "github.com/kelseyhightower/envconfig.MustProcess":
		l.env = "envconfig"
		if len(args) >= 2 {
			l.prefix, l.into = args[0], args[1]
		}
	case "github.com/sethvargo/go-envconfig.Process", "github.com/sethvargo/go-envconfig.MustProcess":
		// sethvargo/go-envconfig: Process(ctx, &cfg, mutators...), each
		// field's variable the name its env:"NAME,default=…" tag gives.
		l.env = "sethvargo"
		if len(args) >= 2 {
			l.into = args[1]
		}
	case "github.com/sethvargo/go-envconfig.ProcessWith":
		l.env = "sethvargo"
		if len(args) < 2 {
			break
		}
		lookuper := ssa.Value(nil)
		if st := structOf(args[1].Type()); st != nil && isNamedType(typeDeref(args[1].Type()), "github.com/sethvargo/go-envconfig", "Config") {
			// v1: ProcessWith(ctx, &envconfig.Config{Target: &cfg,
			// Lookuper: …}).
			targets, lookupers := storedAt(args[1], fieldIndex(st, "Target")), storedAt(args[1], fieldIndex(st, "Lookuper"))
			if len(targets) != 1 || len(lookupers) > 1 {
				return configLoad{}, false // set elsewhere: which struct, or which names, is not known
			}
			l.into = targets[0]
			if len(lookupers) == 1 {
				lookuper = lookupers[0]
			}
		} else {
			// Before v1: ProcessWith(ctx, &cfg, lookuper, mutators...).
			l.into = args[1]
			if len(args) >= 3 {
				lookuper = args[2]
			}
		}
		if lookuper != nil {
			prefix, ok := lookupPrefix(lookuper)
			if !ok {
				return configLoad{}, false // a lookuper of the program's own may name anything
			}
			l.prefix = prefix
		}
	case "github.com/ardanlabs/conf.Parse", "github.com/ardanlabs/conf.ParseWithOptions":
		// ardanlabs/conf: PREFIX_ and each field's name split at its
		// words (Auth.APIHost is AUTH_API_HOST), or conf:"env:NAME".
		l.env = "ardanlabs"
		if len(args) >= 3 {
			if _, isArgs := args[0].Type().Underlying().(*types.Slice); isArgs {
				// v1: Parse(os.Args[1:], "SALES", &cfg).
				l.prefix, l.into = args[1], args[2]
				break
			}
		}
		if len(args) >= 2 {
			l.prefix, l.into = args[0], args[1]
		}
	default:
		return configLoad{}, false
	}
	return l, l.into != nil
}

// lookupPrefix reads the Lookuper go-envconfig is handed: the process's
// environment (OsLookuper), or it under a prefix
// (PrefixLookuper("MYSQL_", OsLookuper())), whose value it returns. ok is
// false for any other: a map, or a lookuper of the program's own.
func lookupPrefix(v ssa.Value) (prefix ssa.Value, ok bool) {
	if mi, isIface := v.(*ssa.MakeInterface); isIface {
		v = mi.X
	}
	c, isCall := v.(*ssa.Call)
	if !isCall {
		return nil, false
	}
	switch calleeKey(c.Common()) {
	case "github.com/sethvargo/go-envconfig.OsLookuper":
		return nil, true
	case "github.com/sethvargo/go-envconfig.PrefixLookuper":
		if args := c.Common().Args; len(args) == 2 {
			if inner, ok := lookupPrefix(args[1]); ok && inner == nil {
				return args[0], true
			}
		}
	}
	return nil, false
}

// fieldIndex returns the index of a struct's field by name, or -1.
func fieldIndex(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// sethvargoDefault returns the default go-envconfig's env tag gives, but
// one that names other variables ($HOST), which archie does not expand.
func sethvargoDefault(tag string) (string, bool) {
	_, opts := sethvargoTag(tag)
	def, ok := opts["default"]
	if !ok || strings.Contains(def, "$") {
		return "", false
	}
	return def, true
}

// sethvargoTag reads go-envconfig's env tag: the variable's name, then
// options; default= takes the rest of the tag, commas and all.
func sethvargoTag(tag string) (name string, opts map[string]string) {
	name, rest, _ := strings.Cut(tag, ",")
	opts = make(map[string]string)
	for rest != "" {
		var item string
		item, rest, _ = strings.Cut(rest, ",")
		item = strings.TrimSpace(item)
		if def, ok := strings.CutPrefix(item, "default="); ok {
			if rest != "" {
				def += "," + rest
			}
			opts["default"], rest = def, ""
			break
		}
		k, v, _ := strings.Cut(item, "=")
		opts[k] = v
	}
	return strings.TrimSpace(name), opts
}

// deployedNames returns the names a config file is read by when the
// deployment files set a variable its name is built from
// (filepath.Join("conf", os.Getenv("GO_ENV"), "conf.yaml")): the name
// with their value in, when they set it to one value; none when to
// several (which service's is which is not tracked); the code's default
// only when they do not set it.
func deployedNames(names []value, envValues func(key string) []string) []value {
	if envValues == nil {
		return names
	}
	var out []value
	set := false
	for _, v := range names {
		if len(v.env) == 0 {
			continue
		}
		text := v.text
		for _, k := range v.env {
			vals := envValues(k)
			if len(vals) == 0 {
				continue
			}
			set = true
			if len(vals) > 1 || strings.Contains(vals[0], "$") {
				text = ""
				break
			}
			text = strings.ReplaceAll(text, "${"+k+"}", vals[0])
		}
		if text != "" && !strings.Contains(text, "${") {
			out = append(out, value{text: text, lit: true})
		}
	}
	if !set {
		return names
	}
	return out
}

// A deployedFile is a config file's name, and the one workload that
// names it, if only one does.
type deployedFile struct {
	name   string
	w      *workload
	unseen bool // the workload names a file that is not the repository's
	// configMap and key name the ConfigMap's key that a Kubernetes
	// workload mounts as the file, in the manifest mount: unseen, unless
	// a manifest of the repository declares it (configMapDoc).
	configMap, key, mount string
}

// deployedFiles returns the config files names stand for. A name read
// from the environment (SetConfigFile(os.Getenv("CONFIG_PATH"))) is, in
// each workload that sets the variable, the file its value names: a path
// in its container is the repository's file a bind mount puts there
// (./config/orders.yaml:/config/config.yaml), so services that share a
// loader each read their own. A name with no variable, or one no
// workload sets, is read as it is, by every service.
func deployedFiles(names []value, deploy *deployment, root string) []deployedFile {
	var out []deployedFile
	for _, v := range names {
		if files, passed := deploy.flagFiles(v, root); passed {
			out = append(out, files...)
			continue
		}
		if len(v.env) == 0 || deploy == nil {
			out = append(out, deployedFile{name: v.text})
			continue
		}
		set := false
	workloads:
		for _, w := range deploy.workloads {
			text := v.text
			for _, k := range v.env {
				val, ok := w.env[k]
				if !ok {
					continue workloads
				}
				text = strings.ReplaceAll(text, "${"+k+"}", val)
			}
			set = true
			if strings.Contains(text, "${") || text == "" {
				continue
			}
			out = append(out, w.fileIn(text, root))
		}
		if !set {
			out = append(out, deployedFile{name: v.text})
		}
	}
	return out
}

// flagFiles returns the config files a name v, made of a flag's default,
// stands for in the workloads, when one passes the flag
// (-config config/orders.json): the name with the value each passes in
// the default's place, and the default in each that passes none. passed
// is false when no command passes it: the default is then everyone's
// name. A name whose default archie cannot place, a value it cannot read,
// a workload several files run (one may pass it, one not) and a
// Makefile's or a script's command passing a flag of more than one
// letter (whose workload is not known) leave the file unknown.
func (d *deployment) flagFiles(v value, root string) (out []deployedFile, passed bool) {
	if d == nil || v.flag == "" {
		return nil, false
	}
	flags := strings.Split(v.flag, ",")
	// A one-letter flag (go-zero's -f) in other programs' words
	// (kubectl apply -f, docker build -f) would match anything.
	other := slices.ContainsFunc(flags, func(f string) bool { return len(f) > 1 && setsFlag(d.otherArgs, f, false) })
	var unpassed []*workload
	all := slices.Collect(maps.Values(d.workloads))
	slices.SortFunc(all, func(a, b *workload) int { return strings.Compare(a.name+"\x00"+a.file, b.name+"\x00"+b.file) })
	for _, w := range append(all, d.scriptRuns...) {
		args := w.args
		// In a pod of several containers, only those named as it are
		// the service's: a sidecar's flag is its own.
		known := len(w.runBy) <= 1 && (len(w.ownArgs) > 0 || w.containers() <= 1)
		if len(w.ownArgs) > 0 {
			args = w.ownArgs
		}
		set := false
		for _, flag := range flags {
			val, ok := flagValue(args, flag, w.kubeVars)
			if !ok {
				continue
			}
			set = true
			text, placed := v.withFlag(val)
			if !placed && v.text == "" && len(flags) == 1 {
				text, placed = val, true // the name is the flag, empty by default
			}
			if placed && val != "" && known {
				out = append(out, w.fileIn(text, root))
			}
		}
		if !set && known {
			unpassed = append(unpassed, w)
		}
		passed = passed || set
	}
	if !passed && !other {
		return nil, false
	}
	if !other {
		for _, w := range unpassed {
			out = append(out, w.fileIn(v.text, root))
		}
	}
	return out, true
}

// fileIn is a config file a workload names: a path in its container
// (absolute, or relative to its compose working_dir) is the
// repository's file a bind mount puts there, or one archie cannot see
// (unseen: the image's, a ConfigMap's, a volume's), which may set any
// key; a relative name no bind mount covers is the repository's, as the
// image copies it.
func (w *workload) fileIn(name, root string) deployedFile {
	if w.scriptDir != "" && name != "" {
		// A Makefile's or script's run: a path in the folder it runs
		// in, or the file its cp made there (cp
		// cmd/logic/logic-example.toml target/logic.toml) the one it
		// copied.
		abs := name
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(w.scriptDir, filepath.FromSlash(name))
		}
		if src, ok := w.copies[abs]; ok {
			abs = src
		}
		if !within(filepath.ToSlash(abs), filepath.ToSlash(root)) {
			return deployedFile{w: w, unseen: true}
		}
		return deployedFile{name: "…/" + filepath.ToSlash(relTo(root, abs)), w: w}
	}
	if !filepath.IsAbs(name) {
		if w.volumes == nil || name == "" {
			return deployedFile{name: name, w: w}
		}
		if w.workDir == "" || strings.Contains(w.workDir, "$") {
			// The folder it starts in is the image's: a mount that may
			// put the name there leaves the file unknown, unless it puts
			// the repository's own file there (./config at /app/config
			// for config/app.json).
			own := filepath.Join(root, filepath.FromSlash(name))
			covers := w.coverings(filepath.ToSlash(name))
			for _, f := range covers {
				if f != own {
					return deployedFile{w: w, unseen: true}
				}
			}
			if len(covers) > 0 {
				name = "…/" + filepath.ToSlash(name) // the root's, wherever it starts
			}
			return deployedFile{name: name, w: w}
		}
		abs := path.Join(w.workDir, filepath.ToSlash(name))
		host, covered := volumeAt(w.mountBase, abs, w.volumes)
		switch {
		case host != "":
			name = abs
		case covered || !path.IsAbs(abs):
			return deployedFile{w: w, unseen: true}
		default:
			return deployedFile{name: name, w: w} // the image's copy of the repository's
		}
	}
	if m, key, ok := w.configMapFile(filepath.ToSlash(name)); ok {
		return deployedFile{w: w, unseen: true, configMap: m.configMap, key: key, mount: m.file}
	}
	host := w.hostPath(name)
	rel, err := filepath.Rel(root, host)
	if host == "" || err != nil || strings.HasPrefix(rel, "..") {
		return deployedFile{w: w, unseen: true}
	}
	return deployedFile{name: "…/" + filepath.ToSlash(rel), w: w}
}

// holdsMain reports whether a folder holds a main package.
func holdsMain(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, e.Name()), nil, parser.PackageClauseOnly)
		return err == nil && f.Name.Name == "main"
	}
	return false
}

// nameInside reports whether the value v is made inside its function:
// from constants, globals and calls, not from a parameter or a captured
// variable a caller sets; a parameter bind gives a value is as inside as
// that value.
func nameInside(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Parameter:
		b, ok := bind[v]
		return ok && depth > 0 && nameInside(b, bind, depth-1)
	case *ssa.FreeVar:
		return false
	case *ssa.Const, *ssa.Global, *ssa.Function:
		return true
	case *ssa.Alloc:
		// A slice's backing array (filepath.Join's parts) is as inside
		// as what is stored in it.
		if depth == 0 || v.Referrers() == nil {
			return false
		}
		for _, ref := range *v.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, use := range *ia.Referrers() {
				if st, ok := use.(*ssa.Store); ok && st.Addr == ia && !nameInside(st.Val, bind, depth-1) {
					return false
				}
			}
		}
		return true
	}
	if depth == 0 {
		return false
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	var ops []*ssa.Value
	for _, op := range instr.Operands(ops) {
		if *op != nil && !nameInside(*op, bind, depth-1) {
			return false
		}
	}
	return true
}

// readFileName returns the name of the file v was read from whole
// (os.ReadFile(name), or io.ReadAll of a file opened, see openedName), or
// nil: a decoder given anything else (a request's body) reads no
// configuration.
func readFileName(v ssa.Value) ssa.Value {
	for range 3 {
		switch w := v.(type) {
		case *ssa.Convert: // []byte(s)
			v = w.X
			continue
		case *ssa.Extract:
			v = w.Tuple
			continue
		case *ssa.Call:
			if callee := w.Common().StaticCallee(); callee != nil && callee.Pkg != nil && len(w.Common().Args) == 1 {
				switch callee.Pkg.Pkg.Path() + "." + callee.Name() {
				case "os.ReadFile", "io/ioutil.ReadFile":
					return w.Common().Args[0]
				case "io.ReadAll", "io/ioutil.ReadAll":
					return openedName(w.Common().Args[0])
				}
			}
		}
		return nil
	}
	return nil
}

// decodedFileName returns the name of the file a decoder reads
// (yaml.NewDecoder(f) of f, err := os.Open(name)), or nil: a decoder of
// anything else (a request's body) reads no configuration.
func decodedFileName(dec ssa.Value) ssa.Value {
	c, ok := dec.(*ssa.Call)
	if !ok || len(c.Common().Args) != 1 {
		return nil
	}
	if callee := c.Common().StaticCallee(); callee == nil || callee.Name() != "NewDecoder" {
		return nil
	}
	return openedName(c.Common().Args[0])
}

// openedName returns the name a reader was opened by (f, err :=
// os.Open(name)), or the reader itself where it is a parameter: a loader
// of the program's own handed the file its caller opened
// (LoadConfig(r io.Reader)), whose name fileName reads at each caller.
// nil for any other reader.
func openedName(src ssa.Value) ssa.Value {
	src = concrete(src)
	if c, ok := src.(*ssa.Call); ok && len(c.Common().Args) == 1 {
		// bufio.NewReader(f): f's.
		if callee := c.Common().StaticCallee(); callee != nil && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "bufio" && callee.Name() == "NewReader" {
			src = concrete(c.Common().Args[0])
		}
	}
	if p, ok := src.(*ssa.Parameter); ok {
		return p
	}
	if e, ok := src.(*ssa.Extract); ok && e.Index == 0 {
		src = e.Tuple
	}
	if open, ok := src.(*ssa.Call); ok {
		if callee := open.Common().StaticCallee(); callee != nil && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "os" &&
			(callee.Name() == "Open" || callee.Name() == "OpenFile") && len(open.Common().Args) >= 1 {
			return open.Common().Args[0]
		}
	}
	return nil
}

// fileName returns the value that names a load's file under bind: the
// load's file, or where that is a reader handed in, the name the caller
// that bind stands for opened it by; nil when that is not known.
func fileName(file ssa.Value, bind map[*ssa.Parameter]ssa.Value) ssa.Value {
	if basic, ok := file.Type().Underlying().(*types.Basic); ok && basic.Info()&types.IsString != 0 {
		return file
	}
	for range 4 {
		p, ok := file.(*ssa.Parameter)
		if !ok {
			break
		}
		if file, ok = bind[p]; !ok {
			return nil
		}
	}
	if name := openedName(file); name != nil {
		if _, handed := name.(*ssa.Parameter); !handed {
			return name
		}
	}
	return nil
}

func isViperFile(fn *ssa.Function) bool { return isViper(fn, "SetConfigFile") }

func isViper(fn *ssa.Function, name string) bool {
	return fn.Name() == name && fn.Pkg != nil && normPath(fn.Pkg.Pkg.Path()) == "github.com/spf13/viper"
}

// viperValue resolves a key viper is asked for (GetString) on the
// instance recv (nil for viper's own): the value the files it reads
// give, else the default the code sets, the environment over both.
func (r *resolver) viperValue(key string, recv ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	var out []value
	keys := strings.Split(key, ".")
	unseen := false
	for _, d := range r.viperDocs {
		if !r.deployedHere(d) || d.load != nil && !r.ok(d.load) {
			continue
		}
		if d.unseen {
			unseen = true
			continue
		}
		if n := lookupKeys(d.root, keys); n != nil && n.Kind == yaml.ScalarNode {
			out = appendValues(out, []value{{text: n.Value, config: d.file}})
		}
	}
	if len(out) == 0 && !unseen {
		out = r.viperDefault(key, recv, depth, busy)
	}
	return r.viperEnvOver(key, recv, out)
}

// viperField resolves a field of a struct viper's Unmarshal fills, at
// path below the keys env.prefix: what the files give the field's key,
// else the default the code sets, the environment over both.
func (r *resolver) viperField(docs []*configDoc, env *configDoc, path []fieldRef, more []string) []value {
	var keys []string
	for _, f := range path {
		if k, ok := configKey(f.t, f.i, "mapstructure"); ok {
			keys = append(keys, k)
		} else if st := structOf(f.t); st == nil || f.i >= st.NumFields() || !st.Field(f.i).Embedded() {
			return nil
		} // an embedded struct's keys are its parent's (",squash")
	}
	keys = append(keys, more...)
	if len(keys) == 0 {
		return nil
	}
	var out []value
	unseen := false
	for _, d := range docs {
		if d.unseen {
			unseen = true
		}
		if d.root == nil {
			continue
		}
		if n := lookupKeys(d.root, keys); n != nil && n.Kind == yaml.ScalarNode {
			out = appendValues(out, []value{{text: n.Value, config: d.file}})
		}
	}
	key := env.prefix + strings.Join(keys, ".")
	recv := viperRecv(env.call)
	if len(out) == 0 && !unseen {
		// A file archie cannot read may set the key: the default is then
		// not known to be used.
		out = r.viperDefault(key, recv, 6, make(map[ssa.Value]bool))
	}
	return r.viperEnvOver(key, recv, out)
}

// uncertain marks values that something archie cannot read may replace
// (a config file a ConfigMap mounts): they are what the code says, not
// an address the code is bound to.
func uncertain(vals []value) []value {
	out := slices.Clone(vals)
	for i := range out {
		out[i].lit, out[i].fixed = false, false
	}
	return out
}

// viperRecv returns the *viper.Viper a call is made on, or nil for a
// call of viper's package-level functions (its own instance).
func viperRecv(c ssa.CallInstruction) ssa.Value {
	if c == nil {
		return nil
	}
	if cc := c.Common(); cc.Signature().Recv() != nil && !cc.IsInvoke() && len(cc.Args) > 0 {
		return cc.Args[0]
	}
	return nil
}

// viperDefault returns the default the code sets a key to (SetDefault)
// on the viper instance recv, else that of the flag bound to the key.
func (r *resolver) viperDefault(key string, recv ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	var out []value
	for _, c := range r.viperDefs {
		args := viperArgs(c)
		if !r.ok(c.Parent()) || len(args) < 2 || !r.setsViper(c, recv) {
			continue
		}
		for _, row := range r.defaultRows(args[0], args[1]) {
			for _, k := range r.strings(row[0]) {
				if k.lit && strings.EqualFold(k.text, key) {
					out = appendValues(out, r.resolve(row[1], nil, depth-1, busy))
				}
			}
		}
	}
	if len(out) == 0 {
		out = r.viperFlag(key, recv, depth, busy)
	}
	return out
}

// settingDefault reports whether a call through an interface may be
// viper's SetDefault: a method of that name taking a key and any value,
// as a program's own Writer interface in front of *viper.Viper has.
func settingDefault(c *ssa.CallCommon) bool {
	if c.Method == nil || c.Method.Name() != "SetDefault" {
		return false
	}
	sig := c.Signature()
	if sig.Params().Len() != 2 || !types.Identical(sig.Params().At(0).Type(), types.Typ[types.String]) {
		return false
	}
	it, ok := sig.Params().At(1).Type().Underlying().(*types.Interface)
	return ok && it.Empty()
}

// gettingString reports whether a call through an interface may be
// viper's GetString: a method of that name from a key to a string.
func gettingString(c *ssa.CallCommon) bool {
	if c.Method == nil || c.Method.Name() != "GetString" {
		return false
	}
	sig := c.Signature()
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		types.Identical(sig.Params().At(0).Type(), types.Typ[types.String]) &&
		types.Identical(sig.Results().At(0).Type(), types.Typ[types.String])
}

// setsViper reports whether a SetDefault call c sets a default of the
// viper instance recv. Through an interface, the instances are those its
// callers hand the interface (SetDefaults(config.Config, defaults)), and
// one of them whose making archie cannot tell may be recv; an interface
// archie cannot follow to any instance sets none.
func (r *resolver) setsViper(c ssa.CallInstruction, recv ssa.Value) bool {
	if !c.Common().IsInvoke() {
		same, _ := r.sameViper(viperRecv(c), recv)
		return same
	}
	for _, v := range r.holders(c.Common().Value, 3) {
		if !isViperPtr(v.Type()) {
			continue
		}
		if same, known := r.sameViper(v, recv); same || !known {
			return true
		}
	}
	return false
}

// holders returns the concrete values an interface value holds, followed
// through conversions, and up to depth steps from a parameter to its
// callers or from a field to what the code stores in it.
func (r *resolver) holders(v ssa.Value, depth int) []ssa.Value {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return []ssa.Value{x.X}
	case *ssa.ChangeInterface:
		return r.holders(x.X, depth)
	case *ssa.UnOp:
		// s.config.GetString(…): what the code stores in the field.
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok || x.Op != token.MUL || depth == 0 {
			return nil
		}
		var out []ssa.Value
		for _, st := range r.fields[fieldKey(fa.X.Type(), fa.Field)] {
			if r.ok(st.fn) {
				out = append(out, r.holders(st.val, depth-1)...)
			}
		}
		return out
	case *ssa.Parameter:
		if depth == 0 {
			return nil
		}
		var out []ssa.Value
		idx := paramIndex(x)
		for _, call := range r.callers[x.Parent()] {
			if args := call.Common().Args; r.ok(call.Parent()) && idx >= 0 && idx < len(args) {
				out = append(out, r.holders(args[idx], depth-1)...)
			}
		}
		return out
	}
	return nil
}

// isViperPtr reports whether t is *viper.Viper.
func isViperPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	obj := namedOf(p.Elem())
	return obj != nil && obj.Name() == "Viper" && obj.Pkg() != nil && normPath(obj.Pkg().Path()) == "github.com/spf13/viper"
}

// defaultRows pairs the key and the value of a SetDefault call. Where both
// are fields of one row of a table the code ranges over
// (for _, d := range defaults { c.SetDefault(d.Key, d.Value) }), each row
// of the tables the slice may be is a pair; otherwise the call's own.
func (r *resolver) defaultRows(key, val ssa.Value) [][2]ssa.Value {
	kRow, kField, ok1 := rowField(key)
	vRow, vField, ok2 := rowField(val)
	if !ok1 || !ok2 || kRow != vRow {
		return [][2]ssa.Value{{key, val}}
	}
	var out [][2]ssa.Value
	for _, arr := range r.tableArrays(kRow.X, make(map[ssa.Value]bool)) {
		for _, ref := range *arr.Referrers() {
			elem, ok := ref.(*ssa.IndexAddr)
			if !ok || elem.X != arr {
				continue
			}
			k, v := storedField(elem, kField), storedField(elem, vField)
			if k != nil && v != nil {
				out = append(out, [2]ssa.Value{k, v})
			}
		}
	}
	if len(out) == 0 {
		return [][2]ssa.Value{{key, val}}
	}
	return out
}

// rowField returns the element of a slice a value is a field of, and the
// field's index: d.Key, with d a row the code ranges over, read from the
// row (a Field) or from the loop's variable holding it.
func rowField(v ssa.Value) (row *ssa.IndexAddr, field int, ok bool) {
	var base ssa.Value
	switch x := v.(type) {
	case *ssa.Field:
		base, field = x.X, x.Field
	case *ssa.UnOp:
		fa, isField := x.X.(*ssa.FieldAddr)
		if !isField || x.Op != token.MUL {
			return nil, 0, false
		}
		base, field = fa.X, fa.Field
		if a, isAlloc := base.(*ssa.Alloc); isAlloc && a.Referrers() != nil {
			base = nil
			for _, ref := range *a.Referrers() {
				if st, isStore := ref.(*ssa.Store); isStore && st.Addr == a {
					if base != nil {
						return nil, 0, false // a variable given two rows
					}
					base = st.Val
				}
			}
		}
	default:
		return nil, 0, false
	}
	load, isLoad := base.(*ssa.UnOp)
	if !isLoad || load.Op != token.MUL {
		return nil, 0, false
	}
	row, ok = load.X.(*ssa.IndexAddr)
	return row, field, ok
}

// tableArrays returns the arrays a slice of rows is made of, written in
// the code as a literal ([]config.Default{{…}, {…}}): through a global it
// is kept in, a parameter its callers hand on, or a phi.
func (r *resolver) tableArrays(sl ssa.Value, seen map[ssa.Value]bool) []*ssa.Alloc {
	if seen[sl] || len(seen) > 32 {
		return nil
	}
	seen[sl] = true
	switch x := sl.(type) {
	case *ssa.Slice:
		if a, ok := x.X.(*ssa.Alloc); ok {
			return []*ssa.Alloc{a}
		}
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok {
			var out []*ssa.Alloc
			for _, s := range r.globals[g] {
				out = append(out, r.tableArrays(s.val, seen)...)
			}
			return out
		}
	case *ssa.Phi:
		var out []*ssa.Alloc
		for _, e := range x.Edges {
			out = append(out, r.tableArrays(e, seen)...)
		}
		return out
	case *ssa.Parameter:
		var out []*ssa.Alloc
		idx := paramIndex(x)
		for _, call := range r.callers[x.Parent()] {
			if args := call.Common().Args; r.ok(call.Parent()) && idx >= 0 && idx < len(args) {
				out = append(out, r.tableArrays(args[idx], seen)...)
			}
		}
		return out
	}
	return nil
}

// storedField returns what the code stores in field i of the struct at
// addr, where it stores one value there: through the field's address, or
// in a struct built first and stored whole (*elem = Default{…}).
func storedField(addr ssa.Value, i int) ssa.Value {
	var val ssa.Value
	for _, ref := range *addr.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
			if load, ok := st.Val.(*ssa.UnOp); ok && load.Op == token.MUL {
				if built, ok := load.X.(*ssa.Alloc); ok && built.Referrers() != nil {
					if v := storedField(built, i); v != nil && val == nil {
						val = v
						continue
					}
				}
			}
			return nil // a row stored whole from elsewhere
		}
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != i || fa.Referrers() == nil {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
				if val != nil {
					return nil
				}
				val = st.Val
			}
		}
	}
	return val
}

// viperFlag returns the default of the flag viper binds a key to, marked
// as that flag's (a deployment that passes the flag overrides it): the
// flag BindPFlag(key, flags.Lookup(name)) names, or the flag of the key's
// name in a set BindPFlags binds. A binding made on another
// *viper.Viper value than recv may be recv's (an instance handed from a
// constructor to the code that reads it), one made on viper's own is
// not, nor the reverse.
func (r *resolver) viperFlag(key string, recv ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	var out []value
	for _, c := range r.viperBinds {
		if !r.ok(c.Parent()) {
			continue
		}
		if same, known := r.sameViper(viperRecv(c), recv); known && !same {
			continue
		}
		args := viperArgs(c)
		switch c.Common().StaticCallee().Name() {
		case "BindPFlags":
			if len(args) != 1 {
				continue
			}
			// A helper binding the set it is handed (newConfig(fs)):
			// the set of the call that made recv, else of each call.
			for _, bind := range r.makerBindings(c.Parent(), recv, args[0]) {
				out = appendValues(out, r.flagDefaultsIn(bound(args[0], bind), func(name string) bool { return strings.EqualFold(name, key) }, depth, busy))
			}
		case "BindPFlag":
			if len(args) != 2 {
				continue
			}
			set, flag, ok := flagLookup(args[1])
			if !ok {
				continue // a flag archie cannot name
			}
			// Key and flag name are read together, one caller of a
			// helper at a time; a loop's variable is both at once.
			for _, bind := range r.makerBindings(c.Parent(), recv, args[0], flag) {
				if !slices.ContainsFunc(r.resolve(args[0], bind, depth-1, busy), func(k value) bool { return k.lit && strings.EqualFold(k.text, key) }) {
					continue
				}
				name := key
				if flag != args[0] {
					names := r.resolve(flag, bind, depth-1, busy)
					if len(names) != 1 || !names[0].lit {
						continue // which flag is not known
					}
					name = names[0].text
				}
				out = appendValues(out, r.flagDefaultsIn(bound(set, bind), func(n string) bool { return n == name }, depth, busy))
			}
		}
	}
	return out
}

// flagLookup reads the flag BindPFlag is handed: a set's Lookup(name),
// pflag's own Lookup(name) (set nil), or a cobra command's Flag(name)
// (set the command's Flags()).
func flagLookup(v ssa.Value) (set, name ssa.Value, ok bool) {
	look, isCall := v.(*ssa.Call)
	if !isCall {
		return nil, nil, false
	}
	args := look.Common().Args
	switch calleeKey(look.Common()) {
	case "github.com/spf13/pflag.FlagSet.Lookup":
		if len(args) == 2 {
			return args[0], args[1], true
		}
	case "github.com/spf13/cobra.Command.Flag":
		if len(args) == 2 {
			return look, args[1], true // flagSetSites reads the command
		}
	case "github.com/spf13/pflag.Lookup":
		if len(args) == 1 {
			return nil, args[0], true
		}
	}
	return nil, nil, false
}

// bound returns the value a binding gives v, a parameter of the function
// bind is made for, or v.
func bound(v ssa.Value, bind map[*ssa.Parameter]ssa.Value) ssa.Value {
	if p, ok := v.(*ssa.Parameter); ok && bind[p] != nil {
		return bind[p]
	}
	return v
}

// makerBindings is callBindings for a viper call in fn on the instance
// recv reads: where recv is made by calls of fn (a helper making and
// binding a viper, newConfig(fs)), only those calls' bindings.
func (r *resolver) makerBindings(fn *ssa.Function, recv ssa.Value, vs ...ssa.Value) []map[*ssa.Parameter]ssa.Value {
	binds := r.callBindings(fn, vs...)
	if len(binds) < 2 || recv == nil {
		return binds
	}
	made := r.viperMade(recv)
	if made == nil {
		return binds
	}
	var mine []map[*ssa.Parameter]ssa.Value
	for _, call := range r.callers[fn] {
		if c, ok := call.(*ssa.Call); ok && made.sites[c] && r.ok(call.Parent()) {
			mine = append(mine, bindArgs(fn, call.Common().Args))
		}
	}
	if len(mine) == 0 {
		return binds
	}
	return mine
}

// flagDefaultsIn returns the defaults of the flags named so that set
// (a *pflag.FlagSet) may hold: those defined on it, on the command whose
// flags it is, or on a std flag set AddGoFlagSet puts into it. A flag
// defined through a helper is read one call of the helper at a time.
func (r *resolver) flagDefaultsIn(set ssa.Value, named func(string) bool, depth int, busy map[ssa.Value]bool) []value {
	bound := r.flagSetSites(set)
	var out []value
	for _, c := range r.flagDefs {
		if !r.ok(c.Parent()) {
			continue
		}
		args, n, def, _, _ := flagArgs(c.Common())
		if bound != nil && !r.mayHoldFlags(bound, c) {
			continue
		}
		for _, bind := range r.callBindings(c.Parent(), args[n], args[def]) {
			if slices.ContainsFunc(r.resolve(args[n], bind, depth-1, busy), func(f value) bool { return f.lit && named(f.text) }) {
				out = appendValues(out, r.flagDefault(args[n], flagShort(c.Common()), args[def], bind, depth-1, busy))
			}
		}
	}
	return out
}

// mayHoldFlags reports whether a flag set made at bound may hold the
// flag def defines: def's set is made there, or is a std flag set
// AddGoFlagSet adds to one made there, or archie cannot tell where it is
// made.
func (r *resolver) mayHoldFlags(bound map[ssa.Value]bool, def ssa.CallInstruction) bool {
	var set ssa.Value // the package's own set (flag.String, pflag.String)
	if def.Common().Signature().Recv() != nil && len(def.Common().Args) > 0 {
		set = def.Common().Args[0]
	}
	sites := r.flagSetSites(set)
	if sites == nil || intersects(bound, sites) {
		return true
	}
	for _, add := range r.flagAdds {
		if !r.ok(add.Parent()) || len(add.Common().Args) != 2 {
			continue
		}
		into, from := r.flagSetSites(add.Common().Args[0]), r.flagSetSites(add.Common().Args[1])
		if into == nil || from == nil || intersects(from, sites) && intersects(bound, into) {
			return true
		}
	}
	return false
}

// flagSetSites returns where a flag set is made: the calls and
// allocations that make it, or for a cobra command's Flags() and
// PersistentFlags() those that make the command; the package's own set
// (nil) is the nil key. nil where archie cannot tell.
func (r *resolver) flagSetSites(set ssa.Value) map[ssa.Value]bool {
	if set == nil {
		return map[ssa.Value]bool{nil: true}
	}
	if c, ok := set.(*ssa.Call); ok {
		switch calleeKey(c.Common()) {
		case "github.com/spf13/cobra.Command.Flags", "github.com/spf13/cobra.Command.PersistentFlags", "github.com/spf13/cobra.Command.LocalFlags", "github.com/spf13/cobra.Command.Flag":
			if len(c.Common().Args) >= 1 {
				return r.madeSites(c.Common().Args[0]) // var serveCmd = &cobra.Command{…}
			}
		}
	}
	return r.madeSites(set)
}

// callBindings returns the bindings under which a call's arguments vs
// are read: one per call of fn when one of them is a parameter of fn, a
// helper's (str(fs, name, def) defining a flag; bind(v, fs, key)), else
// only the nil binding.
func (r *resolver) callBindings(fn *ssa.Function, vs ...ssa.Value) []map[*ssa.Parameter]ssa.Value {
	if !slices.ContainsFunc(vs, func(v ssa.Value) bool { p, ok := v.(*ssa.Parameter); return ok && p.Parent() == fn }) {
		return []map[*ssa.Parameter]ssa.Value{nil}
	}
	var out []map[*ssa.Parameter]ssa.Value
	for _, call := range r.callers[fn] {
		if r.ok(call.Parent()) {
			out = append(out, bindArgs(fn, call.Common().Args))
		}
	}
	return out
}

// viperEnvOver puts the environment variables viper reads a key from
// over what files and defaults give it (vals), on the instance recv:
// those BindEnv names for the key, or, under AutomaticEnv, the key with
// SetEnvPrefix's prefix, upper-cased, and what SetEnvKeyReplacer's
// replacer makes of it. viper reads a variable only for a key it knows,
// so a key with no value has none. Where archie cannot tell the
// variable's name (a replacer it cannot read, the instance's calls made
// elsewhere), the values may be replaced by some variable: they are no
// address the code is bound to.
func (r *resolver) viperEnvOver(key string, recv ssa.Value, vals []value) []value {
	if len(vals) == 0 {
		return vals
	}
	auto, unknown := false, false
	prefix := ""
	var replacer *strings.Replacer
	var bound []string
	boundAuto := false
	for _, c := range r.viperEnv {
		if !r.ok(c.Parent()) {
			continue
		}
		if same, known := r.sameViper(viperRecv(c), recv); !known {
			unknown = true // another value of a *viper.Viper: maybe this one
			continue
		} else if !same {
			continue
		}
		args := viperArgs(c)
		switch c.Common().StaticCallee().Name() {
		case "AutomaticEnv":
			auto = true
		case "SetEnvKeyReplacer":
			if len(args) != 1 {
				unknown = true
				break
			}
			pairs, ok := r.replacerPairs(args[0])
			if !ok {
				unknown = true
				break
			}
			replacer = strings.NewReplacer(pairs...)
		case "SetEnvPrefix":
			// One prefix, a literal: one of several (a prefix per
			// config file, the loader's parameter) is not known.
			p := ""
			if len(args) == 1 {
				if vs := r.strings(args[0]); len(vs) == 1 && vs[0].lit {
					p = vs[0].text
				}
			}
			if p == "" {
				unknown = true
			}
			prefix = strings.ToUpper(p) + "_"
		case "BindEnv":
			// BindEnv(key, names...): one variadic slice.
			var in []string
			if len(args) == 1 {
				in = constElems(args[0])
			}
			if len(in) == 0 {
				unknown = true // a key archie cannot read: maybe this one
				break
			}
			if !strings.EqualFold(in[0], key) {
				break
			}
			if len(in) == 1 {
				boundAuto = true
			}
			bound = append(bound, in[1:]...)
		}
	}
	if unknown {
		return uncertain(vals) // some variable may replace them: which is not known
	}
	var envKeys []string
	if len(bound) > 0 {
		envKeys = bound
	} else if auto || boundAuto {
		k := strings.ToUpper(prefix + key)
		if replacer != nil {
			k = replacer.Replace(k)
		}
		envKeys = []string{k}
	}
	if len(envKeys) == 0 {
		return vals
	}
	keys := strings.Join(envKeys, ",")
	// A flag bound to the key, when the deployment passes it, is read
	// over the environment: the variable's value is then that flag's to
	// replace, as its default is.
	flag := ""
	for _, v := range vals {
		if _, ok := v.withFlag(""); ok && (flag == "" || flag == v.flag) {
			flag = v.flag
		} else if v.flag != "" {
			flag = "-"
			break
		}
	}
	var out []value
	for _, k := range envKeys {
		ev := value{text: "${" + k + "}", env: []string{k}}
		if flag != "" && flag != "-" {
			ev.flag, ev.flagText = flag, ev.text
		}
		out = append(out, ev)
	}
	for _, v := range vals {
		if v.fallbackOf == "" {
			v.fallbackOf, v.fallbackText = keys, v.text
		}
		out = append(out, v)
	}
	return out
}

// replacerPairs returns the old, new pairs a strings.Replacer was made
// with, when they are constants: the Replacer a call of NewReplacer
// makes where it is used (SetEnvKeyReplacer(strings.NewReplacer(".",
// "_"))), or the one a package's variable keeps.
func (r *resolver) replacerPairs(v ssa.Value) ([]string, bool) {
	made := []ssa.Value{v}
	if load, ok := v.(*ssa.UnOp); ok {
		g, ok := load.X.(*ssa.Global)
		if !ok {
			return nil, false
		}
		made = made[:0]
		for _, st := range r.globals[g] {
			made = append(made, st.val)
		}
	}
	var pairs []string
	for i, m := range made {
		c, ok := m.(*ssa.Call)
		if !ok || calleeKey(c.Common()) != "strings.NewReplacer" || len(c.Common().Args) != 1 {
			return nil, false
		}
		these := constElems(c.Common().Args[0])
		if len(these) == 0 || len(these)%2 != 0 || i > 0 && !slices.Equal(these, pairs) {
			return nil, false // not constants, or two Replacers in one variable
		}
		pairs = these
	}
	return pairs, len(pairs) > 0
}

// sameViper reports whether two receivers of viper's calls may be one
// instance: both viper's own (nil), or *viper.Viper values made at the
// same place, or one made inside a constructor the other comes from
// (v := viper.New(); v.AutomaticEnv(); return v, in the function whose
// result main hands on). Two calls of one constructor make two
// instances. known is false where archie cannot follow one of them back
// to its making.
func (r *resolver) sameViper(a, b ssa.Value) (same, known bool) {
	if a == b {
		return true, true
	}
	if a == nil || b == nil {
		return false, true
	}
	ma, mb := r.viperMade(a), r.viperMade(b)
	if ma == nil || mb == nil {
		return false, false
	}
	return intersects(ma.sites, mb.sites) || ma.inside(mb) || mb.inside(ma), true
}

// A making is where a *viper.Viper value comes from: the calls and
// allocations it is made by, and the program's functions whose results
// it is (followed to what they return).
type making struct {
	sites map[ssa.Value]bool
	ctors map[*ssa.Function]bool
}

// inside reports whether m's value is made within a constructor o's
// value comes from.
func (m *making) inside(o *making) bool {
	for site := range m.sites {
		if in, ok := site.(ssa.Instruction); ok && o.ctors[in.Parent()] {
			return true
		}
	}
	return false
}

// viperMade returns where a *viper.Viper value is made; nil where that is
// not known.
func (r *resolver) viperMade(v ssa.Value) *making {
	m := &making{sites: r.madeSites(v), ctors: make(map[*ssa.Function]bool)}
	if m.sites == nil {
		return nil
	}
	todo := slices.Collect(maps.Keys(m.sites))
	for steps := 0; len(todo) > 0; steps++ {
		if steps > 16 {
			return nil
		}
		call, ok := todo[0].(*ssa.Call)
		todo = todo[1:]
		callee := (*ssa.Function)(nil)
		if ok {
			callee = call.Common().StaticCallee()
		}
		if callee == nil || callee.Blocks == nil || m.ctors[callee] {
			continue // viper.New(), an allocation
		}
		m.ctors[callee] = true
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
				inner := r.madeSites(ret.Results[0])
				if inner == nil {
					return nil
				}
				for site := range inner {
					todo = append(todo, site)
				}
			}
		}
	}
	return m
}

// madeSites returns the calls and allocations a value (a viper, a flag
// set, a cobra command) is made by, through parameters, phis and package
// variables; nil where one is not known.
func (r *resolver) madeSites(v ssa.Value) map[ssa.Value]bool {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok {
			// var Flags = viper.New(): what is stored in it.
			if len(r.globals[g]) == 0 {
				return nil
			}
			out := make(map[ssa.Value]bool)
			for _, st := range r.globals[g] {
				o := r.origins(st.val, false, 6)
				if o == nil {
					return nil
				}
				maps.Copy(out, o)
			}
			return out
		}
	}
	return r.origins(v, false, 6)
}

// viperArgs returns a viper call's arguments, without the receiver of a
// method of *viper.Viper.
func viperArgs(c ssa.CallInstruction) []ssa.Value {
	args := c.Common().Args
	if len(args) > 0 && c.Common().Signature().Recv() != nil && !c.Common().IsInvoke() {
		return args[1:]
	}
	return args
}

// deployedHere reports whether a config file is read by the service
// walked: one that a workload's environment names is read only by the
// services that workload runs.
func (r *resolver) deployedHere(d *configDoc) bool {
	return d.workload == nil || r.workloads == nil || r.workloads[d.workload]
}

// A configDoc is one source of configuration loaded into a struct type:
// a file, or the environment.
type configDoc struct {
	// load is the function that loads it: a service reads it only when
	// it runs that function.
	load *ssa.Function
	file string
	root *yaml.Node // the file's top mapping; nil for the environment
	tag  string     // the struct tag naming a field's key in the file
	// env and prefix say how a field's environment variable is named.
	// viper's environment doc (env "viper") names no variable of its
	// own: prefix is then the keys above the struct ("services.").
	env, prefix string
	// workload is the one workload whose file this is, when its name
	// comes from the environment the workload sets; nil when every
	// service that loads it reads it.
	workload *workload
	// unseen marks a file the workload names that archie cannot read
	// (a ConfigMap's, a volume's): it may set any key.
	unseen bool
	// call is viper's Unmarshal, for its environment doc: which viper
	// instance its defaults and variables are set on.
	call ssa.CallInstruction
	// into is the struct the load fills (its variable's cell, a new
	// value's allocation): a read of that variable reads this doc, not
	// another load's of the same type into another.
	into ssa.Value
}

// readConfigs reads the files of the config loads the resolver met. dirOf
// gives a package's folder; values name their file relative to root.
//
// envValues gives the values the deployment files set a variable to, in
// any workload: a file name built from a variable they set is read with
// their value, not the code's default.
func (r *resolver) readConfigs(dirOf func(pkgPath string) string, root string, deploy *deployment) {
	envValues := deploy.envValues
	for _, c := range r.viperSets {
		args := c.Common().Args
		if len(args) == 0 || c.Parent().Pkg == nil {
			continue
		}
		for _, f := range deployedFiles(r.strings(args[len(args)-1]), deploy, root) {
			d := readConfigDoc(root, dirOf(c.Parent().Pkg.Pkg.Path()), f.name, "mapstructure")
			if f.configMap != "" {
				d = deploy.configMapDoc(root, f.configMap, f.key, f.mount, "mapstructure")
			}
			if d == nil && f.w != nil {
				d = &configDoc{unseen: true} // named for this workload, and not read
			}
			if d != nil {
				d.workload = f.w
				r.viperDocs = append(r.viperDocs, d)
			}
		}
	}
	if len(r.viperSets) == 0 {
		searched := make(map[*ssa.Package]bool)
		for _, c := range r.viperSearch {
			pkg := c.Parent().Pkg
			if pkg == nil || searched[pkg] {
				continue
			}
			searched[pkg] = true
			if d, f := firstSearched(root, dirOf(pkg.Pkg.Path()), deployedFiles(r.viperSearched(pkg), deploy, root)); d != nil {
				// Found from the package's folder: read by the services
				// whose code looks for it there.
				d.workload, d.load = f.w, c.Parent()
				r.viperDocs = append(r.viperDocs, d)
			}
		}
	}
	for _, l := range r.throughWrappers(r.configLoads) {
		if l.call.Parent().Pkg == nil {
			continue
		}
		t := l.typ // the struct filled: what into points to, unless the loader returns it
		if t == nil {
			into := l.into
			if mi, ok := into.(*ssa.MakeInterface); ok {
				into = mi.X
			}
			if p, ok := into.Type().Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
			if p, ok := t.(*types.Pointer); ok {
				// viper.Unmarshal(&cfg) where cfg := &Config{}: the
				// decoder fills the struct through both pointers.
				t = p.Elem()
			}
		}
		if tp, ok := t.(*types.TypeParam); ok && tp.Index() < len(l.targs) && l.tparams.At(tp.Index()) == tp && l.targs[tp.Index()] != nil {
			// A generic loader's instance (Load[app.Config]) fills its
			// type argument.
			t = l.targs[tp.Index()]
		}
		if _, ok := t.(*types.Named); !ok {
			// A struct declared in place (cfg := struct{ Web struct{…} }{…},
			// as ardanlabs/conf's users write it) is read from the
			// environment only: its type is its shape.
			if _, isStruct := t.(*types.Struct); !isStruct || l.env == "" {
				continue
			}
		}
		add := func(d *configDoc) {
			d.load, d.into = l.call.Parent(), concrete(l.into)
			r.addConfig(t, d, 4)
		}
		if l.env != "" {
			// One doc per prefix, each read by the function that gives
			// it: a shared helper handed each caller's prefix reads each
			// service's variables under its own.
			prefixes, ok := []prefixAt{{load: l.call.Parent()}}, true
			switch {
			case l.options != nil: // caarlos0/env's Options
				prefixes, ok = r.envOptions(l.options, l.call.Parent())
			case l.prefix != nil:
				// envconfig's and ardanlabs/conf's prefix argument. A
				// prefix read from the environment: archie cannot tell
				// whether a deployment sets it, and none is envconfig's
				// default.
				prefixes, ok = r.handed(l.prefix, l.call.Parent(), 0, func(v ssa.Value, fn *ssa.Function, _ int) ([]prefixAt, bool) {
					texts := r.strings(v)
					if len(texts) > 1 {
						return nil, false // one of several: which is whose is not tracked
					}
					p := firstOf(texts)
					if l.env == "sethvargo" && (len(texts) == 0 || strings.ContainsAny(p, "$…")) {
						// go-envconfig reads under the prefix whatever
						// it is: one archie cannot read names unknown
						// variables.
						return nil, false
					}
					if !strings.Contains(p, "${") {
						return []prefixAt{{p, fn}}, true
					}
					return []prefixAt{{load: fn}}, true
				})
			}
			if !ok {
				continue // the names are not known
			}
			for _, p := range prefixes {
				d := &configDoc{env: l.env, prefix: p.text, load: p.load}
				r.addConfig(t, d, 4)
				r.noteEnvDefaults(t, d, nil)
			}
		}
		var names []value
		var files []deployedFile
		firstOnly := false // viper's search: the first file found is read
		switch {
		case l.file != nil:
			names = r.resolve(fileName(l.file, l.bind), l.bind, resolveDepth, make(map[ssa.Value]bool))
			if !nameInside(l.file, l.bind, 8) && (len(r.callers[l.call.Parent()]) > 1 || len(names) > 1) || l.bind != nil && len(names) > 1 {
				// A shared loader handed each caller's file more levels
				// up than throughWrappers follows, or a name the caller
				// gives that reads several (a field, a package variable
				// each main sets, a helper's switch on its argument):
				// which file is whose is not known, so none is read.
				names = nil
			}
			// A name a deployment passes as a flag is each passing
			// workload's; the rest is read as the environment gives it.
			names = slices.DeleteFunc(names, func(v value) bool {
				fs, passed := deploy.flagFiles(v, root)
				files = append(files, fs...)
				return passed
			})
			names = deployedNames(names, envValues)
		case l.tag == "mapstructure":
			// viper: the files each workload's environment names, then
			// the defaults the code sets, the environment over both
			// (viperKey). A load lifted to a loader's caller reads the
			// file that caller names.
			var named []value
			if l.bind == nil {
				named, firstOnly = r.viperFiles(l.lib())
			} else if fs := r.loadFiles(l); len(fs) == 1 {
				// The name the caller gives, as a file's (above): one,
				// or none is read. SetConfigFile elsewhere than beside
				// the lifted Unmarshal is not known to be this
				// caller's.
				named = r.resolve(fs[0], l.bind, resolveDepth, make(map[ssa.Value]bool))
				if len(named) > 1 {
					named = nil
				}
			}
			files = deployedFiles(named, deploy, root)
			add(&configDoc{env: "viper", tag: l.tag, call: l.lib()})
		case l.kratos:
			names = r.sourceFiles(l.lib(), "github.com/go-kratos/kratos/config/file.NewSource")
		case l.koanf:
			names = r.sourceFiles(l.lib(), "github.com/knadh/koanf/providers/file.Provider")
		}
		for _, v := range names {
			files = append(files, deployedFile{name: v.text})
		}
		dir := dirOf(l.call.Parent().Pkg.Pkg.Path())
		for _, f := range files {
			read := false
			if f.configMap != "" {
				if d := deploy.configMapDoc(root, f.configMap, f.key, f.mount, l.tag); d != nil {
					d.workload, read = f.w, true
					add(d)
				}
			}
			if firstOnly {
				if d, found := firstSearched(root, dir, files); d != nil {
					d.workload = found.w
					add(d)
				}
				break
			}
			for _, name := range configFiles(root, dir, f.name, l.kratos) {
				if d := readConfigDoc(root, dir, name, l.tag); d != nil {
					d.workload, read = f.w, true
					add(d)
				}
			}
			if !read && f.w != nil && l.tag == "mapstructure" {
				// A file this workload's viper reads and archie cannot:
				// it may set any key, so no default is certain.
				add(&configDoc{env: "viper", tag: l.tag, call: l.lib(), workload: f.w, unseen: true})
			}
		}
	}
}

// sourceFiles returns the files the calls to key (a config source's
// constructor) in the package of a config load name.
func (r *resolver) sourceFiles(call ssa.CallInstruction, key string) []value {
	var out []value
	for _, fn := range r.prog.funcs {
		if fn.Pkg != call.Parent().Pkg {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok && calleeKey(c.Common()) == key && len(c.Common().Args) > 0 {
					out = appendValues(out, r.strings(c.Common().Args[0]))
				}
			}
		}
	}
	return out
}

// configFiles returns the name of a config file, or the YAML and JSON
// files of a folder kratos reads whole (folder). Every other loader's
// folder is no file: an empty name (a flag's default, which the
// deployment passes) names the loading package's own folder, whose
// sample and test configs the service does not read.
func configFiles(root, dir, name string, folder bool) []string {
	if strings.HasPrefix(name, "…/") || strings.ContainsAny(name, "$") {
		return []string{name}
	}
	path, ok := configPath(root, dir, name)
	if !ok || !isDir(path) {
		return []string{name}
	}
	if !folder {
		return nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		switch filepath.Ext(e.Name()) {
		case ".yaml", ".yml", ".json":
			out = append(out, filepath.Join(name, e.Name()))
		}
	}
	return out
}

// readConfigDoc reads the YAML file a config load names, relative to the
// loading package's folder dir, or nil. A path built on the working
// directory the service is started in ("…/config.yaml") is read from the
// repository's root, as its README runs it.
func readConfigDoc(root, dir, name, tag string) *configDoc {
	return readConfigDocFrom(root, dir, name, tag, realFiles, templateFiles, rootFile)
}

// The looks of readConfigDocFrom, in the order readConfigDoc takes them.
const (
	realFiles     = iota // the file itself, in the folders of the walk
	templateFiles        // the template kept in its place, in the same folders
	rootFile             // the file at the root, where the walk met a main first
)

// readConfigDocFrom is readConfigDoc taking only some of its looks.
func readConfigDocFrom(root, dir, name, tag string, looks ...int) *configDoc {
	if rest, ok := strings.CutPrefix(name, "…/"); ok {
		name, dir = rest, root
	}
	if name == "" || strings.ContainsAny(name, "…$") {
		return nil
	}
	// A relative name is relative to the working directory: the loading
	// package's folder, a folder above it up to the first that holds a
	// main (a service is started in its main's folder: cd app/cart && go
	// run .), or the repository's root. Never the folder of a main above
	// that one: another service's.
	//
	// The file itself is looked for in each of those folders first; only
	// where none holds it, the template kept in its place (readOrTemplate)
	// in a folder below the root: a template at the root is the compose
	// project's, not a service's settings.
	var file string
	var data []byte
	ok, template := false, false
	read := func(d string) {
		if file, ok = configPath(root, d, name); !ok {
			return
		}
		if !template {
			data, ok = readSmall(realPath(root), file)
			return
		}
		if filepath.Clean(d) == filepath.Clean(root) {
			ok = false
			return
		}
		var found string
		if found, data, ok = readOrTemplate(root, file); ok {
			file = found
		}
	}
	var passes []bool
	if slices.Contains(looks, realFiles) {
		passes = append(passes, false)
	}
	if slices.Contains(looks, templateFiles) {
		passes = append(passes, true)
	}
	// The root, where a walk meets a main first (go run from the root),
	// is looked at last: a service's own template comes before it.
	for _, template = range passes {
		for d := dir; !ok; d = filepath.Dir(d) {
			read(d)
			if ok || filepath.IsAbs(name) || d == root || filepath.Dir(d) == d || !within(filepath.ToSlash(d), filepath.ToSlash(filepath.Clean(root))) {
				break
			}
			if holdsMain(d) {
				break
			}
		}
		if ok {
			break
		}
	}
	if !ok && slices.Contains(looks, rootFile) && walksToMain(root, dir, name) {
		template = false
		read(root)
	}
	if !ok {
		return nil // a file archie cannot read tells it nothing
	}
	var doc yaml.Node
	if tag == "toml" || strings.EqualFold(filepath.Ext(file), ".toml") {
		// A TOML loader's file, or viper's or cleanenv's by its
		// extension. cleanenv decodes it with BurntSushi/toml, which
		// reads toml tags, not the yaml ones its YAML files take.
		top, ok := tomlNode(data)
		if !ok {
			return nil
		}
		if tag == "yaml" {
			tag = "toml"
		}
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}}
	} else if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		if !isDotenv(data) {
			return nil
		}
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{dotenvNode(data)}}
	}
	if template {
		dropPlaceholders(doc.Content[0])
	}
	return &configDoc{file: relTo(root, file), root: doc.Content[0], tag: tag}
}

// templateSuffixes end the names of the templates a repository keeps of
// a config file it does not hold (.env.example beside a .env in
// .gitignore): each developer and each image build copies one to the
// file, as a fresh clone must.
var templateSuffixes = []string{".example", ".sample", ".dist", ".template"}

// readOrTemplate reads a config file of the repository, or where it is
// missing the template kept in its place (.env.example for .env), and
// returns the file read.
func readOrTemplate(root, file string) (string, []byte, bool) {
	if data, ok := readSmall(realPath(root), file); ok || isFile(file) {
		return file, data, ok
	}
	for _, suffix := range templateSuffixes {
		if data, ok := readSmall(realPath(root), file+suffix); ok {
			return file + suffix, data, true
		}
	}
	return file, nil, false
}

// placeholder matches a template's value that stands for one each
// machine fills in: one holding <your-db-host> or {{DB_HOST}}, or one
// that is wholly changeme, your_password, xxx, *****, [DB_HOST],
// hostname, database_name, enter-value-here. A
// value that only holds such a word (a DSN whose password is changeme)
// is a real one.
var placeholder = regexp.MustCompile(`(?i)<[^>]+>|\{\{[^}]*\}\}|^\[[^\]]+\]$|^(change[-_ ]?me|replace[-_ ]?me|fix[-_ ]?me|todo|tbd|your[-_].*|x{3,}|\*{3,}|\.\.\.|hostname|database[-_]?name|db[-_]?(host|name)|enter[-_ ].*|.*[-_ ]here)$`)

// dropPlaceholders removes the settings of a template whose values
// stand for ones each machine fills in: their keys are then not known
// from the file, as if it did not set them.
func dropPlaceholders(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			v := n.Content[i+1]
			if v.Kind == yaml.ScalarNode && placeholder.MatchString(v.Value) {
				continue
			}
			dropPlaceholders(v)
			kept = append(kept, n.Content[i], v)
		}
		n.Content = kept
	case yaml.SequenceNode:
		for _, c := range n.Content {
			dropPlaceholders(c)
		}
	}
}

// dotenvLine is a line of an env file: KEY=value, maybe exported.
var dotenvLine = regexp.MustCompile(`^(export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=`)

// isDotenv reports whether a config file is an env file (viper's "env"
// type): every line that is not blank or a comment sets a variable.
func isDotenv(data []byte) bool {
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !dotenvLine.MatchString(line) {
			return false
		}
		n++
	}
	return n > 0
}

// dotenvNode makes an env file's variables a mapping, as viper keys
// them.
func dotenvNode(data []byte) *yaml.Node {
	vars := parseEnvFile(data)
	keys := slices.Sorted(maps.Keys(vars))
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range keys {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &yaml.Node{Kind: yaml.ScalarNode, Value: vars[k]})
	}
	return m
}

// addConfig records a config source of a struct type, and of the struct
// types of its fields, down to depth: a service often hands each part of
// its config to the code that uses it (bc.Data to NewDB, through wire), and
// the part's fields are read from the part's own node.
func (r *resolver) addConfig(t types.Type, d *configDoc, depth int) {
	docs, known := r.configs.At(t).([]*configDoc)
	if known && docs == nil {
		return // a struct declared in place that two loads fill (conflicting)
	}
	for _, old := range docs {
		if old.file == d.file && old.root == d.root && old.env == d.env && old.load == d.load && old.prefix == d.prefix && old.workload == d.workload && old.unseen == d.unseen && old.call == d.call && old.into == d.into {
			return
		}
	}
	if _, named := t.(*types.Named); !named && len(docs) > 0 {
		// Two structs declared in place with one shape are one type:
		// which load filled the one read is not known.
		r.configs.Set(t, []*configDoc(nil))
		return
	}
	r.configs.Set(t, append(docs, d))
	st := structOf(t)
	if st == nil || depth == 0 || d.root == nil && d.env == "ardanlabs" {
		// conf's names are the whole path from the struct loaded: a
		// struct inside, read on its own, has none. (envconfig also
		// reads a field by its own tag alone, which such a read has.)
		return
	}
	for i := range st.NumFields() {
		ft := st.Field(i).Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		if _, ok := types.Unalias(ft).(*types.Named); !ok || structOf(ft) == nil {
			continue
		}
		sub := *d
		if d.root != nil && !st.Field(i).Embedded() {
			k, ok := configKey(t, i, d.tag)
			if !ok {
				continue
			}
			n := lookupKeys(d.root, []string{k})
			if n == nil || n.Kind != yaml.MappingNode {
				continue
			}
			sub.root = n
		}
		if d.root == nil && d.env == "env" {
			// Read on its own, a nested struct's variables carry the
			// prefix its field declares (envPrefix:"DB_").
			tag := reflect.StructTag(st.Tag(i))
			sub.prefix = d.prefix + tag.Get("envPrefix") + tag.Get("env-prefix")
		}
		if d.root == nil && d.env == "sethvargo" {
			_, opts := sethvargoTag(reflect.StructTag(st.Tag(i)).Get("env"))
			sub.prefix = d.prefix + opts["prefix"]
		}
		if d.root == nil && d.env == "viper" {
			// viper's keys are the whole path from the struct loaded;
			// an embedded struct's (",squash") are its parent's.
			if k, ok := configKey(t, i, d.tag); ok {
				sub.prefix = d.prefix + k + "."
			} else if !st.Field(i).Embedded() {
				continue
			}
		}
		r.addConfig(ft, &sub, depth-1)
	}
}

// viperFiles returns the files viper is told to read before a call
// unmarshals them: its SetConfigFile calls in the same package, or the
// program's one; without any, the files it is told to look for
// (viperSearched).
func (r *resolver) viperFiles(call ssa.CallInstruction) (files []value, searched bool) {
	var same, all []ssa.CallInstruction
	for _, c := range r.viperSets {
		all = append(all, c)
		if c.Parent().Pkg == call.Parent().Pkg {
			same = append(same, c)
		}
	}
	if len(same) == 0 && len(all) == 1 {
		same = all
	}
	var out []value
	for _, c := range same {
		args := c.Common().Args
		if len(args) > 0 {
			out = appendValues(out, r.strings(args[len(args)-1]))
		}
	}
	if len(all) == 0 {
		return r.viperSearched(call.Parent().Pkg), true
	}
	return out, false
}

// viperSearched returns the files viper looks for where the code names
// no file but a name and the folders to look in (SetConfigName(".env"),
// AddConfigPath(dir), SetConfigType("env")), in the order viper tries
// them: each folder's file of that name, with the type's extension or
// without it when a type is set, or with YAML's and JSON's. viper reads
// the first it finds. The calls are those of pkg, and only where one
// function of it names a file: two that name different files leave
// which one a load reads unknown. A folder read from the working
// directory (os.Getwd(), filepath.Join(wd, "configs")) is relative to
// where the service runs, looked for from the loading package's folder
// up (readConfigDoc); one the environment or the home folder names is
// not the repository's, and a name that is not one constant (a
// variable's) is no file archie can tell.
func (r *resolver) viperSearched(pkg *ssa.Package) []value {
	var same []ssa.CallInstruction
	namers := make(map[*ssa.Function]bool)
	for _, c := range r.viperSearch {
		if c.Parent().Pkg == pkg {
			same = append(same, c)
			if c.Common().StaticCallee().Name() == "SetConfigName" {
				namers[c.Parent()] = true
			}
		}
	}
	if len(namers) != 1 {
		return nil
	}
	var names, dirs, types []string
	for _, c := range same {
		args := viperArgs(c)
		if len(args) == 0 {
			continue
		}
		vals := r.strings(args[0])
		switch c.Common().StaticCallee().Name() {
		case "SetConfigName":
			if len(names) > 0 || len(vals) != 1 {
				return nil // one name of several (if prod … else dev, two instances), or none archie can read
			}
			if v := vals[0]; !v.lit || v.fallbackOf != "" || strings.ContainsAny(v.text, "…$") {
				return nil // a name a variable gives
			}
			names = append(names, vals[0].text)
		case "AddConfigPath":
			if fromWorkdir(args[0], 4) {
				for _, v := range vals {
					dirs = append(dirs, strings.TrimPrefix(strings.TrimPrefix(v.text, "…"), "/"))
				}
				if len(vals) == 0 {
					dirs = append(dirs, "")
				}
				continue
			}
			for _, v := range vals {
				if v.lit && !strings.ContainsAny(v.text, "…$") {
					dirs = append(dirs, v.text)
				}
			}
		case "SetConfigType":
			for _, v := range vals {
				types = append(types, v.text)
			}
		}
	}
	var out []value
	for _, d := range dirs {
		for _, n := range names {
			// viper tries each extension it supports, in its order,
			// then, with a type set, the bare name.
			var files []string
			for _, ext := range viperExts {
				files = append(files, n+"."+ext)
			}
			if len(types) > 0 {
				files = append(files, n)
			}
			for _, f := range files {
				out = appendValues(out, []value{{text: filepath.ToSlash(filepath.Join(d, f))}})
			}
		}
	}
	return out
}

// firstSearched reads the first of the files viper looks for that it
// finds, in its order: the files themselves first, then, where none is
// in the repository, the first template kept in the place of one.
func firstSearched(root, dir string, files []deployedFile) (*configDoc, deployedFile) {
	for _, look := range []int{realFiles, templateFiles, rootFile} {
		for _, f := range files {
			if d := readConfigDocFrom(root, dir, f.name, "mapstructure", look); d != nil {
				return d, f
			}
		}
	}
	return nil, deployedFile{}
}

// viperExts are the extensions viper looks for a config name with, in
// its order (SupportedExts).
var viperExts = []string{"json", "toml", "yaml", "yml", "properties", "props", "prop", "hcl", "tfvars", "dotenv", "env", "ini"}

// walksToMain reports whether readConfigDoc's walk for a relative name
// from dir stops at a folder that holds a main before the root.
func walksToMain(root, dir, name string) bool {
	if filepath.IsAbs(name) {
		return false
	}
	for d := dir; d != root && filepath.Dir(d) != d && within(filepath.ToSlash(d), filepath.ToSlash(filepath.Clean(root))); d = filepath.Dir(d) {
		if holdsMain(d) {
			return true
		}
	}
	return false
}

// fromWorkdir reports whether a folder the code names is the working
// directory or one below it: os.Getwd()'s, joined with more
// (filepath.Join(wd, "configs")), through a function of the program
// that returns it.
func fromWorkdir(v ssa.Value, depth int) bool {
	if depth == 0 {
		return false
	}
	switch w := v.(type) {
	case *ssa.Extract:
		return fromWorkdir(w.Tuple, depth)
	case *ssa.Phi:
		for _, e := range w.Edges {
			if _, isConst := e.(*ssa.Const); !isConst && !fromWorkdir(e, depth-1) {
				return false
			}
		}
		return len(w.Edges) > 0
	case *ssa.Call:
		switch calleeKey(w.Common()) {
		case "os.Getwd":
			return true
		case "path/filepath.Join", "path/filepath.Abs", "path/filepath.Clean":
			args := w.Common().Args
			if len(args) == 0 {
				return false
			}
			if first := sliceElem(args[0], 0); first != nil {
				return fromWorkdir(first, depth-1)
			}
			return fromWorkdir(args[0], depth-1)
		}
		callee := w.Common().StaticCallee()
		if callee == nil || len(callee.Blocks) == 0 {
			return false
		}
		found := false
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
				if !fromWorkdir(ret.Results[0], depth-1) {
					return false
				}
				found = true
			}
		}
		return found
	}
	return false
}

// fromConfig resolves a value read from a loaded config struct, or a
// field below it (more): the values the config files give it, or the
// environment variable its tag names.
func (r *resolver) fromConfig(v ssa.Value, more ...string) []value {
	if r.configs.Len() == 0 {
		return nil
	}
	root, path, base := r.configPath(v)
	if root == nil {
		root, path, base = r.convertedConfigPath(v)
	}
	if root == nil {
		return nil
	}
	var out []value
	docs, _ := r.configs.At(root).([]*configDoc)
	docs = slices.DeleteFunc(slices.Clone(docs), func(d *configDoc) bool { return !r.ok(d.load) || !r.deployedHere(d) })
	docs, matched := r.filledInto(docs, base)
	if i := slices.IndexFunc(docs, func(d *configDoc) bool { return d.env == "viper" }); i >= 0 {
		for _, d := range docs {
			if d.env == "viper" && (d.prefix != docs[i].prefix || d.call != docs[i].call) {
				return nil // a part of the config under two keys: which is read is not known
			}
		}
		return r.viperField(docs, docs[i], path, more)
	}
	// The environment first: it overrides the file. One struct read
	// under two names (envPrefix:"PRIMARY_" and "REPLICA_") is read from
	// which one is not known.
	var env *configDoc
	k := ""
	for _, d := range docs {
		if d.root != nil || len(more) > 0 || len(path) == 0 {
			continue
		}
		switch dk := envKey(path, d); {
		case dk == "" || dk == k:
		case k != "":
			return nil
		default:
			env, k = d, dk
		}
	}
	if env != nil {
		out := []value{{text: "${" + k + "}", env: []string{k}}}
		// The tag's default stands in for it where no deployment
		// sets it (envconfig's default:"…", conf:"default:…"). It
		// is configuration, declared to be overridden, not a
		// literal the code is bound to: no hard-coded endpoint.
		keys := k
		// envconfig falls back to a field's own tag, unprefixed.
		if alt := envconfigAlt(path, env); alt != "" && alt != k {
			out = append(out, value{text: "${" + alt + "}", env: []string{alt}})
			keys += "," + alt
		}
		if def, _ := envDefault(path, env); def != "" {
			out = append(out, value{text: def, fallbackOf: keys, fallbackText: def})
		}
		return out
	}
	// The structs the files fill, and the values they give: two structs
	// of the type filled from files that disagree are two, and which one
	// this read reads is not known.
	into, texts := make(map[ssa.Value]bool), make(map[string]bool)
	for _, d := range docs {
		if d.root == nil {
			continue
		}
		keys := make([]string, 0, len(path)+len(more))
		for _, f := range path {
			if k, ok := configKey(f.t, f.i, d.tag); ok {
				keys = append(keys, k)
			}
		}
		keys = append(keys, more...)
		if n := lookupKeys(d.root, keys); n != nil && n.Kind == yaml.ScalarNode {
			into[d.into], texts[n.Value] = true, true
			out = appendValues(out, []value{{text: n.Value, config: d.file}})
		}
	}
	if !matched && len(into) > 1 && len(texts) > 1 {
		return nil
	}
	return out
}

// filledInto returns the docs of those that fill the struct a read
// reads (base), and whether it found any: two files loaded into the
// struct then both give it their values, as files layered into one
// config do. A struct is known by the values it may be (structCells): a
// read and a load meet where theirs do. A read of a local variable no
// load fills (a request's body decoded into a struct of the config's
// type, or one filled by a loader archie does not follow) gets only the
// environment's docs, as does a call's result where the type's loads are
// known by the calls that return their structs; any other read whose
// struct is not known gets every doc.
func (r *resolver) filledInto(docs []*configDoc, base ssa.Value) ([]*configDoc, bool) {
	if base == nil {
		return docs, false
	}
	cells, tracked := r.structCells(base, true)
	mine := slices.DeleteFunc(slices.Clone(docs), func(d *configDoc) bool {
		if d.root == nil {
			return false
		}
		theirs, _ := r.structCells(d.into, false)
		for c := range theirs {
			if cells[c] {
				return false
			}
		}
		return true
	})
	switch {
	case slices.ContainsFunc(mine, func(d *configDoc) bool { return d.root != nil }):
		return mine, true
	case tracked:
		return mine, false // the environment's only
	case fresh(base, 3) && slices.ContainsFunc(docs, func(d *configDoc) bool { return d.root != nil && isResult(d.into) }):
		// Loads of the type known by the call that returns each
		// struct (Typed[Stream](path)): a struct another call makes
		// is another struct.
		return mine, false
	}
	return docs, false
}

// isResult reports whether v is what a call returns.
func isResult(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Extract, *ssa.Call:
		return true
	}
	return false
}

// A result is a value a function returns, at the call that returns it.
type result struct {
	call ssa.CallInstruction
	v    ssa.Value
}

// results returns what the function a call's result v comes from
// returns there: each return's value at v's index. None where the
// callee is not known.
func results(v ssa.Value) []result {
	index := 0
	if e, ok := v.(*ssa.Extract); ok {
		v, index = e.Tuple, e.Index
	}
	c, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	fn := c.Common().StaticCallee()
	if fn == nil {
		return nil
	}
	var out []result
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && index < len(ret.Results) {
			out = append(out, result{c, ret.Results[index]})
		}
	}
	return out
}

// fresh reports whether v is a struct a call makes anew each time: every
// return of the function is one it allocates (or nil), or another call's
// fresh result (a generic loader's instance calling its body), not a
// field or a variable it hands out (a getter).
func fresh(v ssa.Value, depth int) bool {
	rs := results(v)
	if len(rs) == 0 || depth == 0 {
		return false
	}
	for _, res := range rs {
		switch w := concrete(res.v).(type) {
		case *ssa.Alloc, *ssa.Const: // a new struct, or nil on an error
		case *ssa.Extract, *ssa.Call:
			if !fresh(w, depth-1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// structCells returns the values a config struct (a read's base, or the
// struct a load fills) may be, a few steps each way: itself; the local
// variables it is read from or captured as (a closure's free variable,
// a pointer kept in a cell) and, for a read, what was stored into those
// whole (cfg = local, cfg = *config.Load(): a copy reads what its source
// was loaded with; a load into the copy leaves the source as it was, so
// for a load only a cell's pointer, cfg := &Config{}, is followed); for a
// parameter, what its callers hand; and for a struct a function returns,
// what its callers are given. tracked says the value is local variables
// whose every whole store is another local variable.
func (r *resolver) structCells(v ssa.Value, read bool) (cells map[ssa.Value]bool, tracked bool) {
	cells = make(map[ssa.Value]bool)
	tracked = true
	var add func(v ssa.Value, depth int)
	add = func(v ssa.Value, depth int) {
		v = concrete(v)
		if v == nil || cells[v] || depth < 0 {
			return
		}
		cells[v] = true
		switch w := v.(type) {
		case *ssa.UnOp:
			if w.Op != token.MUL {
				tracked = false
				return
			}
			add(w.X, depth) // the variable it is read from
		case *ssa.FreeVar:
			for _, b := range freeVarBindings(w) {
				add(b, depth)
			}
		case *ssa.Alloc:
			if w.Referrers() == nil {
				return
			}
			_, holdsPointer := w.Type().(*types.Pointer).Elem().Underlying().(*types.Pointer)
			for _, ref := range *w.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == w && (read || holdsPointer) {
					src := concrete(st.Val)
					if u, ok := src.(*ssa.UnOp); ok && u.Op == token.MUL {
						src = u.X // the struct a pointer points to
					}
					if _, local := src.(*ssa.Alloc); !local {
						tracked = false
					}
					add(src, depth)
				}
			}
			r.returned(w, depth, add)
		case *ssa.Parameter:
			tracked = false
			for _, c := range r.callers[w.Parent()] {
				if args := c.Common().Args; paramIndex(w) < len(args) {
					add(args[paramIndex(w)], depth-1)
				}
			}
		case *ssa.Extract, *ssa.Call:
			tracked = false
			r.returned(w, depth, add)
			// A function that returns what it is handed (Must(v, err)):
			// what the call hands it.
			for _, res := range results(w) {
				if p, ok := concrete(res.v).(*ssa.Parameter); ok && paramIndex(p) < len(res.call.Common().Args) {
					add(res.call.Common().Args[paramIndex(p)], depth-1)
				}
			}
		default:
			tracked = false
		}
	}
	add(v, 3)
	return cells, tracked
}

// returned hands add what the callers of v's function are given where
// it returns v.
func (r *resolver) returned(v ssa.Value, depth int, add func(ssa.Value, int)) {
	instr, ok := v.(ssa.Instruction)
	if !ok || depth == 0 {
		return
	}
	fn := instr.Parent()
	for _, c := range r.callers[fn] {
		if res := returnedTo(fn, v, c); res != nil {
			add(res, depth-1)
		}
	}
}

// A fieldRef is one field on the way from a config struct to a value.
type fieldRef struct {
	t types.Type // the struct, or a pointer to it
	i int
}

// envKey returns the environment variable a field is read from, by the
// tag the loader honours: cleanenv's and caarlos0/env's env:"NAME", whose
// last field's tag names it, or envconfig's PREFIX_OUTER_FIELD, each
// struct on the way adding its envconfig:"NAME" or its own name (an
// embedded one nothing).
func envKey(path []fieldRef, d *configDoc) string {
	if d.env == "ardanlabs" {
		return ardanlabsKey(path, d.prefix)
	}
	if d.env == "sethvargo" {
		// The lookuper's prefix, then the prefix= each struct field on
		// the way declares, then the field's name.
		prefix := d.prefix
		for i, f := range path {
			st := structOf(f.t)
			if st == nil || f.i >= st.NumFields() {
				return ""
			}
			name, opts := sethvargoTag(reflect.StructTag(st.Tag(f.i)).Get("env"))
			if i < len(path)-1 {
				prefix += opts["prefix"]
				continue
			}
			if name == "" || name == "-" {
				return ""
			}
			return prefix + name
		}
		return ""
	}
	if d.env != "envconfig" {
		// caarlos0/env's and cleanenv's: the options' prefix, then the
		// prefix each struct field on the way declares
		// (envPrefix:"DB_", env-prefix:"DB_"), then the field's own.
		prefix := d.prefix
		for i, f := range path {
			st := structOf(f.t)
			if st == nil || f.i >= st.NumFields() {
				return ""
			}
			tag := reflect.StructTag(st.Tag(f.i))
			if i < len(path)-1 {
				prefix += tag.Get("envPrefix") + tag.Get("env-prefix")
				continue
			}
			name, _, _ := strings.Cut(tag.Get(d.env), ",")
			if name == "" || name == "-" {
				return ""
			}
			return prefix + name
		}
		return ""
	}
	var parts []string
	if d.prefix != "" {
		parts = append(parts, strings.ToUpper(d.prefix))
	}
	for i, f := range path {
		st := structOf(f.t)
		if st == nil || f.i >= st.NumFields() {
			return ""
		}
		field := st.Field(f.i)
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(f.i)).Get("envconfig"), ",")
		switch {
		case name == "-":
			return ""
		case name != "":
		case field.Embedded() && i < len(path)-1:
			continue
		default:
			name = field.Name()
		}
		parts = append(parts, strings.ToUpper(name))
	}
	return strings.Join(parts, "_")
}

// ardanlabsKey returns the variable ardanlabs/conf reads a field from:
// the prefix, then each struct's field name on the way split into its
// words (an embedded struct adds none), all upper case and joined by "_";
// a conf:"env:NAME" option names it after the prefix instead.
func ardanlabsKey(path []fieldRef, prefix string) string {
	var parts []string
	for i, f := range path {
		st := structOf(f.t)
		if st == nil || f.i >= st.NumFields() {
			return ""
		}
		field := st.Field(f.i)
		opts := confOptions(reflect.StructTag(st.Tag(f.i)).Get("conf"))
		if _, ok := opts["-"]; ok {
			return ""
		}
		if i == len(path)-1 && opts["env"] != "" {
			parts = []string{opts["env"]}
			break
		}
		if field.Embedded() && i < len(path)-1 {
			continue
		}
		parts = append(parts, camelWords(field.Name())...)
	}
	if prefix != "" {
		parts = append([]string{prefix}, parts...)
	}
	return strings.ToUpper(strings.ReplaceAll(strings.Join(parts, "_"), "-", "_"))
}

// confOptions reads ardanlabs/conf's tag: comma-separated options, each a
// word or key:value (default:http://auth:6000,env:AUTH_HOST,mask).
func confOptions(tag string) map[string]string {
	out := make(map[string]string)
	for _, o := range strings.Split(tag, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(o), ":")
		if k != "" {
			out[k] = v
		}
	}
	return out
}

// camelWords splits a Go name into its words as ardanlabs/conf does:
// at every change between upper case, lower case and digits, but that a
// run of capitals gives its last to the lower-case word after it. APIHost
// is API and Host, V2Host V, 2 and Host, DBMaxIdleConns DB, Max, Idle and
// Conns.
func camelWords(name string) []string {
	class := func(r rune) int {
		switch {
		case unicode.IsUpper(r):
			return 1
		case unicode.IsLower(r):
			return 2
		case unicode.IsDigit(r):
			return 3
		}
		return 4
	}
	rs := []rune(name)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := class(rs[i-1]), class(rs[i])
		switch {
		case prev == cur:
		case prev == 1 && cur == 2:
			if i-1 > start { // FOOBar: FOO, then Bar
				out = append(out, string(rs[start:i-1]))
				start = i - 1
			}
		default:
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// envDefault returns the default a field's tag gives where its variable
// is unset: envconfig's default:"…", ardanlabs/conf's conf:"default:…",
// caarlos0/env's envDefault:"…", cleanenv's env-default:"…".
// ok says whether the tag gives one at all (envDefault:"" does: empty).
func envDefault(path []fieldRef, d *configDoc) (def string, ok bool) {
	f := path[len(path)-1]
	st := structOf(f.t)
	if st == nil || f.i >= st.NumFields() {
		return "", false
	}
	tag := reflect.StructTag(st.Tag(f.i))
	switch d.env {
	case "envconfig":
		return tag.Lookup("default")
	case "ardanlabs":
		// A default holding a comma is cut at it: conf's own options
		// split there too, unless the value is quoted, which is rare.
		def, ok = confOptions(tag.Get("conf"))["default"]
		return def, ok
	case "env": // caarlos0/env's, cleanenv's
		if def, ok := tag.Lookup("envDefault"); ok {
			return def, true
		}
		return tag.Lookup("env-default")
	case "sethvargo":
		def, ok := sethvargoDefault(tag.Get("env"))
		return def, ok
	}
	return "", false
}

// throughWrappers returns the loads, with each load that a loader of the
// program's own makes with what its callers hand it replaced by one load
// at each of the loader's static callers, a few levels up: a struct it
// is handed as an interface (func Parse(v any, opts ...Options) error),
// whose type only the caller knows, or a file name it is handed
// (func Load(path string, cfg any) error), which is each caller's own.
// The lifted load is into the struct that caller hands, and reads the
// file its arguments name (bind). Options the loader forwards, or
// rebuilds field by field from its own options of the same field names
// (mainflux's env.Parse copies Prefix, TagName, Environment… from its
// Options into caarlos0/env's), are each caller's. Options it builds
// otherwise are kept only when they name constants; else the load is
// dropped: the names are unknown.
func (r *resolver) throughWrappers(loads []configLoad) []configLoad {
	var out []configLoad
	var up func(l configLoad, depth int)
	up = func(l configLoad, depth int) {
		if ranged, ok := r.rangedLoads(l); ok {
			// An entry's value may be another loop's (m[k] = v in a
			// range over a map): each expansion is a level, so that a
			// map that holds its own loop's values ends.
			for _, w := range ranged {
				if depth < 3 {
					up(w, depth+1)
				}
			}
			return
		}
		fn := l.call.Parent()
		param, intoHanded := concrete(l.into).(*ssa.Parameter)
		intoHanded = intoHanded && param.Parent() == fn && types.IsInterface(param.Type())
		fileHanded := slices.ContainsFunc(r.loadFiles(l), func(f ssa.Value) bool { return !nameInside(f, l.bind, 8) })
		if !intoHanded && (!fileHanded || len(r.callers[fn]) == 0) {
			out = append(out, l)
			return
		}
		// Which of fn's parameters, if any, the options and prefix are
		// each caller's: -1 when they are fn's own constants.
		handedAt := func(v ssa.Value) (int, bool) {
			if v == nil {
				return -1, true
			}
			if p, ok := v.(*ssa.Parameter); ok && p.Parent() == fn {
				return paramIndex(p), true
			}
			if p := mirrored(v); p != nil && p.Parent() == fn {
				return paramIndex(p), true
			}
			return -1, constantOptions(v)
		}
		opts, okOpts := handedAt(l.options)
		prefix, okPrefix := handedAt(l.prefix)
		if depth == 3 || !okOpts || !okPrefix {
			if !intoHanded {
				out = append(out, l) // the struct's type is known: its files may be too
			}
			return
		}
		for _, c := range r.callers[fn] {
			args := c.Common().Args
			if opts >= len(args) || prefix >= len(args) || intoHanded && paramIndex(param) >= len(args) {
				continue
			}
			w := l
			w.call = c
			if w.origin == nil {
				w.origin = l.call
			}
			if fn.TypeParams().Len() > 0 {
				// The struct's type may be fn's type parameter, or one a
				// generic loader further down was called with.
				here := typeArgs(fn, c)
				if w.targs == nil {
					w.tparams, w.targs = fn.TypeParams(), here
				} else {
					w.targs = slices.Clone(w.targs)
					for i, t := range w.targs {
						if tp, ok := t.(*types.TypeParam); ok && tp.Index() < len(here) && fn.TypeParams().At(tp.Index()) == tp {
							w.targs[i] = here[tp.Index()]
						}
					}
				}
			}
			// The struct each caller fills: the one it hands (also a
			// receiver or a pointer parameter), or the one it is
			// returned, where the loader makes it.
			if p, ok := concrete(l.into).(*ssa.Parameter); ok && p.Parent() == fn && paramIndex(p) < len(args) {
				w.into = args[paramIndex(p)]
			} else if res := returnedTo(fn, concrete(l.into), c); res != nil {
				w.into = res
			}
			// The loaders' parameters further down keep their values,
			// which may be this caller's parameters, bound a level up.
			w.bind = bindArgs(fn, args)
			maps.Copy(w.bind, l.bind)
			if opts >= 0 {
				w.options = args[opts]
			}
			if prefix >= 0 {
				w.prefix = args[prefix]
			}
			up(w, depth+1)
		}
	}
	for _, l := range loads {
		up(l, 0)
	}
	return out
}

// rangedLoads returns the loads that a load made in a loop over a map
// stands for (for file, cfg := range map[string]any{"kafka.yml":
// &c.Kafka, …} { Load(dir, file, cfg) }): one per entry of the map, into
// the entry's value, with the loop's key, wherever the load's loaders
// are handed it, the entry's. ok is false when the struct filled is not
// a map's value. None is returned where the key is not handed on as it
// is (a name built of it in the loop itself): the file would resolve to
// every key's, each struct to every file.
func (r *resolver) rangedLoads(l configLoad) (out []configLoad, ok bool) {
	ex, isExtract := concrete(l.into).(*ssa.Extract)
	if !isExtract || ex.Index != 2 {
		return nil, false
	}
	next, isNext := ex.Tuple.(*ssa.Next)
	if !isNext || next.IsString {
		return nil, false
	}
	rng, isRange := next.Iter.(*ssa.Range)
	if !isRange {
		return nil, false
	}
	var key ssa.Value // the loop's key, where the code reads it
	for _, ref := range *next.Referrers() {
		if e, isKey := ref.(*ssa.Extract); isKey && e.Tuple == next && e.Index == 1 {
			key = e
		}
	}
	if key == nil || l.file != key && !slices.Contains(slices.Collect(maps.Values(l.bind)), key) {
		return nil, true
	}
	for _, e := range r.mapEntries(rng.X, l.bind, 6, make(map[ssa.Value]bool)) {
		w := l
		w.into = e.val
		if w.file == key {
			w.file = e.key
		}
		w.bind = maps.Clone(l.bind)
		for p, v := range w.bind {
			if v == key {
				w.bind[p] = e.key
			}
		}
		out = append(out, w)
	}
	return out, true
}

// returnedTo returns the value a call c of fn is given where fn returns
// v, a struct it makes or a loader it calls makes (return &cfg, nil):
// the call's result, or its extraction from the results; nil where fn
// does not return v.
func returnedTo(fn *ssa.Function, v ssa.Value, c ssa.CallInstruction) ssa.Value {
	switch v.(type) {
	case *ssa.Alloc, *ssa.Extract, *ssa.Call: // made here, or by a loader it calls
	default:
		return nil
	}
	if c.Value() == nil || c.Value().Referrers() == nil {
		return nil
	}
	at := -1
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for i, res := range ret.Results {
				if concrete(res) == v {
					at = i
				}
			}
		}
	}
	if at < 0 {
		return nil
	}
	if fn.Signature.Results().Len() == 1 {
		return c.Value()
	}
	for _, ref := range *c.Value().Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == at {
			return e
		}
	}
	return nil
}

// typeArgs returns the type arguments a call of the generic function fn
// gives its type parameters: an instance's own, else those the call's
// arguments and results take where fn's signature has a parameter
// (func Load[T any](path string) (*T, error) called for *app.Config).
func typeArgs(fn *ssa.Function, c ssa.CallInstruction) []types.Type {
	if targs := fn.TypeArgs(); len(targs) > 0 {
		return targs
	}
	tparams := fn.TypeParams()
	targs := make([]types.Type, tparams.Len())
	var match func(generic, actual types.Type)
	match = func(generic, actual types.Type) {
		switch g := generic.(type) {
		case *types.TypeParam:
			if i := g.Index(); i < len(targs) && tparams.At(i) == g && targs[i] == nil {
				targs[i] = actual
			}
		case *types.Pointer:
			if a, ok := actual.(*types.Pointer); ok {
				match(g.Elem(), a.Elem())
			}
		case *types.Slice:
			if a, ok := actual.(*types.Slice); ok {
				match(g.Elem(), a.Elem())
			}
		}
	}
	sig := fn.Signature
	args := c.Common().Args
	for i := 0; i < sig.Params().Len() && i < len(args); i++ {
		match(sig.Params().At(i).Type(), args[i].Type())
	}
	if v := c.Value(); v != nil {
		if tuple, ok := v.Type().(*types.Tuple); ok && tuple.Len() == sig.Results().Len() {
			for i := range tuple.Len() {
				match(sig.Results().At(i).Type(), tuple.At(i).Type())
			}
		} else if sig.Results().Len() == 1 {
			match(sig.Results().At(0).Type(), v.Type())
		}
	}
	return targs
}

// lib returns the library's call a load is: where a loader of the
// program's own makes it, the loader's call, not its callers'.
func (l *configLoad) lib() ssa.CallInstruction {
	if l.origin != nil {
		return l.origin
	}
	return l.call
}

// loadFiles returns the values that name the files a load reads: its
// file argument, or for viper's Unmarshal the names SetConfigFile is
// given in the same function.
func (r *resolver) loadFiles(l configLoad) []ssa.Value {
	if l.file != nil {
		return []ssa.Value{l.file}
	}
	if l.tag != "mapstructure" {
		return nil
	}
	var out []ssa.Value
	for _, c := range r.viperSets {
		if args := c.Common().Args; c.Parent() == l.lib().Parent() && len(args) > 0 {
			out = append(out, args[len(args)-1])
		}
	}
	return out
}

// mirrored returns the parameter whose options v rebuilds field by field:
// a slice appended in a loop over the parameter, or one value, that
// holds one struct each of whose fields set is the same-named field of
// an element of the parameter (Options{Prefix: opt.Prefix}). nil if v is
// anything else.
func mirrored(v ssa.Value) *ssa.Parameter {
	var elems []ssa.Value
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true // a loop's append to itself
		}
		if len(seen) > 32 {
			return false
		}
		seen[v] = true
		switch w := v.(type) {
		case *ssa.Phi:
			for _, e := range w.Edges {
				if !walk(e) {
					return false
				}
			}
			return true
		case *ssa.Call:
			if b, ok := w.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(w.Call.Args) == 2 {
				return walk(w.Call.Args[0]) && walk(w.Call.Args[1])
			}
			return false
		case *ssa.Slice:
			if _, ok := w.X.(*ssa.Alloc); ok {
				elems = append(elems, sliceElems(w.X)...)
				return true
			}
			return false
		}
		if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice {
			return false
		}
		elems = append(elems, v)
		return true
	}
	if !walk(v) || len(elems) != 1 {
		return nil
	}
	st := structOf(elems[0].Type())
	if st == nil {
		return nil
	}
	var from *ssa.Parameter
	copied := make(map[string]bool)
	for i := range st.NumFields() {
		for _, val := range storedAt(elems[0], i) {
			p := fieldOfParam(val, st.Field(i).Name())
			if p == nil || from != nil && p != from {
				return nil
			}
			from = p
			copied[st.Field(i).Name()] = true
		}
	}
	if from == nil {
		return nil
	}
	// Every field the two types share is copied: the caller's Prefix
	// is the loader's only if the wrapper hands it on.
	own := from.Type().Underlying()
	if sl, ok := own.(*types.Slice); ok {
		own = sl.Elem()
	}
	ownSt := structOf(own)
	if ownSt == nil {
		return nil
	}
	for i := range ownSt.NumFields() {
		name := ownSt.Field(i).Name()
		for j := range st.NumFields() {
			if st.Field(j).Name() == name && !copied[name] {
				return nil
			}
		}
	}
	return from
}

// fieldOfParam returns the parameter v reads a field named name of: of
// the parameter itself, or of an element of it (a range loop's variable).
func fieldOfParam(v ssa.Value, name string) *ssa.Parameter {
	var base ssa.Value
	switch w := v.(type) {
	case *ssa.Field:
		if st := structOf(w.X.Type()); st != nil && st.Field(w.Field).Name() == name {
			base = w.X
		}
	case *ssa.UnOp:
		if fa, ok := w.X.(*ssa.FieldAddr); ok && w.Op == token.MUL {
			if st := structOf(fa.X.Type()); st != nil && st.Field(fa.Field).Name() == name {
				base = fa.X
			}
		}
	}
	for range 4 {
		switch w := base.(type) {
		case *ssa.Parameter:
			return w
		case *ssa.Alloc: // the loop's variable, stored whole once, never changed
			var vals []ssa.Value
			for _, ref := range *w.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == w {
					vals = append(vals, st.Val)
				}
				if fa, ok := ref.(*ssa.FieldAddr); ok && fa.Referrers() != nil {
					for _, u := range *fa.Referrers() {
						if _, load := u.(*ssa.UnOp); !load {
							return nil // opt.Prefix = opt.Service + "_" + opt.Prefix
						}
					}
				}
			}
			if len(vals) != 1 {
				return nil
			}
			base = vals[0]
		case *ssa.UnOp:
			base = w.X
		case *ssa.IndexAddr:
			base = w.X
		case *ssa.Index:
			base = w.X
		default:
			return nil
		}
	}
	return nil
}

// constantOptions reports whether loader options v are a value built in
// place whose every field set is a constant, or none.
func constantOptions(v ssa.Value) bool {
	if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice {
		if c, ok := v.(*ssa.Const); ok {
			return c.IsNil()
		}
		elems := varargs(v)
		if len(elems) != 1 {
			return false
		}
		v = elems[0]
	}
	if c, ok := v.(*ssa.Const); ok {
		return c != nil
	}
	st := structOf(v.Type())
	if st == nil || !handedOnly(v) {
		return false
	}
	for i := range st.NumFields() {
		for _, val := range storedAt(v, i) {
			if _, ok := val.(*ssa.Const); !ok {
				return false
			}
		}
	}
	return true
}

// A prefixAt is a prefix of variables' names, and the function that
// gives it: a service whose code runs that function reads its variables
// under it.
type prefixAt struct {
	text string
	load *ssa.Function
}

// envOptions reads the caarlos0/env Options a load in function fn is
// given (a value, or the variadic slice of the versions before v10): the
// prefix of every variable's name. A prefix fn is handed as a parameter
// (a helper each service calls with its own, SetupDB("MG_USERS_DB_")) is
// each static caller's, read where that caller runs. ok is false when
// the names are not known: options built elsewhere (they may set
// anything), a prefix archie cannot read, or options that name variables
// otherwise (TagName, PrefixTagName, UseFieldNameByDefault) or give their
// values (Environment).
func (r *resolver) envOptions(opts ssa.Value, fn *ssa.Function) (prefixes []prefixAt, ok bool) {
	one := func(v ssa.Value) (string, bool) {
		p := r.strings(v)
		if len(p) != 1 || p[0].text == "" || strings.ContainsAny(p[0].text, "${…") {
			return "", false
		}
		return p[0].text, true
	}
	prefix := func(v ssa.Value, fn *ssa.Function, _ int) ([]prefixAt, bool) {
		text, ok := one(v)
		return []prefixAt{{text, fn}}, ok
	}
	// options reads one Options value, or the variadic slice of them.
	var options func(v ssa.Value, fn *ssa.Function, depth int) ([]prefixAt, bool)
	options = func(v ssa.Value, fn *ssa.Function, depth int) ([]prefixAt, bool) {
		if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice {
			if c, isConst := v.(*ssa.Const); isConst && c.IsNil() {
				return []prefixAt{{load: fn}}, true // Parse(&cfg): none
			}
			elems := varargs(v)
			if len(elems) != 1 {
				return nil, false
			}
			v = elems[0]
		}
		if !handedOnly(v) {
			return nil, false
		}
		for _, other := range []string{"TagName", "PrefixTagName", "DefaultValueTagName", "UseFieldNameByDefault", "Environment"} {
			if len(r.fieldValues(v, other)) > 0 {
				return nil, false
			}
		}
		switch ps := r.fieldValues(v, "Prefix"); len(ps) {
		case 0:
			return []prefixAt{{load: fn}}, true
		case 1:
			return r.handed(ps[0], fn, depth, prefix)
		}
		return nil, false
	}
	// Options forwarded by a helper (Load(opts ...env.Options)) are each
	// caller's.
	return r.handed(opts, fn, 0, options)
}

// handed reads v in fn with read, following a parameter of fn up its
// static callers, a few levels: each caller's value is read where it
// runs. A function nothing runs hands nothing; ok is false when a
// caller's value cannot be read, or a function with a parameter to
// follow has no static callers but may run.
func (r *resolver) handed(v ssa.Value, fn *ssa.Function, depth int, read func(ssa.Value, *ssa.Function, int) ([]prefixAt, bool)) ([]prefixAt, bool) {
	param, isParam := v.(*ssa.Parameter)
	if !isParam || param.Parent() != fn {
		return read(v, fn, depth)
	}
	callers := r.callers[fn]
	if len(callers) == 0 && r.uncalled(fn) {
		return nil, true // never run: it hands nothing (a promoted method's wrapper)
	}
	if depth == 3 || len(callers) == 0 {
		return nil, false
	}
	var out []prefixAt
	for _, c := range callers {
		args := c.Common().Args
		i := paramIndex(param)
		if i < 0 || i >= len(args) {
			return nil, false
		}
		more, ok := r.handed(args[i], c.Parent(), depth+1, read)
		if !ok {
			return nil, false
		}
		out = append(out, more...)
	}
	return out, true
}

// noteEnvDefaults records the default each field of a struct read from
// the environment (by d) has, by the variable it is read from, down to
// nested structs: a DSN the code builds of several variables is known
// where the deployment sets some and the tags give the rest.
func (r *resolver) noteEnvDefaults(t types.Type, d *configDoc, path []fieldRef) {
	st := structOf(t)
	if st == nil || len(path) > 4 {
		return
	}
	if r.envDefaults == nil {
		r.envDefaults = make(map[string]tagDefault)
	}
	for i := range st.NumFields() {
		at := append(slices.Clip(path), fieldRef{t, i})
		if ft := st.Field(i).Type(); structOf(ft) != nil {
			r.noteEnvDefaults(ft, d, at)
			continue
		}
		k := envKey(at, d)
		if k == "" {
			continue
		}
		text, ok := envDefault(at, d)
		if !ok {
			continue // unset, it holds nothing archie knows
		}
		def := tagDefault{text: text}
		if old, ok := r.envDefaults[k]; ok && old != def {
			def = tagDefault{several: true}
		}
		r.envDefaults[k] = def
	}
}

// envconfigAlt returns the variable envconfig reads a field from when its
// prefixed name is unset: the field's own tag.
func envconfigAlt(path []fieldRef, d *configDoc) string {
	if d.env != "envconfig" {
		return ""
	}
	f := path[len(path)-1]
	st := structOf(f.t)
	if st == nil || f.i >= st.NumFields() {
		return ""
	}
	name, _, _ := strings.Cut(reflect.StructTag(st.Tag(f.i)).Get("envconfig"), ",")
	if name == "-" {
		return ""
	}
	return strings.ToUpper(name)
}

func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// configPath walks a field read back to the config struct it is read
// from: the struct's type and the fields from it down to the value.
func (r *resolver) configPath(v ssa.Value) (types.Type, []fieldRef, ssa.Value) {
	// The outermost config struct on the way: a part of the config has
	// the docs of every place its type appears (TopicConfig under each
	// topic's key), the root the one place this read comes from.
	var path []fieldRef
	var best types.Type
	var bestPath []fieldRef
	var base ssa.Value
	for range 12 {
		if t := r.configType(v.Type()); t != nil {
			best, bestPath, base = t, slices.Clone(path), v
		}
		switch w := v.(type) {
		case *ssa.Field:
			path, v = append(path, fieldRef{w.X.Type(), w.Field}), w.X
			continue
		case *ssa.FieldAddr:
			path, v = append(path, fieldRef{w.X.Type(), w.Field}), w.X
			continue
		case *ssa.UnOp:
			if w.Op == token.MUL {
				v = w.X
				continue
			}
		case *ssa.Alloc:
			// lc := cfg.Cache.User, then lc.Topic: a local copy of a
			// part of the config, stored whole once, reads that part.
			if src := copiedFrom(w); src != nil {
				v = src
				continue
			}
		}
		break
	}
	if best == nil {
		return nil, nil, nil
	}
	slices.Reverse(bestPath)
	return best, bestPath, base
}

// convertedConfigPath is configPath for a field of a parameter that its
// callers hand a part of the config converted to a struct type of the
// same fields (database.NewPostgres((*database.PostgresOptions)(cfg.Postgres))):
// the field is the part's, read under the part's keys. Every caller must
// hand one part of one config (every caller of the service walked).
func (r *resolver) convertedConfigPath(v ssa.Value) (types.Type, []fieldRef, ssa.Value) {
	var x ssa.Value
	field := -1
	switch w := v.(type) {
	case *ssa.FieldAddr:
		x, field = w.X, w.Field
	case *ssa.Field:
		x, field = w.X, w.Field
	default:
		return nil, nil, nil
	}
	if u, ok := x.(*ssa.UnOp); ok && u.Op == token.MUL {
		x = u.X // a struct passed by value, stored in a local
	}
	p, ok := x.(*ssa.Parameter)
	if !ok || structOf(p.Type()) == nil {
		return nil, nil, nil
	}
	idx := paramIndex(p)
	var root, part types.Type
	var path []fieldRef
	var base ssa.Value
	for _, call := range r.callers[p.Parent()] {
		if !r.ok(call.Parent()) {
			continue // another service's
		}
		args := call.Common().Args
		if idx < 0 || idx >= len(args) {
			return nil, nil, nil
		}
		arg := args[idx]
		switch c := arg.(type) {
		case *ssa.ChangeType:
			arg = c.X
		case *ssa.Convert:
			arg = c.X
		default:
			return nil, nil, nil // the parameter's own type: configPath's
		}
		st, pt := structOf(arg.Type()), structOf(p.Type())
		if st == nil || !types.IdenticalIgnoreTags(st, pt) || field >= st.NumFields() {
			return nil, nil, nil
		}
		t, pp, b := r.configPath(arg)
		if t == nil || root != nil && (t != root || !slices.Equal(pp, path)) {
			return nil, nil, nil
		}
		if part != nil && !types.Identical(part, arg.Type()) {
			return nil, nil, nil
		}
		root, path, base, part = t, pp, b, arg.Type()
	}
	if root == nil {
		return nil, nil, nil
	}
	return root, append(slices.Clone(path), fieldRef{part, field}), base
}

// copiedFrom returns the value a local variable is a copy of: what the
// code stores in it whole, once, where nothing else writes to it or
// hands it on (lc := cfg.Cache.User, read as lc.Topic and through methods
// that only read, lc.Enable()); nil for any other variable.
func copiedFrom(a *ssa.Alloc) ssa.Value {
	if a.Referrers() == nil {
		return nil
	}
	var src ssa.Value
	for _, ref := range *a.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
			if src != nil {
				return nil
			}
			src = st.Val
			continue
		}
		if !readUse(ref, a, 4) {
			return nil
		}
	}
	return src
}

// readUse reports whether an instruction using the address v only reads
// through it: loads of it and of its fields, at any depth (lc.Redis.Topic),
// and calls of functions that only read through it. A store into it, or
// its address handed anywhere else, is not.
func readUse(use ssa.Instruction, v ssa.Value, depth int) bool {
	switch u := use.(type) {
	case *ssa.UnOp:
		return u.Op == token.MUL
	case *ssa.DebugRef:
		return true
	case *ssa.FieldAddr:
		return depth > 0 && onlyRead(u, depth-1)
	case *ssa.Call:
		return onlyReads(u.Common(), v, depth)
	}
	return false
}

// onlyRead reports whether every use of the address v only reads.
func onlyRead(v ssa.Value, depth int) bool {
	if refs := v.Referrers(); refs != nil {
		for _, ref := range *refs {
			if !readUse(ref, v, depth) {
				return false
			}
		}
	}
	return true
}

// onlyReads reports whether a call hands v to a function of the program
// that only reads through it.
func onlyReads(c *ssa.CallCommon, v ssa.Value, depth int) bool {
	fn := c.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) != len(c.Args) || depth <= 0 {
		return false
	}
	for i, arg := range c.Args {
		if arg == v && !onlyRead(fn.Params[i], depth-1) {
			return false
		}
	}
	return true
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

// configKey returns the key a struct field is read from: its tag's name
// (json for go-zero, mapstructure for viper, yaml for cleanenv), or its
// own. An embedded struct's fields sit at its parent's level.
func configKey(t types.Type, i int, tag string) (string, bool) {
	st := structOf(t)
	if st == nil || i >= st.NumFields() {
		return "", false
	}
	f := st.Field(i)
	name := ""
	if tag != "" {
		name, _, _ = strings.Cut(reflect.StructTag(st.Tag(i)).Get(tag), ",")
	}
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
