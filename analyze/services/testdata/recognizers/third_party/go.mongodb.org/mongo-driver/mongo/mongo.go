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

func (c *Collection) InsertOne(ctx context.Context, doc any) (any, error)            { return nil, nil }
func (c *Collection) UpdateOne(ctx context.Context, filter, update any) (any, error) { return nil, nil }
func (c *Collection) DeleteMany(ctx context.Context, filter any) (any, error)        { return nil, nil }
func (c *Collection) FindOne(ctx context.Context, filter any) any                    { return nil }
func (c *Collection) InsertMany(ctx context.Context, args ...any) (any, error)       { return nil, nil }
func (c *Collection) UpdateMany(ctx context.Context, args ...any) (any, error)       { return nil, nil }
func (c *Collection) UpdateByID(ctx context.Context, args ...any) (any, error)       { return nil, nil }
func (c *Collection) ReplaceOne(ctx context.Context, args ...any) (any, error)       { return nil, nil }
func (c *Collection) DeleteOne(ctx context.Context, args ...any) (any, error)        { return nil, nil }
func (c *Collection) FindOneAndUpdate(ctx context.Context, args ...any) (any, error) { return nil, nil }
func (c *Collection) FindOneAndReplace(ctx context.Context, args ...any) (any, error) {
	return nil, nil
}
func (c *Collection) FindOneAndDelete(ctx context.Context, args ...any) (any, error) { return nil, nil }
func (c *Collection) BulkWrite(ctx context.Context, args ...any) (any, error)        { return nil, nil }
