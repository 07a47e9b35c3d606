// Package serviceinfo stands in for Kitex's: the API shape archie recognizes, no behaviour.
package serviceinfo

type MethodInfo interface{}

type ServiceInfo struct {
	ServiceName string
	Methods     map[string]MethodInfo
	Extra       map[string]interface{}
}
