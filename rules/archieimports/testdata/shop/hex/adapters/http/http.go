// Package http is an adapter that must not use another one.
package http

import _ "example.com/shop/hex/adapters/db" // want `^adapter hex/adapters/http imports adapter hex/adapters/db`
