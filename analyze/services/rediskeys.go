package services

import (
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"
)

// Redis holds keys, not tables: a service's "tables" in a Redis store are
// the patterns of the keys its commands name, "session:*" for
// "session:" + id, read from the key arguments of go-redis, redigo and
// go-redis/cache calls. Two services that name one pattern in one Redis
// read each other's data as surely as two that name one SQL table.

// A namedKey is a key a command names, before it is placed in a store:
// its name, and its evidence, whose detail is its full pattern.
type namedKey struct {
	name string
	ev   Evidence
	// cache marks a key of go-zero's row cache, whose Redis nodes come
	// from a CacheConf archie does not place.
	cache bool
}

// redisKeyNames records the keys a Redis command at s names, to be placed
// in the service's Redis store (placeKeys). Which arguments are keys is
// read from the callee's parameter names (key, keys, newkey, destKey,
// source, destination…, as go-redis names them in every major version),
// from an item's Key field (go-redis/cache), or, for a command sent by
// name (Do("SET", key, …)), from the command.
func (x *extractor) redisKeyNames(s *site) {
	if !keyCommandType(s.key) {
		return // InfoCmd.Item, ScanIterator.Val: no command on keys
	}
	params := s.common.Signature().Params()
	method := s.key[strings.LastIndexByte(s.key, '.')+1:]
	var keys []value
	for i := range params.Len() {
		p := params.At(i)
		field, item := itemKey(p.Type())
		switch {
		case keyParam(p.Name()), (method == "Scan" || method == "Keys") && (p.Name() == "match" || p.Name() == "pattern"):
			keys = append(keys, x.keysIn(s.arg(i))...)
		case p.Name() == "keyer":
			// go-zero's QueryRowIndex: the function gives the primary
			// key the index key's row is cached under too.
			keys = append(keys, x.keyerKeys(s.arg(i))...)
		case item:
			for _, v := range storedAt(s.arg(i), field) {
				keys = append(keys, x.keyValues(v)...)
			}
		case p.Name() == "commandName" || p.Name() == "cmd" || p.Name() == "cmdName":
			// redigo: Do(commandName, args...), DoContext(ctx, cmd, args...).
			if i+1 < params.Len() && keyedCommand(x.res.strings(s.arg(i))) {
				keys = append(keys, x.keyValues(sliceElem(s.arg(i+1), 0))...)
			}
		case method == "Do" && p.Name() == "args" && i == params.Len()-1 && (i == 0 || i == 1 && takesContext(s.common)):
			// go-redis: Do(ctx, "SET", key, …); v6 and v7 take no context.
			if keyedCommand(x.res.strings(sliceElem(s.arg(i), 0))) {
				keys = append(keys, x.keyValues(sliceElem(s.arg(i), 1))...)
			}
		}
	}
	var names, fulls []string
	for _, k := range keys {
		if name, full, ok := keyPattern(k); ok && !slices.Contains(fulls, full) {
			names, fulls = append(names, name), append(fulls, full)
		}
	}
	for i, name := range names {
		if covered(name, names) {
			continue
		}
		ev := s.ev
		ev.Detail = "key " + fulls[i]
		s.f.keys = append(s.f.keys, namedKey{name, ev, goZeroRowCache(s.key)})
	}
}

// placeKeys puts the keys a service names in its Redis store. Which
// client a command ran on is not followed: a service that opens several
// Redis, or one whose database number is read at run time, has its keys
// kept in a store of their own, with no server, so that they are listed
// but never judged shared with another service's; so are the keys of a
// go-zero row cache, whose Redis archie does not place.
func (x *extractor) placeKeys(f *facts, stores map[string]*Store) {
	// A client made by a constructor whose address archie does not
	// read (a failover client's sentinels) is a Redis too.
	opened := max(f.redisClients, countOpened(stores))
	for _, k := range f.keys {
		if opened > 1 || f.redisDBUnknown || k.cache {
			unopened(stores, "redis").touch(k.name, k.ev)
		} else {
			x.touch(f, stores, "redis", k.name, k.ev)
		}
	}
}

// countOpened counts the Redis stores a service was seen to open.
func countOpened(stores map[string]*Store) int {
	n := 0
	for _, s := range stores {
		if s.Kind == "redis" && len(s.Evidence) > 0 {
			n++
		}
	}
	return n
}

