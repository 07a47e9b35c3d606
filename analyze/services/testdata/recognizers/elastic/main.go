// Command elastic writes and searches Elasticsearch indices with
// olivere/elastic, with go-elasticsearch's request structs and with its
// typed client's builders.
package main

import (
	"context"

	es8 "github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/olivere/elastic/v7"
)

func main() {
	ctx := context.Background()
	c, _ := elastic.NewClient(elastic.SetURL("http://es:9200")) // want "store elasticsearch dsn http://es:9200"
	elastic.NewSimpleClient()                                   // want "store elasticsearch"
	c.Index().Index("products").Do(ctx)                         // want "store elasticsearch table products"
	c.Update().Index("products")                                // want "store elasticsearch table products"
	c.Get().Index("orders")                                     // want "store elasticsearch table orders"
	c.Delete().Index("orders")                                  // want "store elasticsearch table orders"
	c.Search().Index("catalog").Do(ctx)                         // want "store elasticsearch table catalog"
	c.Search("reviews")                                         // want "store elasticsearch table reviews"
	c.CreateIndex("logs")                                       // want "store elasticsearch table logs"
	c.DeleteIndex("old-logs")                                   // want "store elasticsearch table old-logs"
	c.IndexExists("logs")                                       // want "store elasticsearch table logs"

	es, _ := es8.NewClient(es8.Config{Addresses: []string{"http://search:9200"}}) // want "store elasticsearch dsn http://search:9200"
	es8.NewDefaultClient()                                                        // want "store elasticsearch env ELASTICSEARCH_URL"
	esapi.IndexRequest{Index: "posts"}.Do(ctx, es)                                // want "store elasticsearch table posts"
	esapi.GetRequest{Index: "posts"}.Do(ctx, es)                                  // want "store elasticsearch table posts"
	esapi.DeleteRequest{Index: "posts"}.Do(ctx, es)                               // want "store elasticsearch table posts"
	esapi.UpdateRequest{Index: "posts"}.Do(ctx, es)                               // want "store elasticsearch table posts"
	// The client's methods, function values.
	es.Index("feed", nil, es.Index.WithDocumentID("1"))                           // want "store elasticsearch table feed"
	es.Create("feed", "2", nil)                                                   // want "store elasticsearch table feed"
	es.Update("feed", "2", nil)                                                   // want "store elasticsearch table feed"
	es.Delete("feed", "2")                                                        // want "store elasticsearch table feed"
	es.Get("feed", "2")                                                           // want "store elasticsearch table feed"
	es.Exists("feed", "2")                                                        // want "store elasticsearch table feed"
	es.Search(es.Search.WithContext(ctx), es.Search.WithIndex("feed", "archive")) // want "store elasticsearch table feed" "store elasticsearch table archive"
	es.Count(es.Count.WithIndex("feed"))                                          // want "store elasticsearch table feed"
	// Their indices are their first argument, as in the library.
	es.DeleteByQuery([]string{"stale", "old"}, nil)                     // want "store elasticsearch table stale" "store elasticsearch table old"
	es.UpdateByQuery([]string{"stale"})                                 // want "store elasticsearch table stale"
	esapi.SearchRequest{Index: []string{"posts", "drafts"}}.Do(ctx, es) // want "store elasticsearch table posts" "store elasticsearch table drafts"

	// The typed client: each request names its index where it is built.
	tc, _ := es8.NewTypedClient(es8.Config{Addresses: []string{"http://typed:9200"}}) // want "store elasticsearch dsn http://typed:9200"
	tc.Index("products").Request(nil).Do(ctx)                                         // want "store elasticsearch table products"
	tc.Get("products", "1").Do(ctx)                                                   // want "store elasticsearch table products"
	tc.Create("products", "2").Request(nil).Do(ctx)                                   // want "store elasticsearch table products"
	tc.Update("products", "2").Do(ctx)                                                // want "store elasticsearch table products"
	tc.Exists("products", "2").Do(ctx)                                                // want "store elasticsearch table products"
	tc.Delete("products", "1").Do(ctx)                                                // want "store elasticsearch table products"
	tc.Search().Index("catalog").Do(ctx)                                              // want "store elasticsearch table catalog"
	tc.Count().Index("catalog").Do(ctx)                                               // want "store elasticsearch table catalog"
}
