// Package ledger is sales' own.
package ledger

import _ "example.com/shop/sales/api"
