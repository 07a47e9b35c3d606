// Package stock uses sales through its api only.
package stock

import (
	_ "example.com/shop/sales/api"
	_ "example.com/shop/sales/ledger" // want `^stock imports sales internals: sales/ledger is not in the api of sales \[contexts\]$`
	_ "fmt"                           // want `^stock imports fmt, which stock-prints-nothing forbids \[stock-prints-nothing, warning\]$`
)
