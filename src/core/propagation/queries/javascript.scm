; JavaScript and TypeScript shapes the propagation linter looks at (compiled for the javascript, typescript and tsx
; grammars). Capture names are read by languages/javascript/analyze.ts.

; import axios from 'axios' / import * as http from 'node:http' / import { request as send } from 'undici'
(import_statement (import_clause (identifier) @import.default) source: (string (string_fragment) @import.source))
(import_statement (import_clause (namespace_import (identifier) @import.namespace)) source: (string (string_fragment) @import.source))
(import_statement
  (import_clause (named_imports (import_specifier name: (_) @import.name alias: (identifier)? @import.alias)))
  source: (string (string_fragment) @import.source))

; const axios = require('axios') / const { get } = require('https')
((variable_declarator
   name: (identifier) @require.default
   value: (call_expression function: (identifier) @require.function arguments: (arguments . (string (string_fragment) @require.source))))
 (#eq? @require.function "require"))
((variable_declarator
   name: (object_pattern) @require.pattern
   value: (call_expression function: (identifier) @require.function arguments: (arguments . (string (string_fragment) @require.source))))
 (#eq? @require.function "require"))

; NestJS controllers: @Controller('orders') class OrdersController { @Get(':id') find(…) {…} }
(class_declaration decorator: (decorator) @controller.decorator body: (class_body) @controller.body)
(export_statement decorator: (decorator) @controller.decorator declaration: (class_declaration body: (class_body) @controller.body))

; Next.js: export default function handler(req, res) / export async function GET(request)
(export_statement) @export

; Every function, and every call: handlers, registrations, clients and client factories
[(function_declaration) (function_expression) (arrow_function) (method_definition) (generator_function_declaration)] @function
(call_expression function: (_) @call.callee) @call
(new_expression constructor: (_) @call.callee) @call
