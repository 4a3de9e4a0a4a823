; Python shapes the propagation linter looks at. Capture names are read by languages/python/analyze.ts.

; import requests / import requests as rq / import urllib.request as ur
(import_statement name: (dotted_name) @import.module)
(import_statement name: (aliased_import name: (dotted_name) @import.module alias: (identifier) @import.alias))

; from requests import get / from httpx import AsyncClient as Client
(import_from_statement module_name: (dotted_name) @from.module name: (dotted_name) @from.name)
(import_from_statement module_name: (dotted_name) @from.module name: (aliased_import name: (dotted_name) @from.name alias: (identifier) @from.alias))

; Route decorators: @app.route("/x"), @router.get("/x"), @routes.post("/x"), @api_view(["GET"]), @require_GET
(decorated_definition
  (decorator [(call) (attribute) (identifier)] @route.decorator)
  definition: (function_definition) @route.function)

; Class-based views: class OrderView(View): def get(self, request): …
(class_definition
  superclasses: (argument_list) @view.bases
  body: (block [(function_definition) @view.method
                (decorated_definition definition: (function_definition) @view.method)]))

; Every function: request-receiving helpers and same-file handlers referenced by registrations
(function_definition) @function

; Calls: outbound clients, client factories and route registrations (path(), add_url_rule(), add_get()…)
(call function: [(identifier) (attribute)] @call.callee) @call
