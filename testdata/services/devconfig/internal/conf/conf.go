// Package conf is catalog's configuration, as protoc-gen-go writes it.
package conf

type Bootstrap struct {
	Data *Data `json:"data,omitempty"`
}

type Data struct {
	Database *Database `json:"database,omitempty"`
}

type Database struct {
	Driver string `json:"driver,omitempty"`
	Source string `json:"source,omitempty"`
}
