package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// A progress says on a terminal what a long load is doing: after a second
// of work, one line on stderr with the phase and the time spent, rewritten
// in place and cleared when the work ends. It says nothing in CI, on a file
// or a pipe, or for machine formats, so logs and redirected output stay
// what they were.
type progress struct {
	w     io.Writer
	delay time.Duration // before the first line: progressDelay
	start time.Time
	mu    sync.Mutex
	phase string
	shown bool
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
}

// progressDelay is how long work runs before its progress is shown.
const progressDelay = time.Second

// newProgress starts a progress on w when it should speak (see
// showsProgress); otherwise it returns nil, whose methods do nothing.
func newProgress(w io.Writer, on bool) *progress {
	if !on {
		return nil
	}
	return startProgress(w, progressDelay)
}

func startProgress(w io.Writer, delay time.Duration) *progress {
	p := &progress{w: w, delay: delay, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go p.run()
	return p
}

// showsProgress reports whether progress may be shown on w for output in
// format: a terminal, outside CI, for text.
func showsProgress(w io.Writer, format string) bool {
	if format != "text" || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// set names the phase the work is in: "type-checking 385 packages".
func (p *progress) set(format string, args ...any) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.phase = fmt.Sprintf(format, args...)
	p.mu.Unlock()
}

// say sets the phase to msg; it is a func(string) for packages that
// report what they do without knowing how it is shown.
func (p *progress) say(msg string) { p.set("%s", msg) }

func (p *progress) run() {
	defer close(p.done)
	t := time.NewTimer(p.delay)
	defer t.Stop()
	select {
	case <-p.stop:
		return
	case <-t.C:
	}
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		p.draw()
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r\033[Karchie: %s… %.1f s", p.phase, time.Since(p.start).Seconds())
	p.shown = true
}

// end stops the progress and clears its line, before the output it was
// waiting for is written. Ending it again does nothing.
func (p *progress) end() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		<-p.done
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.shown {
			fmt.Fprint(p.w, "\r\033[K")
		}
	})
}
