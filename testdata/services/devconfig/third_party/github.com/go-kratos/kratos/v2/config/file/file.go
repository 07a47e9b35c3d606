// Package file is a stand-in for kratos's file source.
package file

type source struct{ path string }

func (source) Load() error { return nil }

func NewSource(path string) source { return source{path} }
