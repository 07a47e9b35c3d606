// Command accounting books settlements in the go-zero style: the topic
// it consumes and its database come from etc/accounting.yaml.
package main

import (
	"context"
	"database/sql"
	"flag"

	"example.com/shop/internal/journal"
	"github.com/zeromicro/go-queue/kq"
	"github.com/zeromicro/go-zero/core/conf"
)

var configFile = flag.String("f", "etc/accounting.yaml", "the config file")

type Config struct {
	Settlements kq.KqConf
	Database    struct {
		DataSource string
	}
}

type booker struct{ db *sql.DB }

func (b booker) Consume(ctx context.Context, key, value string) error {
	return journal.Book(ctx, b.db, value)
}

func main() {
	flag.Parse()
	var c Config
	if err := conf.Load(*configFile, &c); err != nil {
		panic(err)
	}
	db, err := sql.Open("postgres", c.Database.DataSource)
	if err != nil {
		panic(err)
	}
	q := kq.MustNewQueue(c.Settlements, booker{db: db})
	q.Start()
}
