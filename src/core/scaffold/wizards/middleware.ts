import { parseGoPackage, parseJavaPackage, problemOf, valueOf } from '../inputs';
import { buildMiddleware, frameworks } from '../middleware/build';
import { headerGroupIds, headerGroups, headersOf, type Framework, type HeaderGroup } from '../middleware/headers';
import { answerList, answerText, type Answers, type Wizard } from '../wizard';

const frameworkOf = (answers: Answers): Framework => answerText(answers, 'framework') as Framework;

export const middlewareWizard: Wizard = {
  id: 'middleware',
  title: 'Header-propagation middleware',
  summary: 'A helper that captures the trace headers of the incoming request and adds them to outbound calls',
  steps: [
    {
      kind: 'pick',
      id: 'framework',
      flag: 'framework',
      title: 'Language and framework',
      choices: () => (Object.keys(frameworks) as Framework[]).map((id) => ({ id, label: frameworks[id].label, detail: frameworks[id].detail })),
      initial: () => 'flask',
    },
    {
      kind: 'multi',
      id: 'headers',
      flag: 'headers',
      title: 'Headers to forward',
      choices: () => headerGroupIds.map((id) => ({ id, label: headerGroups[id].label, detail: headerGroups[id].headers.join(', ') })),
      initial: () => ['w3c', 'b3', 'request-id'],
      validate: (ids) => (ids.length === 0 ? 'Choose at least one group of headers.' : undefined),
    },
    {
      kind: 'text',
      id: 'goPackage',
      flag: 'go-package',
      title: 'Go package name',
      prompt: 'The package the file belongs to',
      when: (answers) => frameworkOf(answers) === 'go',
      condition: 'with --framework go',
      initial: () => 'tracing',
      validate: (text) => problemOf(parseGoPackage(text)),
    },
    {
      kind: 'text',
      id: 'javaPackage',
      flag: 'java-package',
      title: 'Java package',
      prompt: 'A package Spring Boot scans for @Configuration classes',
      when: (answers) => frameworkOf(answers) === 'spring',
      condition: 'with --framework spring',
      initial: () => 'com.example.tracing',
      validate: (text) => problemOf(parseJavaPackage(text)),
    },
  ],
  build(answers) {
    const framework = frameworkOf(answers);
    const packageName =
      framework === 'go' ? valueOf(parseGoPackage(answerText(answers, 'goPackage'))) : framework === 'spring' ? valueOf(parseJavaPackage(answerText(answers, 'javaPackage'))) : '';
    const spec = { framework, headers: headersOf(answerList(answers, 'headers') as HeaderGroup[]), packageName };
    return { text: buildMiddleware(spec), languageId: frameworks[framework].languageId, fileName: frameworks[framework].fileName };
  },
};
