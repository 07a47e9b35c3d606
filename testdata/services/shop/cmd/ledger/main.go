// Command ledger records payments over gRPC.
package main

import (
	"context"
	"net/http"
	"os"

	"example.com/shop/gen/ledgerv1"
	"github.com/gorilla/mux"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"google.golang.org/grpc"
)

type ledger struct {
	entries *mongo.Collection
	cache   *redis.Client
}

// prefix is where ledger's HTTP routes live: at the root, unless
// LEDGER_PREFIX moves them.
var prefix = ""

func main() {
	if p := os.Getenv("LEDGER_PREFIX"); p != "" {
		prefix = p
	}
	ctx := context.Background()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URI")))
	if err != nil {
		panic(err)
	}
	l := &ledger{entries: client.Database("ledger").Collection("entries"), cache: redis.NewClient(&redis.Options{Addr: "cache:6379"})}

	r := mux.NewRouter()
	r.HandleFunc(prefix+"/health", func(w http.ResponseWriter, r *http.Request) {}).Methods("GET")
	go http.ListenAndServe(":8081", r)

	s := grpc.NewServer()
	ledgerv1.RegisterLedgerServer(s, l)
	s.Serve(":9090")
}

// Record asks payments for its status first: a call back to the caller.
func (l *ledger) Record(ctx context.Context, req *ledgerv1.RecordRequest) (*ledgerv1.RecordReply, error) {
	resp, err := http.Get("http://" + os.Getenv("PAYMENTS_ADDR") + "/status")
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	l.cache.Get(ctx, "balance")
	return &ledgerv1.RecordReply{}, l.entries.InsertOne(ctx, req)
}
