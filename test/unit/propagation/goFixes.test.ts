import * as assert from 'node:assert/strict';
import type { FixKind } from '../../../src/core/propagation/fixes/model';
import { proposeFixes } from '../../../src/core/propagation/fixes/propose';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { noProjectFacts, type ProjectFacts } from '../../../src/core/propagation/project/facts';
import { forwardFirst } from '../../support/forwardFix';
import { sharedEngine } from '../../support/propagationEngine';

const path = '/w/svc/main.go';
const options = defaultPropagationOptions;
const withOtelhttp: ProjectFacts = { ...noProjectFacts, goOtelhttp: true };

/** Applies the forward fix (of `kind`) to the first finding; the result must parse and have one finding fewer. */
async function fixFirst(text: string, kind: FixKind = 'forward-headers', facts = noProjectFacts): Promise<string> {
  return (await forwardFirst(path, text, { kind, facts })).fixed;
}

/** Applies forward fixes until no finding is left. */
async function fixAll(text: string): Promise<string> {
  const engine = await sharedEngine();
  let fixed = text;
  while (engine.analyze({ path, text: fixed, options }).findings.length > 0) fixed = await fixFirst(fixed);
  return fixed;
}

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, `${pattern.flags}g`))?.length ?? 0;

const netHttpHandler = (imports: string, body: string): string => `package main

import (
${imports}
)

func handle(w http.ResponseWriter, r *http.Request) {
${body}
	w.WriteHeader(http.StatusOK)
}
`;

