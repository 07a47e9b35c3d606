// Package mongo stands in for the MongoDB driver: the API shape archie recognizes, no behaviour.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

type Database struct{}

type Collection struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}
func NewClient(opts ...*options.ClientOptions) (*Client, error) { return &Client{}, nil }

func (c *Client) Database(name string) *Database       { return &Database{} }
func (d *Database) Collection(name string) *Collection { return &Collection{} }
