// Command ledger books every order the baristas and the kitchen finish.
package main

import (
	"context"
	"flag"
	"net/http"
	"os"

	"example.com/messaging/bus"
	"example.com/messaging/ledger"
	"github.com/jackc/pgx/v5"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/spf13/viper"
)

// counter's URL: a flag whose default no deployment overrides is as
// fixed as a literal.
var counterURL = flag.String("counter-url", "http://counter:8080", "where counter answers")

func main() {
	flag.Parse()
	http.Get(*counterURL + "/totals")
	cfg, env, err := ledger.Load()
	if err != nil {
		panic(err)
	}
	db, _ := pgx.Connect(context.Background(), env.Database.URL)
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	// The exchange audit events go to is the deployment's to say.
	// Its routing key is a default viper is given; the queue's name is
	// read from the file viper loaded.
	viper.SetDefault("audit.key", "booked")
	audit := bus.NewPublisher(conn).Configure(bus.Exchange(os.Getenv("AUDIT_EXCHANGE")), bus.Key(viper.GetString("audit.key")))
	c := bus.NewConsumer(conn, bus.FromExchange(cfg.Bus.Exchange), bus.Queue(viper.GetString("bus.queueName")), bus.Binding(cfg.Bus.Key))
	c.Start(func(d amqp.Delivery) {
		// The entry is booked in a transaction a helper runs, and the
		// audit event published after it commits: two writes.
		ctx := context.Background()
		if err := inTx(ctx, db, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, "INSERT INTO entries (amount) VALUES ($1)", 1)
			return err
		}); err != nil {
			return
		}
		audit.Publish(ctx, d.Body)
	})
	audit.Publish(context.Background(), []byte("closed"))
}

// txFunc is work done in a transaction; a func literal given for it is
// converted to it.
type txFunc func(pgx.Tx) error

// inTx runs f in a transaction of db.
func inTx(ctx context.Context, db *pgx.Conn, f txFunc) error {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
