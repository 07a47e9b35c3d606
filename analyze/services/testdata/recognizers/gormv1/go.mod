module example.com/gormv1

go 1.22

require github.com/jinzhu/gorm v1.9.16
