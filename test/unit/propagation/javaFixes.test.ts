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

  it('offers no forward fix when the handler only receives single header values (the ignore fixes remain)', async () => {
    const engine = await sharedEngine();
    const text = controller('', '@RequestHeader("traceparent") String traceparent', '        rest.delete("http://a:8080/x");');
    const analysis = engine.analyze({ path, text, options });
    const [finding] = analysis.findings;
    assert.ok(finding);
    const kinds = proposeFixes(engine, { path, text, analysis, options, facts: noProjectFacts }, finding).map((fix) => fix.kind);
    assert.deepEqual(kinds, ['ignore-line', 'ignore-file']);
  });
});
