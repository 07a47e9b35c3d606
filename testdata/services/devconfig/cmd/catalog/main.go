// Command catalog serves items, configured as a kratos service is.
package main

import (
	"flag"
	"net/http"

	"example.com/devconfig/internal/conf"
	"example.com/devconfig/internal/data"
	"github.com/go-kratos/kratos/v2/config"
	"github.com/go-kratos/kratos/v2/config/file"
)

var flagconf string

func init() { flag.StringVar(&flagconf, "conf", "configs", "config path") }

func main() {
	flag.Parse()
	c := config.New(config.WithSource(file.NewSource(flagconf)))
	if err := c.Load(); err != nil {
		panic(err)
	}
	var bc conf.Bootstrap
	if err := c.Scan(&bc); err != nil {
		panic(err)
	}
	data.NewDB(bc.Data)
	http.HandleFunc("/items", func(http.ResponseWriter, *http.Request) {})
	http.ListenAndServe(":8000", nil)
}
