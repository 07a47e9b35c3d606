// Package ledger books what the counter's orders cost.
package ledger

import (
	"fmt"
	"os"

	"github.com/kelseyhightower/envconfig"
	"github.com/spf13/viper"
)

// Config is read from ledger/config.yaml, below the folder the service is
// started in, and the environment.
type Config struct {
	Bus struct {
		Exchange string `mapstructure:"exchange"`
		Queue    string `mapstructure:"queueName"`
		Key      string `mapstructure:"routingKey"`
	} `mapstructure:"bus"`
}

// Env is read from LEDGER_DATABASE_URL: envconfig names a nested
// struct's field after the struct's tag, then its own.
type Env struct {
	Database struct {
		URL string `envconfig:"URL"`
	} `envconfig:"DATABASE"`
}

func Load() (*Config, *Env, error) {
	wd, _ := os.Getwd()
	viper.SetConfigFile(fmt.Sprintf("%s/ledger/config.yaml", wd))
	if err := viper.ReadInConfig(); err != nil {
		return nil, nil, err
	}
	cfg := &Config{}
	if err := viper.Unmarshal(cfg); err != nil {
		return nil, nil, err
	}
	var env Env
	if err := envconfig.Process("ledger", &env); err != nil {
		return nil, nil, err
	}
	return cfg, &env, nil
}