// redisConstructor reports whether a call, by calleeKey, makes a go-redis
// client of any kind.
func redisConstructor(key string) bool {
	pkg, name, ok := strings.Cut(key, ".New")
	return ok && (pkg == "github.com/redis/go-redis" || pkg == "github.com/go-redis/redis") && !strings.Contains(name, ".") &&
		(strings.HasSuffix(name, "Client") || name == "Ring")
}

// covered reports whether a key is one of a family another name of the
// same command stands for: "cluster|info|https://kubernetes.default.svc"
// that one caller gives beside "cluster|info|*". The family's name must
// be two levels deep at least: "cache:*", what a cache layer's prefix
// before an unknown key gives, says too little to stand for its keys.
func covered(key string, names []string) bool {
	for _, p := range names {
		start, ok := strings.CutSuffix(p, "*")
		if ok && p != key && strings.HasPrefix(key, start) && strings.Count(start, ":")+strings.Count(start, "|") >= 2 {
			return true
		}
	}
	return false
}

// keyDepth is how far a key is followed: further than other values,
// because a key is often built several calls from the command that sends
// it (a typed helper's key, through a cache's Set, behind an interface,
// to the client). keyBudget bounds the work of following one, in values
// visited: helpers each called from many places make that work
// exponential in the depth (24 callers, 5 deep: 235 s without it, 0.8 s
// with it), and argo-cd's keys, the deepest seen, are all found within
// it.
const (
	keyDepth  = resolveDepth + 7
	keyBudget = 20000
)

// keyValues resolves a key. strings.Join([]string{"cache", kind, id}, ":")
// is its elements joined, not each element a key of its own.
func (x *extractor) keyValues(v ssa.Value) []value {
	x.res.steps, x.res.limit = 0, keyBudget
	defer func() { x.res.limit = 0 }()
	busy := make(map[ssa.Value]bool)
	if c, ok := v.(*ssa.Call); ok && calleeKey(c.Common()) == "strings.Join" && len(c.Common().Args) == 2 {
		if sl, ok := c.Common().Args[0].(*ssa.Slice); ok {
			sep := firstOf(x.res.strings(c.Common().Args[1]))
			var out []value
			for i, e := range sliceElems(sl.X) {
				part := x.res.resolveOr(e, nil, keyDepth, busy)
				if i == 0 {
					out = part
					continue
				}
				out = concat(concat(out, []value{{text: sep, lit: true}}), part)
			}
			return out
		}
	}
	return x.res.resolve(v, nil, keyDepth, busy)
}

// keyerKeys resolves the keys a function that makes one returns.
func (x *extractor) keyerKeys(v ssa.Value) []value {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	}
	if fn == nil {
		return nil
	}
	var keys []value
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			keys = append(keys, x.keyValues(ret.Results[0])...)
		}
	}
	return keys
}

// keysIn resolves a command's key argument: one key, or each key of a
// variadic list (DEL a b, BLPOP 0 a b).
func (x *extractor) keysIn(v ssa.Value) []value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return x.keyValues(v)
	}
	var keys []value
	for _, e := range sliceElems(sl.X) {
		keys = append(keys, x.keyValues(e)...)
	}
	return keys
}

// keyCommandType reports whether a call, by calleeKey, is a method of a
// client, pipeline, transaction or connection, or a function of its
// package: the values of other types (a command's result) hold no key.
func keyCommandType(key string) bool {
	slash := strings.LastIndexByte(key, '/')
	parts := strings.Split(key[slash+1:], ".")
	if len(parts) < 3 {
		return true // a function: redigo's DoContext
	}
	switch parts[len(parts)-2] {
	case "cmdable", "Cmdable", "Client", "ClusterClient", "Ring", "UniversalClient", "Pipeliner", "Pipeline", "Tx",
		"Conn", "ConnWithContext", "StatefulCmdable", "statefulCmdable", "Cache",
		"Redis", "CachedConn", // go-zero's client and row cache
		"Script": // redis.NewScript(lua).Run(ctx, rdb, keys, …), as rate limiters run theirs

		return true
	}
	return false
}

