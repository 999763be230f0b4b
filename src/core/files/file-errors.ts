/** File-system failures said in words a person understands, instead of "EISDIR: illegal operation…". */

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** One sentence naming `name` and what is wrong with it, or undefined when `error` is not a known file-system failure. */
export function fileErrorInWords(error: unknown, name: string): string | undefined {
  switch (codeOf(error)) {
    case 'EISDIR': return `${name} is a folder, not a file.`;
    case 'ENOENT': return `${name} does not exist any more (it may have been moved, renamed or deleted).`;
    case 'ENOTDIR': return `${name} does not exist: a folder in its path is a file.`;
    case 'EACCES':
    case 'EPERM': return `You do not have permission to read ${name}.`;
    case 'ELOOP': return `${name} is a symbolic link that leads round in a circle (too many links).`;
    case 'EBUSY': return `${name} is locked by another program; close it there and try again.`;
    case 'EMFILE':
    case 'ENFILE': return `Too many files are open on this machine to read ${name}; close some programs and try again.`;
    case 'ENAMETOOLONG': return `The path of ${name} is too long for this system.`;
    case 'EIO': return `${name} could not be read from the disk (an input/output error); the disk or network share may be failing.`;
    default: return undefined;
  }
}
