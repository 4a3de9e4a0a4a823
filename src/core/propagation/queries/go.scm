; Go shapes the propagation linter looks at. Capture names are read by languages/go/analyze.ts.

; import "net/http" / import oh "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
(import_spec name: (package_identifier)? @import.alias path: (interpreted_string_literal) @import.path)

; Functions and closures: handlers are recognised by their parameter types (*http.Request, *gin.Context, echo.Context)
[(function_declaration) (method_declaration) (func_literal)] @function

; Calls: route registrations (HandleFunc, GET, Get…), outbound calls (http.Get, client.Do) and request building
(call_expression function: [(selector_expression) (identifier)] @call.callee) @call

; Struct fields of type *http.Client, so `s.client.Do(req)` is known to be an HTTP call
(field_declaration name: (field_identifier) @client.field type: (_) @client.type)

; How struct fields get their values (`plain: &http.Client{…}`, `s.client = otelhttp.DefaultClient`), so a client
; field is judged by what this file puts in it
(keyed_element key: (literal_element (identifier) @field.key) value: (literal_element) @field.value)
(assignment_statement left: (expression_list . (selector_expression field: (field_identifier) @field.key) .) right: (expression_list . (_) @field.value .))
