package domain_test

import (
	_ "example.com/shop/domain"
	_ "example.com/shop/web"
)