// redisDB adds the database a go-redis client's options select to the
// addresses it opens ("redis:6379" with DB: 2 is "redis:6379/2", and so is
// a URL with no database whose options are given DB 2 after ParseURL):
// two services on one server in databases 1 and 2 share no key. A DB no
// constant gives (a number read from the environment or a config file)
// leaves the server as it is and the service's keys unjudged (see
// placeKeys); 0 adds nothing.
func (x *extractor) redisDB(s *site, vals []value) []value {
	if !(strings.HasSuffix(s.key, ".NewClient") || strings.HasSuffix(s.key, ".NewUniversalClient") || strings.HasSuffix(s.key, ".NewRing")) ||
		!redisClient(s.key[:strings.LastIndexByte(s.key, '.')]) {
		return vals
	}
	var db string
	if opts := s.arg(0); opts != nil {
		for _, v := range x.res.fieldValues(opts, "DB") {
			if len(x.res.strings(v)) == 0 {
				db = "…" // a number the code reads at run time
			}
		}
	}
	for _, v := range x.res.storedField(s.arg(0), "DB") {
		switch {
		case v.text == db:
		case !v.lit || db != "":
			db = "…" // from the environment, or one of several
		default:
			db = v.text
		}
	}
	if db == "…" {
		// The server is still the one both may share; which database
		// holds the keys is not known, so they are not judged.
		s.f.redisDBUnknown = true
		return vals
	}
	if db == "" || db == "0" {
		return vals
	}
	out := make([]value, len(vals))
	for i, v := range vals {
		rest := v.text
		if _, after, ok := strings.Cut(rest, "://"); ok {
			rest = after
		}
		if !strings.Contains(rest, "/") {
			v.text += "/" + db
		}
		out[i] = v
	}
	return out
}

// keyParam reports whether a Redis client's parameter of this name holds
// a key or keys.
func keyParam(name string) bool {
	switch name {
	case "key", "keys", "newkey", "newKey", "destKey", "dstKey", "sourceKey", "sourceKeys", "srcKey",
		"source", "destination", "dest", "dst":
		return true
	}
	return false
}

// itemKey returns the index of the Key field of a parameter that is a
// cache item keyed by it: go-redis/cache's *Item.
func itemKey(t types.Type) (int, bool) {
	p, ok := t.(*types.Pointer)
	if !ok {
		return 0, false
	}
	named := namedOf(p.Elem())
	if named == nil || named.Name() != "Item" || named.Pkg() == nil || normPath(named.Pkg().Path()) != "github.com/go-redis/cache" {
		return 0, false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return 0, false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == "Key" && types.Identical(f.Type(), types.Typ[types.String]) {
			return i, true
		}
	}
	return 0, false
}

// keyedCommand reports whether a command sent by name takes a key as its
// first argument: any but those of the connection, the server, scripts,
// transactions, pub/sub and streams, or one whose name is not known.
func keyedCommand(names []value) bool {
	name := strings.ToUpper(firstOf(names))
	if name == "" || strings.HasPrefix(name, "X") || strings.HasPrefix(name, "FT.") {
		return false // streams; RediSearch's indices
	}
	switch name {
	case "PUBLISH", "SPUBLISH", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE",
		"MULTI", "EXEC", "DISCARD", "UNWATCH", "PING", "ECHO", "AUTH", "HELLO", "SELECT", "QUIT", "RESET",
		"INFO", "CONFIG", "CLIENT", "CLUSTER", "COMMAND", "DBSIZE", "TIME", "FLUSHDB", "FLUSHALL", "SAVE", "BGSAVE",
		"SCRIPT", "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FUNCTION", "FCALL", "FCALL_RO",
		"KEYS", "SCAN", "RANDOMKEY", "WAIT", "MONITOR", "SLOWLOG", "MEMORY", "OBJECT", "DEBUG", "LATENCY", "MODULE", "ACL",
		"SENTINEL", "ROLE", "REPLICAOF", "SLAVEOF", "FAILOVER", "READONLY", "READWRITE", "ASKING", "PUBSUB",
		"SHUTDOWN", "LASTSAVE", "BGREWRITEAOF", "SWAPDB", "SYNC", "PSYNC", "LOLWUT",
		"MSET", "MSETNX", "BITOP":
		return false
	}
	return true
}

