// Command settlement settles payments in the go-zero style: its Kafka
// topic is in etc/settlement.yaml, loaded into a config struct, never a
// string in the code.
package main

import (
	"context"
	"database/sql"
	"flag"

	"example.com/shop/internal/journal"
	"github.com/zeromicro/go-queue/kq"
	"github.com/zeromicro/go-zero/core/conf"
)

var configFile = flag.String("f", "etc/settlement.yaml", "the config file")

type Config struct {
	Name string
	// Settled is where settlements are pushed.
	Settled struct {
		Brokers []string
		Topic   string
	} `json:"SettledConf"`
	Database struct {
		DataSource string
	}
}

type serviceContext struct {
	Config Config
	pusher *kq.Pusher
}

func newServiceContext(c Config) *serviceContext {
	return &serviceContext{Config: c, pusher: kq.NewPusher(c.Settled.Brokers, c.Settled.Topic)}
}

func main() {
	flag.Parse()
	var c Config
	conf.MustLoad(*configFile, &c)
	svc := newServiceContext(c)
	// Settlement books its own entries: the journal's table is shared.
	db, err := sql.Open("postgres", c.Database.DataSource)
	if err != nil {
		panic(err)
	}
	journal.Book(context.Background(), db, "settled")
	svc.pusher.Push(context.Background(), "settled")
}
