; Java shapes the propagation linter looks at. Capture names are read by languages/java/analyze.ts.

; Classes with their annotations: @RestController @RequestMapping("/api"), @Path("/orders"), @WebServlet("/x")
(class_declaration (modifiers) @class.modifiers body: (class_body) @class.body) @class

; Methods and constructors: handlers by annotation (@GetMapping, @GET) or by signature (doGet, HttpServletRequest)
[(method_declaration) (constructor_declaration)] @function

; Fields and locals with their declared types: which names are RestTemplate, WebClient, HttpClient, OkHttpClient, Client
(field_declaration type: (_) @typed.type declarator: (variable_declarator name: (identifier) @typed.name))
(local_variable_declaration type: (_) @typed.type declarator: (variable_declarator name: (identifier) @typed.name))
(formal_parameter type: (_) @typed.type name: (identifier) @typed.name)

; Calls: client methods, request builders and chains
(method_invocation name: (identifier) @call.callee) @call
