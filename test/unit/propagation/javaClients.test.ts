import * as assert from 'node:assert/strict';
import type { FileAnalysis, OutboundCall } from '../../../src/core/propagation/model';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import type { ProjectFacts } from '../../../src/core/propagation/project/facts';
import { sharedEngine } from '../../support/propagationEngine';

async function analyze(text: string, facts?: ProjectFacts): Promise<FileAnalysis> {
  return (await sharedEngine()).analyze({ path: '/w/src/main/java/shop/Api.java', text, options: defaultPropagationOptions, ...(facts ? { facts } : {}) });
}

/** The calls of a file as `library METHOD url status`, in source order. */
function summary(analysis: FileAnalysis): string[] {
  return analysis.calls.map((call: OutboundCall) => `${call.library} ${call.method ?? '-'} ${call.url?.value ?? call.url?.text ?? '-'} ${call.propagation.status}`);
}

const springController = (body: string, fields = ''): string => `package shop;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;

@RestController
class Api {
    private final WebClient catalog = WebClient.create("http://catalog:8080");
${fields}
    @GetMapping("/items/{id}")
    public String item(@PathVariable String id, HttpServletRequest request, @RequestHeader HttpHeaders incoming) {
${body}
        return id;
    }
}
`;

const jaxrsResource = (body: string, fields = ''): string => `package inv;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

@Path("/stock")
public class Stock {
    private final Client client = ClientBuilder.newClient();
${fields}
    @GET
    public String stock(@Context HttpHeaders headers) {
${body}
        return "";
    }
}
`;

describe('Propagation engine: Java WebClient and JAX-RS client calls', function () {
  this.timeout(20_000);

  it('WebClient: the verb, the URI and what the chain sends, from create(), builder(), fields and locals', async () => {
    const analysis = await analyze(
      springController(`        catalog.get().uri("http://catalog:8080/items/{id}", id).retrieve().bodyToMono(String.class).block();
        catalog.post().uri("/items").header("traceparent", incoming.getFirst("traceparent")).bodyValue(id).retrieve().toBodilessEntity().block();
        catalog.put().uri("/items/" + id).header("x-request-id", request.getHeader("x-request-id")).retrieve().toBodilessEntity().block();
        catalog.method(HttpMethod.PATCH).uri("/items").headers(h -> h.addAll(incoming)).retrieve().toBodilessEntity().block();
        WebClient local = WebClient.builder().baseUrl("http://stock:8080").build();
        local.delete().uri("/reservations/" + id).retrieve().toBodilessEntity().block();
        WebClient.create().get().uri("http://prices:8080/").retrieve().bodyToMono(String.class).block();`),
    );
    assert.deepEqual(summary(analysis), [
      'webclient GET http://catalog:8080/items/{id} missing',
      'webclient POST /items propagates',
      'webclient PUT "/items/" + id incomplete',
      'webclient - /items propagates',
      'webclient DELETE "/reservations/" + id missing',
      'webclient GET http://prices:8080/ missing',
    ]);
    const [first] = analysis.calls;
    assert.equal(first?.callee, 'catalog.get');
    // The finding is on the start of the chain, and names the call and the handler.
    const [finding] = analysis.findings;
    assert.ok(finding);
    assert.deepEqual([finding.line, finding.column], [15, 9]);
    assert.match(finding.message, /`catalog\.get\(…\)` in `Api\.item` \(spring handler GET \/items\/\{id\}\)/);
  });

  it('WebClient: a client built with filters, or a bean a tracing bridge instruments, propagates', async () => {
    const filtered = await analyze(
      springController(
        '        traced.get().uri("/a").retrieve().bodyToMono(String.class).block();',
        '    private final WebClient traced = WebClient.builder().filter(tracingFilter()).build();\n',
      ),
    );
    assert.equal(filtered.calls.find((call) => call.callee === 'traced.get')?.propagation.status, 'propagates');
    const bean = `import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;

@RestController
class Api {
    private final WebClient injected;

    Api(WebClient injected) {
        this.injected = injected;
    }

    @GetMapping("/a")
    String a(HttpServletRequest request) {
        return injected.get().uri("/a").retrieve().bodyToMono(String.class).block();
    }
}
`;
    assert.equal((await analyze(bean)).calls[0]?.propagation.status, 'missing');
    const withBridge = await analyze(bean, { autoInstrumented: new Map(), goOtelhttp: false, springTracing: 'pom.xml: micrometer-tracing-bridge-otel' });
    const [bridged] = withBridge.calls;
    assert.ok(bridged);
    assert.equal(bridged.propagation.status, 'propagates');
    assert.match(bridged.propagation.reason, /micrometer-tracing-bridge-otel/);
  });

  it('WebClient calls outside handlers are not reported', async () => {
    const text = springController('', `    @org.springframework.scheduling.annotation.Scheduled(fixedRate = 1000)\n    void refresh() {\n        catalog.get().uri("/refresh").retrieve().bodyToMono(String.class).block();\n    }\n`);
    const analysis = await analyze(text);
    assert.deepEqual(summary(analysis), ['webclient GET /refresh outside-inbound-scope']);
    assert.deepEqual(analysis.findings, []);
  });

  it('JAX-RS client: target, request, headers set on the invocation builder, and the verb', async () => {
    const analysis = await analyze(
      jaxrsResource(`        client.target("http://warehouse:8080/levels").request().get(String.class);
        client.target("http://warehouse:8080/levels").request().header("traceparent", headers.getHeaderString("traceparent")).get(String.class);
        client.target("http://billing:8080/holds").request().header("tracestate", headers.getHeaderString("tracestate")).post(Entity.json("x"));
        ClientBuilder.newClient().target("http://audit:8080/log").request().method("PATCH");
        other.target("http://mail:8080/send").request().header("b3", headers.getHeaderString("b3")).put(Entity.json("x"));`,
      '    private final Client other = ClientBuilder.newBuilder().build();\n'),
    );
    assert.deepEqual(summary(analysis), [
      'jax-rs-client GET http://warehouse:8080/levels missing',
      'jax-rs-client GET http://warehouse:8080/levels propagates',
      'jax-rs-client POST http://billing:8080/holds incomplete',
      'jax-rs-client PATCH http://audit:8080/log missing',
      'jax-rs-client PUT http://mail:8080/send propagates',
    ]);
    assert.equal(analysis.handlers.find((handler) => handler.framework === 'jax-rs')?.requestParameter?.name, 'headers');
  });

  it('JAX-RS client: a call in a method that does not receive the request is not reported', async () => {
    const helper = await analyze(jaxrsResource('        refresh();', '    void refresh() { client.target("http://cache:8080/").request().get(String.class); }\n'));
    assert.deepEqual(summary(helper), ['jax-rs-client GET http://cache:8080/ outside-inbound-scope']);
    assert.deepEqual(helper.findings, []);
  });

});
