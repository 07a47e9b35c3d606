// Package aws stands in for the AWS SDK v2's: its config and pointer
// helper.
package aws

type Config struct{ Region string }

func String(v string) *string { return &v }
