// Package aws stands in for the AWS SDK v1's.
package aws

import "context"

type Context = context.Context

type Config struct{}

func String(v string) *string { return &v }