// keyPattern names the keys a key the code computes stands for, as a
// SCAN would MATCH them. Its full pattern is "mfst|*|*|1.8" for
// fmt.Sprintf("mfst|%s|%s|%s", app, rev, version); its name stops at the
// first unknown part, "mfst|*", since what follows varies between the
// callers of a key helper (a version, a compression suffix, a struct
// printed with %v). A key known whole is itself. A segment (between
// ":", "|" or "/") that is a number, or whose known part is one, is an ID,
// known or not: the cluster ID a config file's default gives is a * in
// "scheduler:clusters:*:tasks:*". A key with no known start (a prefix read
// from the environment, a caller's whole key) or none a reader would
// recognize ("k" + id) names nothing.
func keyPattern(v value) (name, full string, ok bool) {
	if v.list || strings.Contains(v.text, "${") || strings.ContainsAny(v.text, " \t\r\n'\"`,()") {
		// No key: an error's message or an event's description that a
		// String or Error method of some type in the program returns,
		// found for a caller's part of the key.
		return "", "", false
	}
	p := strings.ReplaceAll(v.text, "…", "*")
	if i := keyGap(p); i >= 0 {
		p = p[:i] + "*"
	}
	var b strings.Builder
	for rest := p; ; {
		seg, after, more := rest, "", false
		if i := strings.IndexAny(rest, ":|/"); i >= 0 {
			seg, after, more = rest[:i], rest[i:], true
		}
		if known := strings.ReplaceAll(seg, "*", ""); seg != "" && !strings.ContainsFunc(known, unicode.IsLetter) && (known == "" || strings.Trim(known, "0123456789") == "" || strings.Contains(seg, "*")) {
			seg = "*" // 42, 1-*, *-*-*: an ID
		}
		b.WriteString(seg)
		if !more {
			break
		}
		b.WriteByte(after[0])
		rest = after[1:]
	}
	full = b.String()
	start, _, unknown := strings.Cut(full, "*")
	if !strings.Contains(p, "*") {
		full = p // known whole: queue:1:jobs is not queue:2:jobs
	}
	if len(start) < 2 || !strings.ContainsFunc(start, unicode.IsLetter) {
		return "", "", false
	}
	if unknown {
		return start + "*", full, true
	}
	return full, full, true
}

// keyGap returns where a key's text has a part left empty, or -1: after
// a separator at its end or one followed by another ("session_", "a||b",
// "token_.gz"). A key is built as a prefix and a separator before what
// varies; an empty part is where that value was unknown and only a
// fallback, "", was found ("userinfo_" + sub, where sub's getter returns
// "" when the claim is missing).
func keyGap(p string) int {
	const seps = ":|_-."
	for i := 0; i < len(p); i++ {
		if !strings.ContainsRune(seps, rune(p[i])) {
			continue
		}
		if i+1 == len(p) || p[i+1] == p[i] || p[i] != '.' && p[i+1] == '.' {
			return i + 1
		}
	}
	return -1
}

// redisKeyCall reports whether a call, by calleeKey, names Redis keys:
// a client's key command, or go-redis/cache's.
func redisKeyCall(key string) bool {
	if redisKeyCommand(key) {
		return true
	}
	pkg, rest, ok := strings.Cut(key, ".Cache.")
	return ok && pkg == "github.com/go-redis/cache" && !strings.Contains(rest, ".")
}

// redisBus reports whether a service uses Redis only as a message bus:
// it publishes or consumes through pub/sub or streams and runs no command
// on keys. Its Redis is then a broker, not a store, and two services on
// it share no database.
func redisBus(f *facts) bool {
	if f.redisKeys {
		return false
	}
	// A library over the client (go-redis/cache, a rate limiter, a
	// lock) runs its commands where archie does not look; the client's
	// own modules (its tracing hooks) run none. Generic code may call a
	// client's key command on a type argument.
	for pkg := range f.libs {
		if redisClient(pkg.Path()) {
			for _, name := range f.typeParamCalls {
				if obj, ok := pkg.Scope().Lookup("Client").(*types.TypeName); ok && redisKeyCommand(normPath(pkg.Path())+".Client."+name) {
					if m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, pkg, name); m != nil {
						return false
					}
				}
			}
			continue
		}
		if redisModule(pkg.Path()) {
			continue
		}
		for _, imp := range pkg.Imports() {
			if redisClient(imp.Path()) {
				return false
			}
		}
	}
	for _, m := range f.messages {
		if m.protocol == "redis" || m.protocol == "redis-stream" || m.protocol == "redis-sharded" || m.protocol == "redis-list" {
			return true
		}
	}
	return false
}

