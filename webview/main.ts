// Entry of the mapping screen bundle (dist/webview/main.js).
import { runScreen } from './screen';
import { registerToolkit } from './toolkit';
import { connectToHost } from './vscode-api';

registerToolkit();
const root = document.getElementById('app');
if (root === null) throw new Error('The mapping screen needs an element with id "app".');
runScreen(root, connectToHost());
