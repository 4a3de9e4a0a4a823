import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Generates a multi-service workspace of realistic handler code for the propagation benchmarks: Flask and FastAPI
 * views, Express and NestJS-style routers, net/http and gin handlers, Spring controllers, each with helpers,
 * models and plain logic around the outbound calls (about a third of which forward the trace headers).
 */

type Block = (index: number) => string;

const python: Block = (i) => `

class Order${i}:
    def __init__(self, order_id, items, customer):
        self.order_id = order_id
        self.items = items
        self.customer = customer

    def total(self):
        return sum(item["price"] * item.get("quantity", 1) for item in self.items)


def trace_headers_${i}(req):
    return {name: req.headers[name] for name in ("traceparent", "tracestate", "x-request-id") if name in req.headers}


@app.route("/api/v${i % 3}/orders/<order_id>", methods=["GET"])
def get_order_${i}(order_id):
    cached = CACHE.get(order_id)
    if cached is not None:
        return jsonify(cached)
    stock = requests.get(f"{INVENTORY}/items/{order_id}", timeout=2)
    price = requests.get(f"{PRICING}/prices/{order_id}", headers=trace_headers_${i}(request))
    order = Order${i}(order_id, stock.json().get("items", []), request.args.get("customer"))
    CACHE[order_id] = {"id": order_id, "total": order.total(), "price": price.json()}
    return jsonify(CACHE[order_id])
`;

const pythonHeader = `import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
INVENTORY = "http://inventory:8080"
PRICING = "http://pricing:8080"
CACHE = {}
`;

const typescript: Block = (i) => `

interface Invoice${i} {
  id: string;
  lines: { sku: string; quantity: number; price: number }[];
  customer?: string;
}

function totalOf${i}(invoice: Invoice${i}): number {
  return invoice.lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
}

function traceHeaders${i}(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate', 'x-request-id']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

router.get('/invoices/${i}/:id', async (req: Request, res: Response) => {
  const { data } = await axios.get<Invoice${i}>(\`\${LEDGER}/invoices/\${req.params.id}\`);
  const customer = await fetch(\`\${CUSTOMERS}/customers/\${data.customer ?? 'none'}\`, { headers: traceHeaders${i}(req) });
  if (!customer.ok) {
    res.status(502).json({ error: 'customer lookup failed' });
    return;
  }
  res.json({ ...data, total: totalOf${i}(data), customer: await customer.json() });
});
`;

const typescriptHeader = `import express, { type Request, type Response } from 'express';
import axios from 'axios';

export const router = express.Router();
const LEDGER = 'http://ledger:8080';
const CUSTOMERS = 'http://customers:8080';
`;

const go: Block = (i) => `

type Item${i} struct {
	SKU      string  \`json:"sku"\`
	Quantity int     \`json:"quantity"\`
	Price    float64 \`json:"price"\`
}

func total${i}(items []Item${i}) float64 {
	sum := 0.0
	for _, item := range items {
		sum += float64(item.Quantity) * item.Price
	}
	return sum
}

func (s *server) handleStock${i}(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	resp, err := http.Get(fmt.Sprintf("%s/stock/%s", s.inventory, id))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, s.pricing+"/prices/"+id, nil)
	for _, name := range traceHeaders {
		req.Header.Set(name, r.Header.Get(name))
	}
	price, err := s.client.Do(req)
	if err == nil {
		defer price.Body.Close()
	}
	var items []Item${i}
	_ = json.NewDecoder(resp.Body).Decode(&items)
	fmt.Fprintf(w, "%f", total${i}(items))
}
`;

const goHeader = `package main

import (
	"encoding/json"
	"fmt"
	"net/http"
)

var traceHeaders = []string{"traceparent", "tracestate", "x-request-id"}

type server struct {
	client    *http.Client
	inventory string
	pricing   string
}
`;

const java: Block = (i) => `

    public record Line${i}(String sku, int quantity, double price) {
        public double amount() {
            return quantity * price;
        }
    }

    @GetMapping("/quotes/${i}/{id}")
    public Map<String, Object> quote${i}(@PathVariable String id, @RequestHeader HttpHeaders incoming) {
        String catalog = restTemplate.getForObject(CATALOG + "/products/" + id, String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.set("traceparent", incoming.getFirst("traceparent"));
        ResponseEntity<String> stock = restTemplate.exchange(STOCK + "/levels/" + id, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        double total = 0;
        for (Line${i} line : List.of(new Line${i}(id, 1, 9.5), new Line${i}(id, 2, 3.25))) {
            total += line.amount();
        }
        return Map.of("catalog", catalog, "stock", stock.getBody(), "total", total);
    }
`;

const javaHeader = (name: string): string => `package shop;

import java.util.List;
import java.util.Map;
import org.springframework.http.*;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
@RequestMapping("/api")
public class ${name} {
    private static final String CATALOG = "http://catalog:8080";
    private static final String STOCK = "http://stock:8080";
    private final RestTemplate restTemplate = new RestTemplate();
`;

interface Language {
  readonly folder: string;
  readonly extension: string;
  readonly header: (name: string) => string;
  readonly block: Block;
  readonly footer: string;
  readonly manifest: readonly [string, string];
}

const languages: readonly Language[] = [
  { folder: 'py', extension: '.py', header: () => pythonHeader, block: python, footer: '', manifest: ['requirements.txt', 'flask\nrequests\n'] },
  { folder: 'ts', extension: '.ts', header: () => typescriptHeader, block: typescript, footer: '', manifest: ['package.json', '{ "name": "svc" }\n'] },
  { folder: 'go', extension: '.go', header: () => goHeader, block: go, footer: '', manifest: ['go.mod', 'module example.com/svc\n\ngo 1.22\n'] },
  { folder: 'java', extension: '.java', header: javaHeader, block: java, footer: '}\n', manifest: ['pom.xml', '<project/>\n'] },
];

const lines = (text: string): number => text.split('\n').length - 1;

/** Writes about `targetLines` lines of code under `root` (files of ~`fileLines` lines); returns the exact count. */
export function generateWorkspace(root: string, targetLines: number, fileLines = 400): { files: number; lines: number } {
  let total = 0;
  let files = 0;
  for (let service = 0; total < targetLines; service++) {
    const language = languages[service % languages.length];
    if (!language) break;
    const folder = path.join(root, `${language.folder}-service-${service}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, language.manifest[0]), language.manifest[1]);
    for (let file = 0; file < 6 && total < targetLines; file++) {
      const name = `Handlers${service}x${file}`;
      let text = language.header(name);
      for (let block = 0; lines(text) < fileLines; block++) text += language.block(service * 1000 + file * 100 + block);
      text += language.footer;
      writeFileSync(path.join(folder, `${language.folder === 'java' ? name : `handlers_${file}`}${language.extension}`), text);
      total += lines(text);
      files++;
    }
  }
  return { files, lines: total };
}

/** One generated file of about `targetLines` lines in a language, for the re-lint benchmark. */
export function generateFile(extension: '.py' | '.ts', targetLines: number): string {
  const language = languages.find((candidate) => candidate.extension === extension);
  if (!language) throw new Error(`no generator for ${extension}`);
  let text = language.header('Big');
  for (let block = 0; lines(text) < targetLines; block++) text += language.block(block);
  return text + language.footer;
}
