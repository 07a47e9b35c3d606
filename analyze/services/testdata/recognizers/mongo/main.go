// Command mongo opens MongoDB, its URI given through ApplyURI, and names
// a collection.
package main

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func main() {
	ctx := context.Background()
	client, _ := mongo.Connect(ctx, options.Client().ApplyURI("mongodb://mongo:27017/shop")) // want "store mongo dsn mongodb://mongo:27017/shop"
	mongo.NewClient(options.Client().ApplyURI("mongodb://mongo2:27017/shop"))                // want "store mongo dsn mongodb://mongo2:27017/shop"
	client.Database("shop").Collection("carts")                                              // want "store mongo collection carts"
}