// redisKeyCommand reports whether a call, by calleeKey, is a go-redis or
// redigo client's method that reads or writes keys: any but those that
// publish, subscribe, work a stream, or manage the client and its
// connection. Do, Send and Process, which may run anything (redigo
// publishes through them too), count as keys.
func redisKeyCommand(key string) bool {
	slash := strings.LastIndexByte(key, '/')
	dot := strings.IndexByte(key[slash+1:], '.')
	if slash < 0 || dot < 0 {
		return false
	}
	pkg, rest := key[:slash+1+dot], key[slash+2+dot:]
	typ, method, ok := strings.Cut(rest, ".")
	if !ok || typ == "" || method == "" {
		return false // a function of the package (NewClient, ParseURL), or none of its
	}
	if !redisClient(pkg) && !goZeroCache(pkg, typ, method) {
		return false
	}
	if strings.HasPrefix(method, "X") && len(method) > 1 && method[1] >= 'A' && method[1] <= 'Z' {
		return false // XADD, XREADGROUP, XACK, XGROUP…: a stream's
	}
	switch method {
	case "Publish", "SPublish", "Subscribe", "PSubscribe", "SSubscribe", "Unsubscribe", "PUnsubscribe", "SUnsubscribe",
		"Receive", "ReceiveMessage", "ReceiveTimeout", "Channel", "ChannelSize", "ChannelWithSubscriptions",
		"PubSubChannels", "PubSubNumSub", "PubSubNumPat", "PubSubShardChannels", "PubSubShardNumSub",
		"Ping", "Close", "Context", "WithContext", "Options", "AddHook", "PoolStats", "Err", "Result", "Val", "String", "Name", "Args":
		return false
	}
	return true
}

// goZeroCache reports whether a method is one of go-zero's that runs
// Redis commands on keys: its own Redis client's, and the row cache of
// the table models goctl generates (sqlc.CachedConn, and cache.Cache
// beneath it), whose key and keys parameters are the cached rows' keys.
// The cached connection's NoCache methods, transactions and sessions run
// SQL only.
func goZeroCache(pkg, typ, method string) bool {
	switch pkg {
	case "github.com/zeromicro/go-zero/core/stores/redis":
		return typ == "Redis" && !strings.HasPrefix(method, "Pipelined") && !strings.HasPrefix(method, "Ping") && !strings.HasPrefix(method, "Publish")
	case "github.com/zeromicro/go-zero/core/stores/sqlc":
		return typ == "CachedConn" && !strings.Contains(method, "NoCache") && !strings.HasPrefix(method, "Transact") && method != "WithSession"
	case "github.com/zeromicro/go-zero/core/stores/cache":
		return typ == "Cache"
	}
	return false
}

// goZeroRowCache reports whether a call, by calleeKey, is one of go-zero's
// row cache (sqlc.CachedConn, cache.Cache): its Redis nodes come from a
// CacheConf of the service's config file, which archie does not place.
func goZeroRowCache(key string) bool {
	return strings.HasPrefix(key, "github.com/zeromicro/go-zero/core/stores/sqlc.CachedConn.") ||
		strings.HasPrefix(key, "github.com/zeromicro/go-zero/core/stores/cache.Cache.")
}

// redisClient reports whether a package path, major version or not, is
// a Redis client's: go-redis's or redigo's.
func redisClient(path string) bool {
	path = normPath(path)
	return path == "github.com/redis/go-redis" || path == "github.com/go-redis/redis" || path == "github.com/gomodule/redigo/redis"
}

// redisModule reports whether a package is of a Redis client's own
// modules (go-redis's extra/redisotel), which add hooks, not commands.
func redisModule(path string) bool {
	return strings.HasPrefix(path, "github.com/redis/go-redis/") || strings.HasPrefix(path, "github.com/go-redis/redis/")
}
