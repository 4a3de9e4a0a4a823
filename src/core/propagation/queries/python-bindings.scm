; Python statements that bind or change names, queried per scope when the engine first resolves a name there
; (analysis/fileContext.ts). Capture name: @binding.

[(assignment) (augmented_assignment) (named_expression) (for_statement) (for_in_clause) (as_pattern)] @binding
(expression_statement (call)) @binding
