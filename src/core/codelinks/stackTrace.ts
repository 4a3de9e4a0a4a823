/**
 * Parses `exception.stacktrace` texts in the formats of Python, Java (and other JVM languages), Node.js, Go and
 * .NET into frames. The file of a frame is what the trace says, often a container path such as
 * `/app/orders/server.py`; resolving it to a workspace file is `resolveTracePath`'s job.
 */
export type StackLanguage = 'python' | 'java' | 'node' | 'go' | 'dotnet';

export interface StackFrame {
  readonly language: StackLanguage;
  /** A path, or for Java a package-relative path such as `com/example/OrderController.java`. */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly functionName?: string;
}

interface LineParser {
  readonly language: StackLanguage;
  parse(line: string, next: string | undefined): StackFrame | undefined;
}

// Python: `  File "/app/orders/server.py", line 42, in get_order`
const pythonFrame = /^\s*File "([^"]+)", line (\d+)(?:, in (.+))?\s*$/;
// JVM: `\tat com.example.orders.OrderController.get(OrderController.java:42)`
const javaFrame = /^\s*at (?:[\w.$-]+\/)*([\w$.<>]+)\.([\w$<>]+)\(([\w$-]+\.(?:java|kt|scala|groovy)):(\d+)\)\s*$/;
// Node.js: `    at handler (/app/src/server.js:42:13)` or `    at /app/src/server.js:42:13`
const nodeFrameWithName = /^\s*at (?:async )?(.+?) \((.+):(\d+):(\d+)\)\s*$/;
const nodeFrameBare = /^\s*at (?:async )?(.+):(\d+):(\d+)\s*$/;
// Go: a function line followed by `\t/app/inventory/main.go:42 +0x1d`
const goFileLine = /^\t(\/?[^\s:]+\.go):(\d+)(?: \+0x[0-9a-f]+)?\s*$/;
const goFunctionLine = /^([\w./*()-]+)\(.*\)\s*$/;
// .NET: `   at Orders.OrderController.Get(Int32 id) in /app/Orders/OrderController.cs:line 42`
const dotnetFrame = /^\s*at (.+?)\(.*\) in (.+):line (\d+)\s*$/;

const parsers: readonly LineParser[] = [
  {
    language: 'python',
    parse(line) {
      const match = pythonFrame.exec(line);
      if (!match?.[1] || !match[2]) return undefined;
      return frame('python', match[1], match[2], undefined, match[3]);
    },
  },
  {
    language: 'dotnet',
    parse(line) {
      const match = dotnetFrame.exec(line);
      if (!match?.[1] || !match[2] || !match[3]) return undefined;
      return frame('dotnet', match[2], match[3], undefined, match[1]);
    },
  },
  {
    language: 'java',
    parse(line) {
      const match = javaFrame.exec(line);
      if (!match?.[1] || !match[2] || !match[3] || !match[4]) return undefined;
      const packagePath = match[1].split('.').slice(0, -1).join('/');
      const file = packagePath ? `${packagePath}/${match[3]}` : match[3];
      return frame('java', file, match[4], undefined, `${match[1]}.${match[2]}`);
    },
  },
  {
    language: 'node',
    parse(line) {
      const named = nodeFrameWithName.exec(line);
      if (named?.[2] && named[3] && named[4]) return nodeFrame(named[2], named[3], named[4], named[1]);
      const bare = nodeFrameBare.exec(line);
      if (bare?.[1] && bare[2] && bare[3]) return nodeFrame(bare[1], bare[2], bare[3], undefined);
      return undefined;
    },
  },
  {
    language: 'go',
    parse(line, next) {
      const fn = goFunctionLine.exec(line);
      const location = next === undefined ? undefined : goFileLine.exec(next);
      if (!fn?.[1] || !location?.[1] || !location[2]) return undefined;
      return frame('go', location[1], location[2], undefined, fn[1]);
    },
  },
];

function frame(
  language: StackLanguage,
  file: string,
  line: string,
  column: string | undefined,
  functionName: string | undefined,
): StackFrame {
  return {
    language,
    file,
    line: Number(line),
    ...(column === undefined ? {} : { column: Number(column) }),
    ...(functionName === undefined ? {} : { functionName: functionName.trim() }),
  };
}

/** Node frames for built-ins (`node:internal/…`) and native code point at no file in anyone's workspace. */
function nodeFrame(file: string, line: string, column: string, functionName: string | undefined): StackFrame | undefined {
  if (file.startsWith('node:') || file === 'native' || file.startsWith('<anonymous>')) return undefined;
  const path = file.startsWith('file://') ? decodeURI(file.slice('file://'.length)) : file;
  return frame('node', path, line, column, functionName);
}

/** All frames of a stack trace text, innermost first as the runtime printed them (Python prints outermost first). */
export function parseStackTrace(text: string): StackFrame[] {
  const lines = text.split(/\r?\n/);
  const frames: StackFrame[] = [];
  lines.forEach((line, index) => {
    for (const parser of parsers) {
      const parsed = parser.parse(line, lines[index + 1]);
      if (parsed) {
        frames.push(parsed);
        return;
      }
    }
  });
  return isPythonTraceback(frames) ? frames.reverse() : frames;
}

/** Python tracebacks list the most recent call last; callers want the innermost frame first everywhere. */
function isPythonTraceback(frames: readonly StackFrame[]): boolean {
  return frames.length > 0 && frames.every((parsed) => parsed.language === 'python');
}
