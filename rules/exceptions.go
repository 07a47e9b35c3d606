package rules

import (
	"fmt"
	"path/filepath"
	"time"
)

var exceptionsFamily = &Family{
	Name:    "exceptions",
	Kind:    "exception-expired",
	Summary: "accepted debts hide their violations until they expire",
	Doc: `exceptions accept violations of imports from one set of packages to another,
each with a why and optionally an until date. Until that day has passed the
matching violations are not reported; after it, they are reported again and
the exception itself is reported as expired, so that a debt taken "for one
sprint" cannot become permanent without anyone deciding it.`,
	run: applyExceptions,
}

// applyExceptions runs last: it removes the violations that live exceptions
// cover and reports the exceptions that have expired.
func applyExceptions(c *checker) {
	if len(c.cfg.Exceptions) == 0 {
		return
	}
	used := c.cover()
	file := filepath.Base(c.cfg.File)
	for i, e := range c.cfg.Exceptions {
		if !c.expired(e) {
			// A live exception that hides nothing is stale: the debt was
			// paid, or its patterns no longer say what they meant. It
			// fails nothing, but should be removed before it hides a
			// new violation nobody accepted.
			if !used[i] && c.opts.Complete {
				c.out = append(c.out, Violation{
					Kind: "exception-unused", Rule: "exceptions", Severity: SeverityWarning,
					From: e.From.Text, To: e.To.Text,
					Position: Position{File: file, Line: e.Pos.Line, Column: e.Pos.Column},
					Message:  fmt.Sprintf("the exception for %s → %s hides no violation: remove it", e.From, e.To),
					Why:      e.Why,
				})
			}
			continue
		}
		c.out = append(c.out, Violation{
			Kind: "exception-expired", Rule: "exceptions", Severity: SeverityError,
			From: e.From.Text, To: e.To.Text,
			Position: Position{File: file, Line: e.Pos.Line, Column: e.Pos.Column},
			Message:  fmt.Sprintf("the exception for %s → %s expired on %s: fix the imports or renew it with a new date", e.From, e.To, e.Until.Format(time.DateOnly)),
			Why:      e.Why,
		})
	}
}

// expired reports whether the exception's until day has passed: until is
// the last day it holds.
func (c *checker) expired(e Exception) bool {
	return !e.Until.IsZero() && c.opts.Now.After(e.Until.Add(24*time.Hour))
}

// cover removes the violations that a live exception covers and returns,
// for each exception, whether it covered any.
func (c *checker) cover() (used []bool) {
	used = make([]bool, len(c.cfg.Exceptions))
	if len(used) == 0 {
		return used
	}
	kept := c.out[:0]
	for _, v := range c.out {
		covered := false
		for i, e := range c.cfg.Exceptions {
			if !c.expired(e) && e.From.match(c.ref(v.From)) && e.To.match(c.ref(v.To)) {
				covered, used[i] = true, true
				break
			}
		}
		if !covered {
			kept = append(kept, v)
		}
	}
	c.out = kept
	return used
}
