package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
)

var dualWriteFamily = &Family{
	Name: "dual-write", Kind: "dual-write",
	Summary: "one path writes a table and publishes a message, with no outbox",
	Doc: `A request or message handler that writes a table and publishes a message, each
in its own transaction, loses one of the two when it crashes between them: the
change without its event, or an event for a change that never committed.
archie reports a function of a service's own code in which a call that writes a
table (SQL INSERT, UPDATE, DELETE, MERGE; gorm's Create, Save, Updates, Delete;
bun's inserts, updates and deletes; ent's create, update and delete; mongo's
writes) runs, and a call that publishes a message runs after it on every path,
with both call sites and the write and publish they reach. A write inside a
function the call runs before it returns (a transaction helper's closure)
counts; a handler handed to a router does not. A function that also writes an outbox table (a table whose name
holds "outbox") follows the outbox pattern and is not reported. Write the event
to an outbox table in the change's transaction and publish from there, or
publish first and make the write idempotent on redelivery.`,
	run: func(c *checker) { c.smell("dual-write", c.dualWrite) },
}

func (c *checker) dualWrite(sm *Smell, sev Severity) {
	for _, s := range c.opts.System.Services {
		for _, d := range s.DualWrites {
			if d.Outbox || len(d.Write) == 0 || len(d.Publish) == 0 {
				continue
			}
			fn := shortFunc(d.Function)
			msg := fmt.Sprintf("%s %s and %s in %s, with no outbox: a crash between them loses one",
				s.Name, strings.TrimSpace(d.Write[0].Detail), strings.TrimSpace(d.Publish[0].Detail), fn)
			ev := append(append([]services.Evidence{}, d.Write...), d.Publish...)
			v := c.smellViolation("dual-write", sm, sev, s.Name, "", msg, ev)
			v.Resource = "function " + d.Function
			c.out = append(c.out, v)
		}
	}
}

// shortFunc names a function without its package's path:
// (*example.com/shop/orders.Service).Place is (*orders.Service).Place.
func shortFunc(name string) string {
	// example.com/bar/v2.F is bar.F: a major version names no package.
	name = majorVersion.ReplaceAllString(name, "$1.")
	return pkgDirs.ReplaceAllString(name, "")
}

var (
	majorVersion = regexp.MustCompile(`([^()*/\s]+)/v[0-9]+\.`)
	pkgDirs      = regexp.MustCompile(`(?:[^()*/\s]+/)+`)
)
