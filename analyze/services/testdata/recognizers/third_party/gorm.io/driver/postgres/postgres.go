// Package postgres stands in for gorm's postgres driver: the API shape archie recognizes, no behaviour.
package postgres

import "gorm.io/gorm"

func Open(dsn string) gorm.Dialector { return nil }

// Config is what New takes, as in the library.
type Config struct {
	DSN                  string
	PreferSimpleProtocol bool
}

func New(config Config) gorm.Dialector { return nil }