describe('Propagation quick fixes: forward the trace headers in Go', function () {
  this.timeout(30_000);

  it('http.Get and http.Head go through sendWithTraceHeaders on http.DefaultClient, the helpers and the io import added once', async () => {
    const text = netHttpHandler(
      '\t"log"\n\t"net/http"',
      '\tif _, err := http.Get("http://a:8080/x"); err != nil {\n\t\tlog.Print(err)\n\t}\n\tresp, err := http.Head("http://b:8080/healthz")\n\tif err == nil {\n\t\tresp.Body.Close()\n\t}',
    );
    const fixed = await fixAll(text);
    assert.match(fixed, /\tif _, err := sendWithTraceHeaders\(r, http\.DefaultClient, http\.MethodGet, "http:\/\/a:8080\/x", "", nil\); err != nil \{/);
    assert.match(fixed, /\tresp, err := sendWithTraceHeaders\(r, http\.DefaultClient, http\.MethodHead, "http:\/\/b:8080\/healthz", "", nil\)\n/);
    assert.match(fixed, /^import \(\n\t"io"\n\t"log"\n\t"net\/http"\n\)$/m);
    assert.equal(count(fixed, /^func sendWithTraceHeaders\(in \*http\.Request, client \*http\.Client, method, url, contentType string, body io\.Reader\) \(\*http\.Response, error\) \{$/m), 1);
    assert.equal(count(fixed, /^func forwardTraceHeaders\(in \*http\.Request, out \*http\.Request\) \{$/m), 1);
    assert.equal(count(fixed, /"io"/), 1);
    assert.match(fixed, /out, err := http\.NewRequestWithContext\(in\.Context\(\), method, url, body\)[\s\S]*out\.Header\.Set\("Content-Type", contentType\)[\s\S]*forwardTraceHeaders\(in, out\)\n\treturn client\.Do\(out\)/);
  });

  it('http.Post in a gin handler keeps its content type and body, with c.Request as the incoming request', async () => {
    const text = `package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func create(c *gin.Context) {
	res, err := http.Post("http://billing:8080/charges", "application/json", c.Request.Body)
	if err != nil {
		c.Status(http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
}
`;
    const fixed = await fixFirst(text);
    assert.match(fixed, /\tres, err := sendWithTraceHeaders\(c\.Request, http\.DefaultClient, http\.MethodPost, "http:\/\/billing:8080\/charges", "application\/json", c\.Request\.Body\)\n/);
    assert.match(fixed, /^import \(\n\t"io"\n\t"net\/http"\n\n\t"github\.com\/gin-gonic\/gin"\n\)$/m);
  });

  it('http.DefaultClient.Get in an echo handler keeps http.DefaultClient, with c.Request() as the incoming request', async () => {
    const text = `package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func profile(c echo.Context) error {
	resp, err := http.DefaultClient.Get("http://profiles:8080/" + c.Param("id"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return c.NoContent(http.StatusOK)
}
`;
    const fixed = await fixFirst(text);
    assert.match(fixed, /\tresp, err := sendWithTraceHeaders\(c\.Request\(\), http\.DefaultClient, http\.MethodGet, "http:\/\/profiles:8080\/" \+ c\.Param\("id"\), "", nil\)\n/);
  });

  it('Get, Head, Post and PostForm on a client keep that client; PostForm sends the form encoded, importing strings', async () => {
    const text = `package main

import (
	"bytes"
	"net/http"
	"net/url"
	"time"
)

type server struct {
	client *http.Client
}

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: time.Second}
	a, _ := client.Get("http://a:8080/x")
	b, _ := client.Head("http://b:8080/x")
	c, _ := s.client.Post("http://c:8080/x", "text/plain", bytes.NewBufferString("hi"))
	d, _ := s.client.PostForm("http://d:8080/x", url.Values{"q": {"1"}})
	e, _ := s.client.PostForm("http://e:8080/x", r.PostForm)
	for _, resp := range []*http.Response{a, b, c, d, e} {
		if resp != nil {
			resp.Body.Close()
		}
	}
}
`;
    const fixed = await fixAll(text);
    assert.match(fixed, /\ta, _ := sendWithTraceHeaders\(r, client, http\.MethodGet, "http:\/\/a:8080\/x", "", nil\)\n/);
    assert.match(fixed, /\tb, _ := sendWithTraceHeaders\(r, client, http\.MethodHead, "http:\/\/b:8080\/x", "", nil\)\n/);
    assert.match(fixed, /\tc, _ := sendWithTraceHeaders\(r, s\.client, http\.MethodPost, "http:\/\/c:8080\/x", "text\/plain", bytes\.NewBufferString\("hi"\)\)\n/);
    assert.match(
      fixed,
      /\td, _ := sendWithTraceHeaders\(r, s\.client, http\.MethodPost, "http:\/\/d:8080\/x", "application\/x-www-form-urlencoded", strings\.NewReader\(url\.Values\{"q": \{"1"\}\}\.Encode\(\)\)\)\n/,
    );
    assert.match(fixed, /\te, _ := sendWithTraceHeaders\(r, s\.client, http\.MethodPost, "http:\/\/e:8080\/x", "application\/x-www-form-urlencoded", strings\.NewReader\(r\.PostForm\.Encode\(\)\)\)\n/);
    assert.match(fixed, /^import \(\n\t"bytes"\n\t"io"\n\t"net\/http"\n\t"net\/url"\n\t"strings"\n\t"time"\n\)$/m);
    assert.equal(count(fixed, /^func sendWithTraceHeaders\(/m), 1);
    assert.equal(count(fixed, /^func forwardTraceHeaders\(/m), 1);
  });

  it('client.Do(req) with a request built in the handler: the headers are copied onto it before the statement', async () => {
    const text = netHttpHandler(
      '\t"log"\n\t"net/http"',
      [
        '\treq, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://a:8080/x", nil)',
        '\tif _, err := http.DefaultClient.Do(req); err != nil {',
        '\t\tlog.Print(err)',
        '\t}',
        '\tlater, _ := http.NewRequest(http.MethodDelete, "http://b:8080/x", nil)',
        '\tdefer func() {',
        '\t\t_, _ = http.DefaultClient.Do(later.WithContext(r.Context()))',
        '\t}()',
      ].join('\n'),
    );
    const fixed = await fixAll(text);
    assert.match(fixed, /\n\tforwardTraceHeaders\(r, req\)\n\tif _, err := http\.DefaultClient\.Do\(req\); err != nil \{\n/);
    assert.match(fixed, /\n\t\tforwardTraceHeaders\(r, later\)\n\t\t_, _ = http\.DefaultClient\.Do\(later\.WithContext\(r\.Context\(\)\)\)\n/);
    // Do needs no send helper, so nothing is imported for it.
    assert.doesNotMatch(fixed, /sendWithTraceHeaders|"io"/);
    assert.equal(count(fixed, /^func forwardTraceHeaders\(/m), 1);
  });

  it('a single import declaration gets a new one beside it; an aliased net/http gets net/http under its own name for the helpers', async () => {
    const single = await fixFirst('package main\n\nimport "net/http"\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\thttp.Get("http://a:8080/x")\n}\n');
    assert.match(single, /^import "net\/http"\nimport "io"\n/m);
    const aliased = await fixFirst('package main\n\nimport (\n\tnethttp "net/http"\n)\n\nfunc handle(w nethttp.ResponseWriter, r *nethttp.Request) {\n\tnethttp.Get("http://a:8080/x")\n}\n');
    assert.match(aliased, /\tsendWithTraceHeaders\(r, http\.DefaultClient, http\.MethodGet, "http:\/\/a:8080\/x", "", nil\)\n/);
    assert.match(aliased, /^import \(\n\t"io"\n\tnethttp "net\/http"\n\t"net\/http"\n\)$/m);
  });

  it('with otelhttp in go.mod: http.DefaultClient.Get becomes otelhttp.Get with the context; a specific client forwards the headers', async () => {
    const text = netHttpHandler(
      '\t"net/http"\n\t"time"',
      '\tclient := &http.Client{Timeout: time.Second}\n\thttp.DefaultClient.Get("http://a:8080/x")\n\tclient.Post("http://b:8080/x", "text/plain", r.Body)',
    );
    const otel = await fixFirst(text, 'go-otelhttp', withOtelhttp);
    assert.match(otel, /\totelhttp\.Get\(r\.Context\(\), "http:\/\/a:8080\/x"\)\n/);
    assert.match(otel, /\t"time"\n\t"go\.opentelemetry\.io\/contrib\/instrumentation\/net\/http\/otelhttp"\n\)/);
    const forwarded = await fixFirst(otel, 'forward-headers', withOtelhttp);
    assert.match(forwarded, /\tsendWithTraceHeaders\(r, client, http\.MethodPost, "http:\/\/b:8080\/x", "text\/plain", r\.Body\)\n/);
  });

  it('the inserted helper is judged by what it does: without its forwardTraceHeaders call its send is reported', async () => {
    const engine = await sharedEngine();
    const fixed = await fixFirst(netHttpHandler('\t"net/http"', '\thttp.Get("http://a:8080/x")'));
    const broken = fixed.replace('\tforwardTraceHeaders(in, out)\n', '');
    assert.notEqual(broken, fixed);
    const findings = engine.analyze({ path, text: broken, options }).findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, broken.split('\n')[finding.line - 1]?.trim()]),
      [['missing-propagation', 'return client.Do(out)']],
    );
  });

  it('offers no forward fix for a call on another package, such as otelhttp.Get with a context of its own', async () => {
    const engine = await sharedEngine();
    const text = netHttpHandler(
      '\t"context"\n\t"net/http"\n\n\t"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"',
      '\totelhttp.Get(context.Background(), "http://a:8080/x")',
    );
    const analysis = engine.analyze({ path, text, options });
    const [finding] = analysis.findings;
    assert.ok(finding, 'otelhttp.Get with a background context drops the trace');
    const kinds = proposeFixes(engine, { path, text, analysis, options, facts: noProjectFacts }, finding).map((fix) => fix.kind);
    assert.deepEqual(kinds, ['ignore-line', 'ignore-file']);
  });
});
