/**
 * Everything the CLI says goes to stderr, one line at a time: stdout belongs
 * to JSON-RPC (serve) or to the JSON report (inspect).
 */
import type { ErrorCode, OutputStreamName } from '../host/index.js';

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

export function note(text: string): void {
  process.stderr.write(`wasi-mcp: ${oneLine(text)}\n`);
}

export function errorLine(code: ErrorCode, message: string): string {
  return `wasi-mcp: error ${code}: ${oneLine(message)}\n`;
}

/** The component's own stdout/stderr, each line prefixed (e.g. "[component stderr] ..."). */
export function componentOutput(label: () => string): (stream: OutputStreamName, text: string) => void {
  return (stream, text) => {
    const prefix = `[${label()} ${stream}] `;
    const lines = text.endsWith('\n') ? text.slice(0, -1) : text;
    process.stderr.write(`${prefix}${lines.split('\n').join(`\n${prefix}`)}\n`);
  };
}

/** Writes to stdout and resolves when the data is handed to the OS (before process.exit). */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

/**
 * In stdio mode nothing but the transport may write to stdout: a library's
 * console.log would corrupt the JSON-RPC stream, so the console goes to stderr.
 */
export function keepConsoleOffStdout(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}
