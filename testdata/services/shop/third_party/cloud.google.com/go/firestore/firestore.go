// Package firestore is a stand-in with the API shape archie recognizes; it does nothing.
package firestore

import "context"

type Client struct{ project string }

func NewClient(ctx context.Context, projectID string) (*Client, error) {
	return &Client{projectID}, nil
}

type CollectionRef struct{ path string }

func (c *Client) Collection(path string) *CollectionRef { return &CollectionRef{path} }

type DocumentRef struct{ id string }

func (c *CollectionRef) Doc(id string) *DocumentRef { return &DocumentRef{id} }
