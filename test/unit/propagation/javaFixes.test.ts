import * as assert from 'node:assert/strict';
import { proposeFixes } from '../../../src/core/propagation/fixes/propose';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { noProjectFacts } from '../../../src/core/propagation/project/facts';
import { forwardFirst as forwardOnce } from '../../support/forwardFix';
import { sharedEngine } from '../../support/propagationEngine';

const path = '/w/src/main/java/shop/Api.java';
const options = defaultPropagationOptions;

async function forwardFirst(text: string): Promise<string> {
  return (await forwardOnce(path, text)).fixed;
}

const controller = (imports: string, parameters: string, body: string, fields = ''): string => `package shop;

${imports}
import org.springframework.http.*;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
public class Api {
    private final RestTemplate rest = new RestTemplate();
${fields}
    @PostMapping("/orders")
    public String create(${parameters}) throws Exception {
${body}
        return "";
    }
}
`;

const servlet = 'import jakarta.servlet.http.HttpServletRequest;';

describe('Propagation quick fixes: forward the trace headers in Java', function () {
  this.timeout(30_000);

  it('RestTemplate getForObject becomes exchange with the forwarded headers, through a helper added once', async () => {
    const text = controller(servlet, '@RequestBody String body, HttpServletRequest request', '        String a = rest.getForObject("http://a:8080/x/{id}", String.class, 7);\n        rest.delete("http://b:8080/x");');
    const once = await forwardFirst(text);
    assert.match(once, /rest\.exchange\("http:\/\/a:8080\/x\/\{id\}", HttpMethod\.GET, new HttpEntity<>\(forwardTraceHeaders\(request\)\), String\.class, 7\)\.getBody\(\)/);
    assert.match(once, /private static org\.springframework\.http\.HttpHeaders forwardTraceHeaders\(HttpServletRequest incoming\) \{/);
    assert.match(once, /String value = incoming\.getHeader\(name\);/);
    const twice = await forwardFirst(once);
    assert.match(twice, /rest\.exchange\("http:\/\/b:8080\/x", HttpMethod\.DELETE, new HttpEntity<>\(forwardTraceHeaders\(request\)\), Void\.class\)/);
    assert.equal(twice.match(/HttpHeaders forwardTraceHeaders\(/g)?.length, 1);
  });

  it('RestTemplate with an HttpHeaders it already sends: the headers are added to it, before the call', async () => {
    const text = controller(
      '',
      '@RequestBody String body, @RequestHeader HttpHeaders incoming',
      '        HttpHeaders headers = new HttpHeaders();\n        headers.setContentType(MediaType.APPLICATION_JSON);\n        rest.postForEntity("http://a:8080/x", new HttpEntity<>(body, headers), String.class);',
    );
    const fixed = await forwardFirst(text);
    assert.match(fixed, /\n {8}headers\.addAll\(forwardTraceHeaders\(incoming\)\);\n {8}rest\.postForEntity/);
    assert.match(fixed, /forwardTraceHeaders\(HttpHeaders incoming\)[\s\S]*String value = incoming\.getFirst\(name\);/);
  });

  it('RestTemplate with a plain body: the body is sent in an entity with the forwarded headers', async () => {
    const text = controller(servlet, '@RequestBody String body, HttpServletRequest request', '        rest.postForObject("http://a:8080/x", body, String.class);');
    assert.match(await forwardFirst(text), /rest\.postForObject\("http:\/\/a:8080\/x", new HttpEntity<>\(body, forwardTraceHeaders\(request\)\), String\.class\)/);
  });

  it('WebClient: .headers(…) after the URI', async () => {
    const text = controller(
      `${servlet}\nimport org.springframework.web.reactive.function.client.WebClient;`,
      'HttpServletRequest request',
      '        web.post().uri("/x").bodyValue("{}").retrieve().toBodilessEntity().block();',
      '    private final WebClient web = WebClient.create("http://a:8080");\n',
    );
    assert.match(await forwardFirst(text), /web\.post\(\)\.uri\("\/x"\)\.headers\(outgoing -> outgoing\.addAll\(forwardTraceHeaders\(request\)\)\)\.bodyValue/);
  });

  it('JDK HttpClient and OkHttp: the request builder goes through withTraceHeaders(…) before build()', async () => {
    const text = controller(
      `${servlet}\nimport java.net.URI;\nimport java.net.http.HttpClient;\nimport java.net.http.HttpRequest;\nimport java.net.http.HttpResponse;\nimport okhttp3.OkHttpClient;\nimport okhttp3.Request;`,
      'HttpServletRequest request',
      [
        '        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://a:8080/ping")).GET().build();',
        '        http.send(ping, HttpResponse.BodyHandlers.discarding());',
        '        ok.newCall(new Request.Builder().url("http://b:8080/").build()).execute();',
      ].join('\n'),
      '    private final HttpClient http = HttpClient.newHttpClient();\n    private final OkHttpClient ok = new OkHttpClient();\n',
    );
    const jdk = await forwardFirst(text);
    assert.match(jdk, /HttpRequest ping = withTraceHeaders\(HttpRequest\.newBuilder\(URI\.create\("http:\/\/a:8080\/ping"\)\)\.GET\(\), request\)\.build\(\);/);
    assert.match(jdk, /private static java\.net\.http\.HttpRequest\.Builder withTraceHeaders\(java\.net\.http\.HttpRequest\.Builder builder, HttpServletRequest incoming\)/);
    const both = await forwardFirst(jdk);
    assert.match(both, /ok\.newCall\(withTraceHeaders\(new Request\.Builder\(\)\.url\("http:\/\/b:8080\/"\), request\)\.build\(\)\)\.execute\(\)/);
    assert.match(both, /private static okhttp3\.Request\.Builder withTraceHeaders\(okhttp3\.Request\.Builder builder, HttpServletRequest incoming\)/);
  });

  it('JAX-RS client: the invocation builder goes through withTraceHeaders(…), reading the JAX-RS HttpHeaders', async () => {
    const text = `package inv;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

@Path("/stock")
public class Stock {
    private final Client client = ClientBuilder.newClient();

    @GET
    public String stock(@Context HttpHeaders headers) {
        return client.target("http://warehouse:8080/levels").request().get(String.class);
    }
}
`;
    const fixed = await forwardFirst(text);
    assert.match(fixed, /return withTraceHeaders\(client\.target\("http:\/\/warehouse:8080\/levels"\)\.request\(\), headers\)\.get\(String\.class\);/);
    assert.match(fixed, /jakarta\.ws\.rs\.client\.Invocation\.Builder withTraceHeaders\(jakarta\.ws\.rs\.client\.Invocation\.Builder builder, HttpHeaders incoming\)[\s\S]*incoming\.getHeaderString\(name\)/);
  });

  it('RestTemplate execute: the request callback adds the forwarded headers (null, lambda or a callback it calls)', async () => {
    const body = (callback: string): string => `        rest.execute("http://a:8080/x", HttpMethod.POST, ${callback}, response -> null);`;
    const parameters = 'HttpServletRequest request';
    const fromNull = await forwardFirst(controller(servlet, parameters, body('null')));
    assert.match(fromNull, /rest\.execute\("http:\/\/a:8080\/x", HttpMethod\.POST, outgoing -> outgoing\.getHeaders\(\)\.addAll\(forwardTraceHeaders\(request\)\), response -> null\);/);
    const fromLambda = await forwardFirst(controller(servlet, parameters, body('r -> r.getHeaders().setContentType(MediaType.APPLICATION_JSON)')));
    assert.match(fromLambda, /r -> \{ r\.getHeaders\(\)\.addAll\(forwardTraceHeaders\(request\)\); r\.getHeaders\(\)\.setContentType\(MediaType\.APPLICATION_JSON\); \}/);
    const fromBlock = await forwardFirst(controller(servlet, parameters, body('(r) -> { r.getBody().write(1); }')));
    assert.match(fromBlock, /\(r\) -> \{ r\.getHeaders\(\)\.addAll\(forwardTraceHeaders\(request\)\); r\.getBody\(\)\.write\(1\); \}/);
    // `outgoing` is taken by a local: the new lambda's parameter (which may not hide it) gets another name.
    const called = await forwardFirst(controller(servlet, parameters, `        String outgoing = "";\n${body('rest.httpEntityCallback(outgoing)')}`));
    assert.match(called, /outgoingRequest -> \{ outgoingRequest\.getHeaders\(\)\.addAll\(forwardTraceHeaders\(request\)\); rest\.httpEntityCallback\(outgoing\)\.doWithRequest\(outgoingRequest\); \}/);
  });

  it('RestTemplate headForHeaders and optionsForAllow become exchange, returning what they returned', async () => {
    const text = controller(servlet, 'HttpServletRequest request', '        rest.headForHeaders("http://a:8080/x/{id}", 7);\n        rest.optionsForAllow("http://b:8080/x");');
    const once = await forwardFirst(text);
    assert.match(once, /rest\.exchange\("http:\/\/a:8080\/x\/\{id\}", HttpMethod\.HEAD, new HttpEntity<>\(forwardTraceHeaders\(request\)\), Void\.class, 7\)\.getHeaders\(\);/);
    assert.match(await forwardFirst(once), /rest\.exchange\("http:\/\/b:8080\/x", HttpMethod\.OPTIONS, new HttpEntity<>\(forwardTraceHeaders\(request\)\), Void\.class\)\.getHeaders\(\)\.getAllow\(\);/);
  });

  it('RestTemplate exchange with a RequestEntity built in a local: the builder gets .headers(…)', async () => {
    const text = controller(
      `${servlet}\nimport java.net.URI;`,
      '@RequestBody String body, HttpServletRequest request',
      '        RequestEntity<String> sent = RequestEntity.post(URI.create("http://a:8080/x")).contentType(MediaType.TEXT_PLAIN).body(body);\n        rest.exchange(sent, String.class);',
    );
    assert.match(await forwardFirst(text), /RequestEntity\.post\(URI\.create\("http:\/\/a:8080\/x"\)\)\.headers\(forwardTraceHeaders\(request\)\)\.contentType/);
  });

  it('RestTemplate exchange with new RequestEntity<>(…): reported when it has no headers (the URI is not taken for them), which go before the method', async () => {
    const text = controller(
      `${servlet}\nimport java.net.URI;`,
      '@RequestBody String body, HttpServletRequest request',
      [
        '        rest.exchange(new RequestEntity<>(HttpMethod.GET, URI.create("http://a:8080/x")), String.class);',
        '        rest.exchange(new RequestEntity<>(body, HttpMethod.POST, URI.create("http://b:8080/x")), String.class);',
        '        HttpHeaders sent = new HttpHeaders();',
        '        rest.exchange(new RequestEntity<>(body, sent, HttpMethod.PUT, URI.create("http://c:8080/x")), String.class);',
      ].join('\n'),
    );
    const engine = await sharedEngine();
    const lineOf = (host: string): number => text.split('\n').findIndex((line) => line.includes(`http://${host}:8080`)) + 1;
    assert.deepEqual(engine.analyze({ path, text, options }).findings.map((finding) => finding.line), [lineOf('a'), lineOf('b'), lineOf('c')]);
    const first = await forwardFirst(text);
    assert.match(first, /new RequestEntity<>\(forwardTraceHeaders\(request\), HttpMethod\.GET, URI\.create\("http:\/\/a:8080\/x"\)\)/);
    const second = await forwardFirst(first);
    assert.match(second, /new RequestEntity<>\(body, forwardTraceHeaders\(request\), HttpMethod\.POST, URI\.create\("http:\/\/b:8080\/x"\)\)/);
    const third = await forwardFirst(second);
    assert.match(third, /\n {8}sent\.addAll\(forwardTraceHeaders\(request\)\);\n {8}rest\.exchange\(new RequestEntity<>\(body, sent, HttpMethod\.PUT/);
  });

  it('RestTemplate with an entity in a local: its local headers get the forwarded ones, even when they are its only argument', async () => {
    const text = controller(
      servlet,
      'HttpServletRequest request',
      '        HttpHeaders sent = new HttpHeaders();\n        HttpEntity<Void> entity = new HttpEntity<>(sent);\n        rest.exchange("http://a:8080/x", HttpMethod.GET, entity, String.class);',
    );
    assert.match(await forwardFirst(text), /\n {8}sent\.addAll\(forwardTraceHeaders\(request\)\);\n {8}HttpEntity<Void> entity = new HttpEntity<>\(sent\);/);
  });

  it('RestTemplate sending headers kept in a field: no forward fix, since adding to them would leak into other requests', async () => {
    const engine = await sharedEngine();
    const text = controller(servlet, 'HttpServletRequest request', '        rest.postForObject("http://a:8080/x", new HttpEntity<>("{}", shared), String.class);', '    private final HttpHeaders shared = new HttpHeaders();\n');
    const analysis = engine.analyze({ path, text, options });
    const [finding] = analysis.findings;
    assert.ok(finding);
    const kinds = proposeFixes(engine, { path, text, analysis, options, facts: noProjectFacts }, finding).map((fix) => fix.kind);
    assert.deepEqual(kinds, ['ignore-line', 'ignore-file']);
  });

  it('Spring handler without the request or its headers: @RequestHeader HttpHeaders is added, with its imports', async () => {
    const text = `package shop;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class Api {
    private final RestTemplate rest = new RestTemplate();

    @DeleteMapping("/orders/{id}")
    public void delete(
            @PathVariable String id) {
        String headers = id;
        rest.delete("http://a:8080/x/" + headers);
    }
}
`;
    const fixed = await forwardFirst(text);
    assert.match(fixed, /\nimport org\.springframework\.http\.HttpHeaders;\nimport org\.springframework\.web\.bind\.annotation\.DeleteMapping;\nimport org\.springframework\.web\.bind\.annotation\.PathVariable;\nimport org\.springframework\.web\.bind\.annotation\.RequestHeader;\nimport org\.springframework\.web\.bind\.annotation\.RestController;\n/);
    // `headers` is a local already: the parameter takes the next name, on its own line like the one before it.
    assert.match(fixed, /public void delete\(\n {12}@PathVariable String id,\n {12}@RequestHeader HttpHeaders incomingHeaders\) \{/);
    assert.match(fixed, /rest\.exchange\("http:\/\/a:8080\/x\/" \+ headers, org\.springframework\.http\.HttpMethod\.DELETE, new org\.springframework\.http\.HttpEntity<>\(forwardTraceHeaders\(incomingHeaders\)\), Void\.class\);/);
    assert.match(fixed, /forwardTraceHeaders\(HttpHeaders incoming\)[\s\S]*incoming\.getFirst\(name\)/);
    // The fix on a second call in the same handler reuses the parameter, the imports and the helper.
    const again = await forwardFirst(fixed.replace('rest.exchange(', 'rest.delete("http://b:8080/y");\n        rest.exchange('));
    assert.equal(again.match(/import org\.springframework\.http\.HttpHeaders;/g)?.length, 1);
    assert.equal(again.match(/@RequestHeader HttpHeaders/g)?.length, 1);
    assert.match(again, /rest\.exchange\("http:\/\/b:8080\/y", org\.springframework\.http\.HttpMethod\.DELETE, new org\.springframework\.http\.HttpEntity<>\(forwardTraceHeaders\(incomingHeaders\)\), Void\.class\);/);
  });

  it('JAX-RS resource with only single header values: @Context HttpHeaders is added (javax), and the client chain forwards', async () => {
    const text = `package inv;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.client.ClientBuilder;
import javax.ws.rs.client.Entity;

@Path("/stock")
public class Stock {
    @POST
    public void reserve(@HeaderParam("x-b3-traceid") String traceId) {
        ClientBuilder.newClient().target("http://billing:8080/holds").request().post(Entity.json(traceId));
    }
}
`;
    const fixed = await forwardFirst(text);
    assert.match(fixed, /import javax\.ws\.rs\.client\.Entity;\nimport javax\.ws\.rs\.core\.Context;\nimport javax\.ws\.rs\.core\.HttpHeaders;\n/);
    assert.match(fixed, /public void reserve\(@HeaderParam\("x-b3-traceid"\) String traceId, @Context HttpHeaders headers\) \{/);
    assert.match(fixed, /withTraceHeaders\(ClientBuilder\.newClient\(\)\.target\("http:\/\/billing:8080\/holds"\)\.request\(\), headers\)\.post\(Entity\.json\(traceId\)\);/);
    assert.match(fixed, /javax\.ws\.rs\.client\.Invocation\.Builder withTraceHeaders\(javax\.ws\.rs\.client\.Invocation\.Builder builder, HttpHeaders incoming\)[\s\S]*incoming\.getHeaderString\(name\)/);
  });

  it('offers no forward fix in a method that only receives single header values and is no framework handler (its callers would change)', async () => {
    const engine = await sharedEngine();
    const text = `package shop;

import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestTemplate;

public class Relay {
    private final RestTemplate rest = new RestTemplate();

    public void relay(@RequestHeader("traceparent") String traceparent) {
        rest.delete("http://a:8080/x");
    }
}
`;
    const analysis = engine.analyze({ path, text, options });
    const [finding] = analysis.findings;
    assert.ok(finding);
    const kinds = proposeFixes(engine, { path, text, analysis, options, facts: noProjectFacts }, finding).map((fix) => fix.kind);
    assert.deepEqual(kinds, ['ignore-line', 'ignore-file']);
  });
});
