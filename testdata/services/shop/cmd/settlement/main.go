// Command settlement settles payments in the go-zero style: its Kafka
// topic is in etc/settlement.yaml, loaded into a config struct, never a
// string in the code.
package main

import (
	"context"
	"flag"

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
	svc.pusher.Push(context.Background(), "settled")
}
