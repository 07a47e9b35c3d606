// Package koanf is a stand-in for koanf: the API shape archie reads, no behaviour.
package koanf

type Provider interface{ ReadBytes() ([]byte, error) }

type Koanf struct{}

func New(delim string) *Koanf                       { return &Koanf{} }
func (k *Koanf) Load(p Provider, parser any) error  { return nil }
func (k *Koanf) Unmarshal(path string, o any) error { return nil }
