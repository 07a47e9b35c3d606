module example.com/kubeenv

go 1.22
