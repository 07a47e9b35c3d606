package services

import "testing"

func TestApplyTrim(t *testing.T) {
	tests := []struct {
		key, in, cut, want string
	}{
		{"strings.TrimRight", "http://orders:8080//", "/", "http://orders:8080"},
		{"strings.TrimSuffix", "http://orders:8080/", "/", "http://orders:8080"},
		{"strings.TrimPrefix", "orders.placed", "orders.", "placed"},
		{"strings.TrimLeft", "//orders", "/", "orders"},
		{"strings.Trim", " /orders/ ", " /", "orders"},
		{"strings.TrimSpace", " orders \n", "", "orders"},
		{"strings.ToLower", "Orders", "", "orders"},
		{"strings.ToUpper", "orders", "", "ORDERS"},
		{"strings.Title", "orders", "", "orders"}, // not one of them: as written
	}
	for _, tt := range tests {
		if got := applyTrim(tt.key, tt.in, tt.cut); got != tt.want {
			t.Errorf("applyTrim(%s, %q, %q) = %q, want %q", tt.key, tt.in, tt.cut, got, tt.want)
		}
	}
}
