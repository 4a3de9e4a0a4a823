import { Document, isScalar, Scalar, visit } from 'yaml';

/** Short lists of scalars (pipelines, verbs) read best inline, as collector and Kubernetes docs write them. */
const inlineListLimit = 60;

/** YAML as Trace Stitch writes it: two-space indents, no anchors, no line folding, `#` comments on top. */
export function yamlDocument(value: unknown, comment?: string): string {
  const document = new Document(value, { aliasDuplicateObjects: false });
  visit(document, {
    Seq(_key, node) {
      const texts = node.items.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : undefined));
      const width = texts.reduce((total: number, text) => total + (text?.length ?? inlineListLimit) + 2, 0);
      if (texts.length > 0 && width <= inlineListLimit) node.flow = true;
    },
  });
  if (comment) document.commentBefore = comment.split('\n').map((line) => ` ${line}`).join('\n');
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false });
}

/** Several documents in one file, separated by `---`. */
export function yamlStream(documents: readonly string[]): string {
  return documents.join('---\n');
}

/** A string written as a literal block (`|`), for YAML embedded in a ConfigMap. */
export function literalBlock(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

