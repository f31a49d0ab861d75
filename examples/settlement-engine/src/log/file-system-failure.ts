/** What the engine was doing to which file when the file system said no. */
export interface FileSystemAction {
  /** The file, as prose: 'the lock file', 'the command log'. */
  what: string
  path: string
  /** The directory the fix names: where access or space is needed. */
  directory: string
  /** What it was doing, e.g. 'create'; by default read from the failed system call. */
  verb?: string
}

/**
 * A file or directory the engine needs could not be used: says what the
 * engine was doing, to which path, why (the errno), and the fix.
 *
 * @example
 *   const cause = Object.assign(new Error("EROFS: read-only file system, open '/d/LOCK'"), {
 *     code: 'EROFS',
 *     syscall: 'open',
 *   })
 *   throw new FileSystemFailure({ verb: 'create', what: 'the lock file', path: '/d/LOCK', directory: '/d' }, cause)
 */
export class FileSystemFailure extends Error {
  override name = 'FileSystemFailure'
  /** The errno name: 'EACCES', 'ENOSPC', … */
  readonly code: string

  constructor(
    readonly action: FileSystemAction,
    cause: NodeJS.ErrnoException,
  ) {
    const code = errnoOf(cause)!
    const doing = action.verb ?? verbFor(cause.syscall)
    super(`cannot ${doing} ${action.what} ${action.path}: ${reasonOf(cause)} (${code}). ${fixFor(code, action)}`, {
      cause,
    })
    this.code = code
  }
}

/**
 * Turns a system error (anywhere in the `cause` chain) into a
 * FileSystemFailure for the action; returns any other error as it is.
 *
 * @example
 *   try {
 *     await import('node:fs/promises').then((fs) => fs.open('/d/commands.ndjson', 'r+'))
 *   } catch (error) {
 *     throw explainFileSystemError(error, { what: 'the command log', path: '/d/commands.ndjson', directory: '/d' })
 *   }
 */
export function explainFileSystemError(error: unknown, action: FileSystemAction): unknown {
  if (error instanceof FileSystemFailure) return error
  for (let at: unknown = error; at instanceof Error; at = at.cause)
    if (errnoOf(at) !== undefined) return new FileSystemFailure(action, at)
  return error
}

// An errno name such as 'EACCES', from a system error; fs.rm reports 'ERR_FS_EISDIR' with the errno in `info`.
function errnoOf(error: Error): string | undefined {
  const { code, syscall, info } = error as NodeJS.ErrnoException & { info?: { code?: unknown } }
  if (typeof syscall !== 'string') return undefined
  const errno = typeof info?.code === 'string' ? info.code : code
  return typeof errno === 'string' && /^E[A-Z0-9]+$/.test(errno) ? errno : undefined
}

function reasonOf(error: NodeJS.ErrnoException): string {
  const info = (error as { info?: { message?: unknown } }).info
  if (typeof info?.message === 'string') return info.message
  // "ENOSPC: no space left on device, write" → "no space left on device"
  return /^E[A-Z0-9]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message
}

const verbs: Record<string, string> = {
  mkdir: 'create',
  open: 'open',
  read: 'read',
  write: 'write to',
  writev: 'write to',
  ftruncate: 'truncate',
  fdatasync: 'flush',
  fsync: 'flush',
  fstat: 'read the size of',
  stat: 'read the size of',
  close: 'close',
  rm: 'remove',
  unlink: 'remove',
}

function verbFor(syscall: string | undefined): string {
  return verbs[syscall ?? ''] ?? 'use'
}

function fixFor(code: string, { path, directory }: FileSystemAction): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Give the user running the engine write access to ${directory}, or pick another --data-dir`
    case 'EROFS':
      return `${directory} is on a read-only file system: remount it read-write, or pick a --data-dir on a writable one`
    case 'ENOSPC':
      return (
        `Free space on the disk holding ${directory}, or move the data directory to a bigger disk and point ` +
        '--data-dir at it'
      )
    case 'EDQUOT':
      return (
        `Free space within the disk quota of the user running the engine, or raise it, or move the data ` +
        `directory to another disk and point --data-dir at it`
      )
    case 'ENOTDIR':
      return `Part of ${path} is a file, not a directory: pick another --data-dir`
    case 'EEXIST':
      return `Something other than a directory is at ${path}: move it away, or pick another --data-dir`
    case 'EISDIR':
      return `${path} is a directory where the engine keeps a file: move it away, or pick another --data-dir`
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files are open: raise the open-file limit (ulimit -n) and start the engine again'
    case 'EIO':
      return `The disk holding ${directory} is failing: check it (dmesg), or move the data directory to a sound disk`
    default:
      return `Check ${path} and the disk holding it, or pick another --data-dir`
  }
}
