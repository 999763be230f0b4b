// Command-line entry of the sandbox server; replaced by the sandbox implementation.
console.error('The sandbox is not built yet.');
process.exitCode = 1;
