// Command gozero opens go-zero's SQL and Redis stores, pushes to and
// consumes from Kafka with go-queue's kq, and serves the routes goctl
// generates in internal/handler/routes.go.
package main

import (
	"context"
	"os"

	"example.com/gozero/internal/handler"
	"example.com/gozero/internal/model"
	"example.com/gozero/internal/svc"
	"github.com/zeromicro/go-queue/kq"
	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/redis"
	"github.com/zeromicro/go-zero/core/stores/sqlc"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
	"github.com/zeromicro/go-zero/rest"
)

type consumer struct{}

func (consumer) Consume(ctx context.Context, key, value string) error { return nil }

func main() {
	conn := sqlx.NewMysql("root@tcp(mysql:3306)/shop") // want "store mysql dsn root@tcp(mysql:3306)/shop"
	conn.Exec("INSERT INTO orders (id) VALUES (?)", 1) // want "store mysql table orders"
	var cc sqlc.CachedConn
	var id int
	cc.QueryRowNoCache(&id, "SELECT id FROM users WHERE id = ?", 1) // want "store mysql table users"
	sqlx.NewSqlConn("postgres", "postgres://db:5432/shop")          // want "store postgres dsn postgres://db:5432/shop"

	rds := redis.New("cache:6379")                                         // want "store redis dsn cache:6379"
	redis.MustNewRedis(redis.RedisConf{Host: "cache2:6379", Type: "node"}) // want "store redis dsn cache2:6379"
	redis.NewRedis(redis.RedisConf{Host: "cache3:6379"})                   // want "store redis dsn cache3:6379"

	orders := model.NewOrdersModel(conn, cache.CacheConf{})
	code, sku := os.Args[1], os.Args[2]
	orders.FindOne(context.Background(), 1)
	orders.FindOneByCode(context.Background(), code)
	orders.Delete(context.Background(), 1, code)
	model.NewStock(rds).Take(context.Background(), sku)

	pusher := kq.NewPusher([]string{"kafka:9092"}, "payments") // want "publish kafka payments"
	pusher.Push(context.Background(), "paid")                  // want "publish kafka payments"
	pusher.KPush(context.Background(), "k", "paid")            // want "publish kafka payments"
	c := kq.KqConf{Topic: "settled"}
	kq.MustNewQueue(c, consumer{}) // want "consume kafka settled"
	kq.NewQueue(c, consumer{})     // want "consume kafka settled"

	server := rest.MustNewServer(rest.RestConf{Port: 8888})
	handler.RegisterHandlers(server, svc.NewServiceContext())
	server.Start()
}
