; Go statements that bind or change names, queried per scope when the engine first resolves a name there
; (analysis/fileContext.ts). Capture name: @binding.

[(short_var_declaration) (assignment_statement) (var_spec) (const_spec) (range_clause)] @binding
(expression_statement (call_expression)) @binding
