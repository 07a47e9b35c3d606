// Command mongo opens MongoDB, its URI given through ApplyURI, names a
// collection and writes it.
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
	carts := client.Database("shop").Collection("carts")                                     // want "store mongo collection carts in shop"
	carts.InsertOne(ctx, map[string]any{"id": 1})                                            // want "store mongo collection carts"
	carts.UpdateOne(ctx, nil, nil)                                                           // want "store mongo collection carts"
	carts.DeleteMany(ctx, nil)                                                               // want "store mongo collection carts"
	carts.FindOne(ctx, nil)
	carts.InsertMany(ctx)        // want "store mongo collection carts"
	carts.UpdateMany(ctx)        // want "store mongo collection carts"
	carts.UpdateByID(ctx)        // want "store mongo collection carts"
	carts.ReplaceOne(ctx)        // want "store mongo collection carts"
	carts.DeleteOne(ctx)         // want "store mongo collection carts"
	carts.FindOneAndUpdate(ctx)  // want "store mongo collection carts"
	carts.FindOneAndReplace(ctx) // want "store mongo collection carts"
	carts.FindOneAndDelete(ctx)  // want "store mongo collection carts"
	carts.BulkWrite(ctx)         // want "store mongo collection carts"

	// The database a repository keeps, named once: each collection of it
	// is in that database. One named by a variable nothing sets is not
	// known.
	r := &repo{db: client.Database("orders")}
	r.db.Collection("items") // want "store mongo collection items in orders"
	var name string
	client.Database(name).Collection("notes") // want "store mongo collection notes"
}

type repo struct{ db *mongo.Database }
