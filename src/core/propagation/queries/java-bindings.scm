; Java statements that bind or change names, queried per scope when the engine first resolves a name there
; (analysis/fileContext.ts). Capture name: @binding.

[(variable_declarator) (assignment_expression) (enhanced_for_statement)] @binding
(expression_statement (method_invocation)) @binding
