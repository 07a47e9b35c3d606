module example.com/elastic

go 1.22

require (
	github.com/elastic/go-elasticsearch/v8 v8.10.0
	github.com/olivere/elastic/v7 v7.0.32
)
