package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/report"
	"github.com/spf13/cobra"
)

type servicesOptions struct {
	load   loadOptions
	format string
	strict bool
}

func newServicesCmd() *cobra.Command {
	var opts servicesOptions
	cmd := &cobra.Command{
		Use:   "services [dir]",
		Short: "List the services, what they serve, call, publish, consume and store",
		Long: `services finds the deployable services below dir (every main package, named
after its folder, or the services: of archie.yaml) and reads from their code
what each one serves (gRPC services, HTTP routes), calls (gRPC and HTTP, with
the service each call reaches), publishes and consumes (Kafka, NATS, AMQP,
Pub/Sub, watermill, asynq, Temporal) and stores (databases, tables,
collections).

Only code reachable from a service's main counts. Hosts and environment keys
are resolved through the docker-compose files and Kubernetes manifests below
dir, then by name (CHECKOUT_SERVICE_ADDR → checkoutservice); what stays
unresolved is listed as such. No archie.yaml is needed.`,
		Example: `  archie services
  archie services --format json > services.json
  archie services --format dot | dot -Tsvg > services.svg`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServices(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, args)
		},
	}
	f := cmd.Flags()
	opts.load.addFlags(f)
	f.StringVar(&opts.format, "format", "text", "output `format`: "+strings.Join(report.ServicesFormats, ", "))
	f.BoolVar(&opts.strict, "strict", false, "fail (exit 2) when any of the code could not be loaded, so facts may be missing")
	return cmd
}

func runServices(ctx context.Context, stdout, stderr io.Writer, opts servicesOptions, args []string) error {
	if !slices.Contains(report.ServicesFormats, opts.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", opts.format, strings.Join(report.ServicesFormats, ", "))
	}
	opts.load.progress = showsProgress(stderr, opts.format)
	opts.load.services = true
	p, err := loadProject(ctx, stderr, opts.load, args, false)
	if err != nil {
		return err
	}
	noServicesNote(stderr, p)
	p.system.Problems = len(p.loadErrors())
	if err := report.Services(stdout, opts.format, p.system, useColor(stdout)); err != nil {
		return err
	}
	if errs := p.loadErrors(); len(errs) > 0 && opts.strict {
		return fmt.Errorf("the services' facts may be incomplete: %s (listed above)", analyze.Problems(errs))
	}
	return nil
}

// noServicesNote says why a run with the services' facts has no service.
func noServicesNote(stderr io.Writer, p *project) {
	switch {
	case len(p.system.Services) > 0:
	case len(p.system.Tools) > 0:
		// A main whose own package did not load may serve what archie
		// could not see: that is no finding.
		broken := make(map[string]bool)
		for _, e := range p.loadErrors() {
			broken[e.Package] = true
		}
		unread := 0
		for _, t := range p.system.Tools {
			if t.Unread || broken[t.Entry] {
				unread++
			}
		}
		if unread > 0 {
			fmt.Fprintf(stderr, "archie: no service below %s, only %s that no deployment file runs and that serve nothing archie found, but %d of them did not load (see above), so what they serve is unknown; fix their load errors, or declare services under services: in archie.yaml\n", relToCwd(p.system.Dir), plural(len(p.system.Tools), "main package"), unread)
			break
		}
		fmt.Fprintf(stderr, "archie: no service below %s, only %s that no deployment file runs and that serve nothing archie found; declare services under services: in archie.yaml\n", relToCwd(p.system.Dir), plural(len(p.system.Tools), "main package"))
	default:
		fmt.Fprintf(stderr, "archie: no main package below %s, so no service; declare them under services: in archie.yaml\n", relToCwd(p.system.Dir))
	}
}
