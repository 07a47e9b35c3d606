// Package hrpc is a stand-in with the API shape archie recognizes; it does nothing.
package hrpc

import "context"

type Get struct{}
type Mutate struct{}
type Scan struct{}
type Result struct{}
type Scanner interface{ Next() (*Result, error) }

type Values = map[string]map[string][]byte

func NewGet(ctx context.Context, table, key []byte) (*Get, error)    { return &Get{}, nil }
func NewGetStr(ctx context.Context, table, key string) (*Get, error) { return &Get{}, nil }

func NewPut(ctx context.Context, table, key []byte, values Values) (*Mutate, error) { return nil, nil }
func NewPutStr(ctx context.Context, table, key string, values Values) (*Mutate, error) {
	return nil, nil
}
func NewDel(ctx context.Context, table, key []byte, values Values) (*Mutate, error) { return nil, nil }
func NewDelStr(ctx context.Context, table, key string, values Values) (*Mutate, error) {
	return nil, nil
}
func NewApp(ctx context.Context, table, key []byte, values Values) (*Mutate, error) { return nil, nil }
func NewAppStr(ctx context.Context, table, key string, values Values) (*Mutate, error) {
	return nil, nil
}
func NewInc(ctx context.Context, table, key []byte, values Values) (*Mutate, error) { return nil, nil }
func NewIncStr(ctx context.Context, table, key string, values Values) (*Mutate, error) {
	return nil, nil
}

func NewIncSingle(ctx context.Context, table, key []byte, family, qualifier string, amount int64) (*Mutate, error) {
	return nil, nil
}

func NewIncStrSingle(ctx context.Context, table, key, family, qualifier string, amount int64) (*Mutate, error) {
	return nil, nil
}

func NewScan(ctx context.Context, table []byte) (*Scan, error)    { return nil, nil }
func NewScanStr(ctx context.Context, table string) (*Scan, error) { return nil, nil }
func NewScanRange(ctx context.Context, table, startRow, stopRow []byte) (*Scan, error) {
	return nil, nil
}
func NewScanRangeStr(ctx context.Context, table, startRow, stopRow string) (*Scan, error) {
	return nil, nil
}
