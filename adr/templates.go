package adr

import "sort"

// Templates are the built-in record templates, by the name --format takes.
// They use adr-tools' placeholders: the first NUMBER, TITLE, DATE and
// STATUS on a line are replaced.
var Templates = map[string]string{
	"nygard": `# NUMBER. TITLE

Date: DATE

## Status

STATUS

## Context

The forces at play: what makes a decision necessary now, and what limits the choice.

## Decision

What we will do, in full sentences and the active voice: "We will ...".

## Consequences

What becomes easier and what becomes harder once this is done, including the risks we accept.
`,
	"madr": `---
status: STATUS
date: DATE
decision-makers:
consulted:
informed:
---

# TITLE

## Context and Problem Statement

The situation and the question this decision answers, in two or three sentences.

## Decision Drivers

* a force or concern that shapes the choice

## Considered Options

* the first option
* the second option

## Decision Outcome

Chosen option: "the first option", because it is the only one that meets the drivers above.

### Consequences

* Good, because it makes something easier
* Bad, because it makes something harder

### Confirmation

How we will know the decision is followed: a review, a test, or an archie.yaml rule that cites this record.

## Pros and Cons of the Options

### the first option

* Good, because ...
* Bad, because ...

### the second option

* Good, because ...
* Bad, because ...

## More Information

Links to evidence, related decisions, and when to revisit this one.
`,
	"madr-minimal": `---
status: STATUS
date: DATE
decision-makers:
---

# TITLE

## Context and Problem Statement

The situation and the question this decision answers, in two or three sentences.

## Considered Options

* the first option
* the second option

## Decision Outcome

Chosen option: "the first option", because it is the only one that meets our needs.

### Consequences

* Good, because it makes something easier
* Bad, because it makes something harder
`,
}

// initTemplates hold the first record of a new log, in each format.
var initTemplates = map[string]string{
	"nygard": `# NUMBER. TITLE

Date: DATE

## Status

STATUS

## Context

Decisions about how this system is built are made in conversations, pull requests and chat threads, and the reasons are lost with them. People who join later cannot tell a deliberate choice from an accident.

## Decision

We will record every architecturally significant decision in a short markdown file in this directory, numbered in order, in the format Michael Nygard describes in "Documenting Architecture Decisions": context, decision, consequences.

## Consequences

A decision can be found, read and argued with long after it was made. Changing one means writing a new record that supersedes it. Rules in archie.yaml can cite the record that justifies them, and archie checks that they still do.
`,
	"madr": `---
status: STATUS
date: DATE
---

# TITLE

## Context and Problem Statement

Decisions about how this system is built are made in conversations, pull requests and chat threads, and the reasons are lost with them. How do we keep them?

## Considered Options

* Markdown Architectural Decision Records (MADR) in this directory
* a wiki page
* nothing written down

## Decision Outcome

Chosen option: "Markdown Architectural Decision Records", because they live and change with the code, are reviewed like it, and archie can check the rules that cite them.

### Consequences

* Good, because a decision can be found, read and argued with long after it was made
* Bad, because writing one takes a few minutes per decision
`,
}

func init() { initTemplates["madr-minimal"] = initTemplates["madr"] }

// TemplateNames lists the built-in templates.
func TemplateNames() []string {
	names := make([]string, 0, len(Templates))
	for n := range Templates {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
