// Package core reaches adapters only through ports.
package core

import (
	_ "errors"

	db "example.com/shop/hex/adapters/db" // want `^core imports adapter hex/adapters/db`
)

var _ = db.X
