// Package viper is a stand-in with the API shape archie reads; it does nothing.
package viper

func SetConfigFile(in string)     {}
func SetConfigType(in string)     {}
func ReadInConfig() error         { return nil }
func Unmarshal(rawVal any) error  { return nil }
func GetString(key string) string { return "" }

func SetDefault(key string, value any) {}
