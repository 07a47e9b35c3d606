// Package firestore stands in for Cloud Firestore: the API shape archie recognizes, no behaviour.
package firestore

import "context"

type Client struct{}

type CollectionRef struct{}

func NewClient(ctx context.Context, projectID string) (*Client, error) { return &Client{}, nil }

func (c *Client) Collection(path string) *CollectionRef { return &CollectionRef{} }
