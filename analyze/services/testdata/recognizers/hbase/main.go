// Command hbase reads and writes HBase tables through gohbase: each
// request names its table.
package main

import (
	"context"

	"github.com/tsuna/gohbase"
	"github.com/tsuna/gohbase/hrpc"
)

func main() {
	ctx := context.Background()
	c := gohbase.NewClient("hbase:2181")       // want "store hbase dsn hbase:2181"
	g, _ := hrpc.NewGetStr(ctx, "users", "u1") // want "store hbase table users"
	c.Get(g)
	hrpc.NewGet(ctx, []byte("sessions"), []byte("s1")) // want "store hbase table sessions"
	p, _ := hrpc.NewPutStr(ctx, "feed", "f1", nil)     // want "store hbase table feed"
	c.Put(p)
	hrpc.NewPut(ctx, []byte("inbox"), []byte("i1"), nil)                // want "store hbase table inbox"
	hrpc.NewDelStr(ctx, "drafts", "d1", nil)                            // want "store hbase table drafts"
	hrpc.NewDel(ctx, []byte("trash"), []byte("t1"), nil)                // want "store hbase table trash"
	hrpc.NewAppStr(ctx, "logs", "l1", nil)                              // want "store hbase table logs"
	hrpc.NewApp(ctx, []byte("events"), []byte("e1"), nil)               // want "store hbase table events"
	hrpc.NewIncStr(ctx, "counters", "c1", nil)                          // want "store hbase table counters"
	hrpc.NewInc(ctx, []byte("likes"), []byte("l1"), nil)                // want "store hbase table likes"
	hrpc.NewIncStrSingle(ctx, "views", "v1", "cf", "n", 1)              // want "store hbase table views"
	hrpc.NewIncSingle(ctx, []byte("plays"), []byte("p1"), "cf", "n", 1) // want "store hbase table plays"
	s, _ := hrpc.NewScanStr(ctx, "videos")                              // want "store hbase table videos"
	c.Scan(s)
	hrpc.NewScan(ctx, []byte("comments"))                               // want "store hbase table comments"
	hrpc.NewScanRangeStr(ctx, "messages", "a", "z")                     // want "store hbase table messages"
	hrpc.NewScanRange(ctx, []byte("follows"), []byte("a"), []byte("z")) // want "store hbase table follows"
}
