package services

import "testing"

func TestConfigPath(t *testing.T) {
	tests := []struct {
		dir, name, want string
		ok              bool
	}{
		{"/repo/app/order", "etc/order.yaml", "/repo/app/order/etc/order.yaml", true},
		{"/repo/app/order", "../common/etc/base.yaml", "/repo/app/common/etc/base.yaml", true},
		{"/repo/app/order", "/repo/etc/all.yaml", "/repo/etc/all.yaml", true},
		{"/repo/app/order", "/dev/zero", "/dev/zero", false},
		{"/repo/app/order", "/etc/order/config.yaml", "/etc/order/config.yaml", false},
		{"/repo/app/order", "../../../etc/passwd", "/etc/passwd", false},
		{"/repo/app/order", "../../../repository/x.yaml", "/repository/x.yaml", false},
	}
	for _, tc := range tests {
		got, ok := configPath("/repo", tc.dir, tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("configPath(%q, %q) = %q, %v; want %q, %v", tc.dir, tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
