// Package mongo is a stand-in with the API shape archie recognizes; it does nothing.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{ opts []*options.ClientOptions }

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{opts}, nil
}

type Database struct{ name string }

func (c *Client) Database(name string) *Database { return &Database{name} }

type Collection struct{ name string }

func (d *Database) Collection(name string) *Collection { return &Collection{name} }

func (c *Collection) InsertOne(ctx context.Context, doc any) error { return nil }
