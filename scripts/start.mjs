// `npm start`: the extension in a real VS Code, connected to a local sandbox with demo
// data, on a copy of examples/. Options: --desktop | --browser, --port <n>.
import { runDemo } from '../test/harness/demo.ts';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error('--port needs a number between 1 and 65535.');
  process.exit(2);
}
const mode = args.includes('--desktop') ? 'desktop' : args.includes('--browser') ? 'browser' : 'auto';
await runDemo({ mode, ...(port !== undefined ? { port } : {}) });
