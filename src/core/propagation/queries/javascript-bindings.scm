; JavaScript and TypeScript statements that bind or change names, queried per scope when the engine first resolves a name there
; (analysis/fileContext.ts). Capture name: @binding.

[(variable_declarator) (assignment_expression) (augmented_assignment_expression) (for_in_statement)] @binding
(expression_statement [(call_expression) (await_expression (call_expression))]) @binding
